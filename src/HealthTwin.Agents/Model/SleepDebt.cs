namespace HealthTwin.Agents.Model;

/// <summary>The sleep debt over the last days present (at most 7).</summary>
/// <param name="Hours">Need × days − hours slept; negative when the user slept more than needed.</param>
/// <param name="NeedHours">The nightly need used (the profile's sleep need, else the baseline).</param>
/// <param name="Days">How many days were counted (0–7).</param>
public sealed record SleepDebt(double Hours, double NeedHours, int Days);

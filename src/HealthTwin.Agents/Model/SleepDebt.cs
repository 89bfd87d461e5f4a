namespace HealthTwin.Agents.Model;

/// <summary>The sleep debt over the last days present (at most 7).</summary>
/// <param name="Hours">
/// Need × nights − hours slept over the nights with a sleep duration; negative when the user slept more than needed;
/// <see langword="null"/> when no night in the window has a sleep duration or the need is unknown.
/// </param>
/// <param name="NeedHours">The nightly need used (the profile's sleep need, else the baseline); <see langword="null"/> when neither is known.</param>
/// <param name="Days">How many nights with a sleep duration were counted (0–7).</param>
public sealed record SleepDebt(double? Hours, double? NeedHours, int Days);

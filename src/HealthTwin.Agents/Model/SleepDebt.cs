namespace HealthTwin.Agents.Model;

/// <summary>The sleep debt over the last days present (at most 7).</summary>
/// <param name="Hours">
/// The hours short of the need. Evidence-based preset: accumulated night by night (oldest first, starting at 0), a
/// night longer than the need repays at most <c>HealthTwin:Rules:Sleep:RepaymentCapHours</c> and the debt never goes
/// below 0 (sleep is not banked for the nights that follow). Original app's preset: need × nights − hours slept,
/// negative when the user slept more than the need. <see langword="null"/> when no night in the window has a sleep
/// duration or the need is unknown.
/// </param>
/// <param name="NeedHours">The nightly need used (see <see cref="NeedSource"/>); <see langword="null"/> when unknown.</param>
/// <param name="Days">How many nights with a sleep duration were counted (0–7).</param>
public sealed record SleepDebt(double? Hours, double? NeedHours, int Days)
{
    /// <summary>Where <see cref="NeedHours"/> came from (the profile, the options, the age band, the adult floor, or the baseline).</summary>
    public SleepNeedSource NeedSource { get; init; }
}

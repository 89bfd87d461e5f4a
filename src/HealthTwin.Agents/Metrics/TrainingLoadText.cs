namespace HealthTwin.Agents.Metrics;

/// <summary>
/// The sentences that go with the training-load markers wherever an agent shows them (the injury-risk agent today; the
/// planner and the coach may quote them), so the caveats read the same everywhere.
/// </summary>
internal static class TrainingLoadText
{
    /// <summary>What the spike flag is and is not (Williams 2017, Gabbett 2016, Impellizzeri 2020).</summary>
    public const string SpikeCaveat =
        "A ratio above 1.5 is a conventional spike flag (EWMA ratio of Williams 2017; threshold from Gabbett 2016), not an injury probability or a diagnosis: "
        + "its link with injury is disputed and partly a statistical artefact (Impellizzeri 2020).";

    /// <summary>What a week-over-week jump in volume is and is not, and why there is no "10 % per week" limit.</summary>
    public const string VolumeJumpCaveat =
        "There is no well-tested safe weekly increase: a graded \"10 % per week\" plan did not lower injuries among novice runners (Buist 2008). "
        + "Treat the jump as a cue to ease into it, not as an injury prediction.";

    /// <summary>What the injury-risk points are and are not.</summary>
    public const string WarningSignsCaveat =
        "This counts warning signs in your data; it is not an injury probability or a diagnosis.";

    /// <summary>The evidence note of the acute:chronic workload ratio.</summary>
    public const string RatioNote =
        "7-day vs 28-day exponentially weighted load (Williams 2017); above the threshold is a spike flag, not an injury probability (Impellizzeri 2020)";

    /// <summary>The evidence note of Foster's monotony.</summary>
    public const string MonotonyNote =
        "Foster's monotony of the last 7 calendar days (mean / population SD, rest days 0, capped at 10); above the threshold is high";
}

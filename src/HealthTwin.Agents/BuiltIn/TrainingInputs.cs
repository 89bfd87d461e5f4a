using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>What the <see cref="TrainingDecision"/> is made from.</summary>
/// <param name="Readiness">Today's readiness (0–100), or <see langword="null"/> when it could not be judged.</param>
/// <param name="Burnout">The burnout level, or <see langword="null"/> when it could not be judged.</param>
/// <param name="ExamPhase">Whether the profile is in an exam phase.</param>
/// <param name="TodayLoad">Today's training load, or <see langword="null"/> when not recorded.</param>
internal readonly record struct TrainingInputs(int? Readiness, BurnoutLevel? Burnout, bool ExamPhase, double? TodayLoad)
{
    /// <summary>Where the rolling HRV mean lies against the personal normal range.</summary>
    public HrvNormalRangeStatus Hrv { get; init; }

    /// <summary>The HRV normal range the status above came from (for the texts), when it was computed.</summary>
    public HrvNormalRange? HrvRange { get; init; }

    /// <summary>Whether the EWMA acute:chronic load ratio is above 1.5.</summary>
    public bool LoadSpike { get; init; }

    /// <summary>Form ÷ fitness, when fitness is above 0.</summary>
    public double? FormRatio { get; init; }

    /// <summary>The load markers the three values above came from (for the texts), when they were computed.</summary>
    public TrainingLoadSummary? Load { get; init; }
}

using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Orchestration;

/// <summary>
/// What the analysis could judge: the metrics recorded and missing today, the metrics without a baseline yet, how many
/// agent rules were skipped for missing data (each is listed in its <see cref="AgentRunReport.SkippedRules"/>), and
/// notes for people such as <c>"The burnout risk was judged from HRV and stress score only: mood and energy not recorded."</c>
/// </summary>
public sealed record DataCoverage
{
    /// <summary>The metrics recorded today (sleep efficiency also when derived from sleep and bed time).</summary>
    public required IReadOnlyList<HealthMetric> RecordedToday { get; init; }

    /// <summary>The metrics not recorded today.</summary>
    public required IReadOnlyList<HealthMetric> MissingToday { get; init; }

    /// <summary>Metrics recorded today that have no baseline yet (still calibrating, see <see cref="Calibration"/>, or not in a host-supplied baseline).</summary>
    public required IReadOnlyList<HealthMetric> WithoutBaseline { get; init; }

    /// <summary>
    /// The metrics whose computed baseline is still calibrating ("calibrating: 5 of 14 days"), in report order: each
    /// metric with a baseline (HRV, resting heart rate, sleep duration, sleep efficiency, stress score) that was measured
    /// today or in the baseline window but has fewer days with a value than the baseline needs. Empty when every
    /// baseline is known (and for a host-supplied baseline).
    /// </summary>
    public IReadOnlyList<MetricCalibration> Calibration { get; init; } = [];

    /// <summary>How many agent rules did not run for missing data, over all agents.</summary>
    public required int SkippedRuleCount { get; init; }

    /// <summary>One sentence per limitation, in a fixed order (today's missing metrics, one per calibrating baseline, baselines a host did not supply, readiness, burnout risk, skipped rules).</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Whether everything could be judged: every metric recorded today, every baseline known and no rule skipped.</summary>
    public bool IsComplete => MissingToday.Count == 0 && WithoutBaseline.Count == 0 && SkippedRuleCount == 0;
}

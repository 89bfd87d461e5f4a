using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Orchestration;

/// <summary>
/// A metric whose personal baseline is still calibrating: it has <see cref="Days"/> of the <see cref="RequiredDays"/>
/// days with a value that its baseline needs ("calibrating: 5 of 14 days"). Until then the rules that compare today with
/// the user's normal do not run for it.
/// </summary>
/// <param name="Metric">The metric.</param>
/// <param name="Days">How many days with a value the baseline window holds.</param>
/// <param name="RequiredDays">How many it needs (the calibration days of the evidence-based preset, 3 in the original app's).</param>
/// <param name="WindowDays">
/// The window the days are counted in: calendar days before today (evidence-based), or the most recent days present,
/// today included (original app).
/// </param>
public sealed record MetricCalibration(HealthMetric Metric, int Days, int RequiredDays, int WindowDays);

namespace HealthTwin.Reports.Model;

/// <summary>On how many days of the period one metric was present.</summary>
/// <param name="Metric">The metric in words (for example <c>"Sleep"</c>).</param>
/// <param name="Days">Days with the metric.</param>
/// <param name="PeriodDays">Days in the period (up to the last day with data when the period is still running).</param>
public sealed record MetricCoverage(string Metric, int Days, int PeriodDays);

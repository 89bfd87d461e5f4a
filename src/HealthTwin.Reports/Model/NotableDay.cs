using HealthTwin.Agents.Model;

namespace HealthTwin.Reports.Model;

/// <summary>A day with at least one anomaly, or the lowest readiness of the period.</summary>
/// <param name="Date">The day.</param>
/// <param name="Readiness">Its readiness score, when scored.</param>
/// <param name="Anomalies">What <c>AnomalyDetector</c> found.</param>
public sealed record NotableDay(DateOnly Date, int? Readiness, IReadOnlyList<Anomaly> Anomalies);

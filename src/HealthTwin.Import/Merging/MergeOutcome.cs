using HealthTwin.Agents.Model;

namespace HealthTwin.Import.Merging;

/// <summary>The merged days and the notes on merge decisions.</summary>
/// <param name="Days">One valid day per date, in date order.</param>
/// <param name="Notes">What was left out and why (HRV of another method, days that failed validation).</param>
internal sealed record MergeOutcome(IReadOnlyList<DailyMetrics> Days, IReadOnlyList<string> Notes);

namespace HealthTwin.Reports.Model;

/// <summary>How many scored days fell into one readiness band.</summary>
/// <param name="Label">The band in words (for example <c>"High (85–100)"</c>).</param>
/// <param name="Min">The lowest score of the band.</param>
/// <param name="Max">The highest score of the band.</param>
/// <param name="Days">How many days scored in the band.</param>
public sealed record ReadinessBand(string Label, int Min, int Max, int Days);

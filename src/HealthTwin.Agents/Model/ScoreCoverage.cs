namespace HealthTwin.Agents.Model;

/// <summary>
/// Which inputs a score (readiness, burnout risk) could use and which were not measured. A score built from fewer
/// inputs is less certain: its value only reflects the inputs in <see cref="Used"/>.
/// </summary>
/// <param name="Used">The metrics the score was judged from.</param>
/// <param name="Missing">The metrics the score would also use, but which were not measured (or have no baseline yet).</param>
/// <param name="Summary">One sentence for people, for example <c>"Judged from stress score and HRV only; mood and energy not recorded."</c>.</param>
public sealed record ScoreCoverage(IReadOnlyList<HealthMetric> Used, IReadOnlyList<HealthMetric> Missing, string Summary)
{
    /// <summary>Whether every input of the score was available.</summary>
    public bool IsComplete => Missing.Count == 0;
}

namespace HealthTwin.Agents.Model;

/// <summary>The burnout assessment over the last days.</summary>
/// <param name="Level">The traffic-light level; <see langword="null"/> when none of its markers could be judged.</param>
/// <param name="Score">The points that led to it (0–100).</param>
/// <param name="Reasons">One line per marker that added points, plus the advice lines of the level.</param>
public sealed record BurnoutRisk(BurnoutLevel? Level, int Score, IReadOnlyList<string> Reasons)
{
    /// <summary>Which inputs the assessment was judged from and which were missing.</summary>
    public required ScoreCoverage Coverage { get; init; }
}

namespace HealthTwin.Agents.Model;

/// <summary>How ready the body is for load today, 0–100, with one explanation per contributing factor.</summary>
/// <param name="Score">
/// The score, clamped to 0–100; <see langword="null"/> when none of the recovery markers (sleep, HRV, resting HR)
/// could be judged, because a score from training load, stress or mood alone would not describe recovery.
/// </param>
/// <param name="Explanations">One line per factor, in rule order (for example <c>"HRV 22 % below baseline (−25)"</c>).</param>
public sealed record ReadinessScore(int? Score, IReadOnlyList<string> Explanations)
{
    /// <summary>Which inputs the score was judged from and which were missing.</summary>
    public required ScoreCoverage Coverage { get; init; }
}

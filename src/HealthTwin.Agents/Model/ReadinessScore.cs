namespace HealthTwin.Agents.Model;

/// <summary>How ready the body is for load today, 0–100, with one explanation per contributing factor.</summary>
/// <param name="Score">The score, clamped to 0–100.</param>
/// <param name="Explanations">One line per factor, in rule order (for example <c>"HRV 22 % below baseline (−25)"</c>).</param>
public sealed record ReadinessScore(int Score, IReadOnlyList<string> Explanations);

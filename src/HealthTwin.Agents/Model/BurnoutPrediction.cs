namespace HealthTwin.Agents.Model;

/// <summary>The forecast burnout risk for one future day.</summary>
public sealed record BurnoutPrediction
{
    /// <summary>The day forecast.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The risk score (0–100) projected for that day.</summary>
    public required int Score { get; init; }

    /// <summary>The probability in percent (at most 95).</summary>
    public required int Probability { get; init; }

    /// <summary>The risk level of <see cref="Score"/>.</summary>
    public required RiskLevel Level { get; init; }

    /// <summary>The trends that contribute.</summary>
    public required IReadOnlyList<string> Factors { get; init; }
}

namespace HealthTwin.Agents.Model;

/// <summary>How recovered the user is today and how long until full recovery.</summary>
public sealed record RecoveryPrediction
{
    /// <summary>Recovery in percent, 0–100.</summary>
    public required int? RecoveryPercent { get; init; }

    /// <summary>Days until full recovery: ceil((100 − recovery) / 10).</summary>
    public required int? DaysToFullRecovery { get; init; }

    /// <summary>Whether a deload week is recommended (7-day mean load above 75 and recovery below 65 %).</summary>
    public required bool DeloadRecommended { get; init; }

    /// <summary>The factors that hold recovery back.</summary>
    public required IReadOnlyList<string> Factors { get; init; }
}

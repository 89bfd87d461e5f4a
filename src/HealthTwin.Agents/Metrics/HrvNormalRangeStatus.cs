namespace HealthTwin.Agents.Metrics;

/// <summary>Where the 7-day mean of ln(rMSSD) lies against the personal 60-day normal range.</summary>
public enum HrvNormalRangeStatus
{
    /// <summary>Fewer than 14 rMSSD days: no normal range yet.</summary>
    Unknown = 0,

    /// <summary>Below the normal range (mean − 0.5 SD): a sustained drop, often accumulated fatigue, illness or stress.</summary>
    Below = 1,

    /// <summary>Within the normal range.</summary>
    Within = 2,

    /// <summary>Above the normal range (mean + 0.5 SD): can mean good adaptation, or parasympathetic saturation under very high load.</summary>
    Above = 3,
}

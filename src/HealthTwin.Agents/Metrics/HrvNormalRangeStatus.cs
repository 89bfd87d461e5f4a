using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Metrics;

/// <summary>Where the 7-day mean of ln(rMSSD) lies against the personal 60-day normal range.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HrvNormalRangeStatus>))]
public enum HrvNormalRangeStatus
{
    /// <summary>Fewer than 14 rMSSD days: no normal range yet.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown = 0,

    /// <summary>Below the normal range (mean − 0.5 SD): a sustained drop, often accumulated fatigue, illness or stress.</summary>
    [JsonStringEnumMemberName("below")]
    Below = 1,

    /// <summary>Within the normal range.</summary>
    [JsonStringEnumMemberName("within")]
    Within = 2,

    /// <summary>Above the normal range (mean + 0.5 SD): can mean good adaptation, or parasympathetic saturation under very high load.</summary>
    [JsonStringEnumMemberName("above")]
    Above = 3,
}

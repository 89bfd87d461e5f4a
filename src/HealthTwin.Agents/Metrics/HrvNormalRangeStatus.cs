using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// Where the rolling (default 7-day) mean of ln HRV lies against the personal normal range: the mean ± 0.5 SD of daily
/// ln HRV over the previous 60 days (Plews et al. 2012, 2013). See <see cref="HrvNormalRange"/>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<HrvNormalRangeStatus>))]
public enum HrvNormalRangeStatus
{
    /// <summary>
    /// Not judged: fewer than the calibration days (default 14) with an HRV value of the same method in the normal-range
    /// window, or fewer than 3 values in the rolling window (Plews et al. 2014).
    /// </summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown = 0,

    /// <summary>Below the normal range (mean − 0.5 SD): a sustained drop, often accumulated fatigue, illness or stress.</summary>
    [JsonStringEnumMemberName("below")]
    Below = 1,

    /// <summary>Within the normal range (at a bound counts as within).</summary>
    [JsonStringEnumMemberName("within")]
    Within = 2,

    /// <summary>Above the normal range (mean + 0.5 SD): can mean good adaptation, or parasympathetic saturation under very high load.</summary>
    [JsonStringEnumMemberName("above")]
    Above = 3,
}

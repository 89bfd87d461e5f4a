using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>
/// How a heart-rate-variability value was computed. rMSSD and SDNN are on different scales, so they never
/// share a baseline: the baseline only averages days measured with the same method as today.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<HrvMethod>))]
public enum HrvMethod
{
    /// <summary>Root mean square of successive differences (Oura, Whoop, most apps). The default.</summary>
    [JsonStringEnumMemberName("rmssd")]
    Rmssd = 0,

    /// <summary>Standard deviation of NN intervals (Apple Health).</summary>
    [JsonStringEnumMemberName("sdnn")]
    Sdnn = 1,
}

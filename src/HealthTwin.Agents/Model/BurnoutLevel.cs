using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>A traffic-light burnout level. Serialized as <c>"green"</c>, <c>"yellow"</c> or <c>"red"</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BurnoutLevel>))]
public enum BurnoutLevel
{
    /// <summary>Markers stable.</summary>
    [JsonStringEnumMemberName("green")]
    Green = 0,

    /// <summary>Some markers point to accumulating strain (25–49 points).</summary>
    [JsonStringEnumMemberName("yellow")]
    Yellow = 1,

    /// <summary>Several markers point to burnout (50 points or more).</summary>
    [JsonStringEnumMemberName("red")]
    Red = 2,
}

using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>How urgent a recommendation is. Serialized as <c>"low"</c>, <c>"medium"</c> or <c>"high"</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecommendationPriority>))]
public enum RecommendationPriority
{
    /// <summary>Nice to know; act when convenient.</summary>
    [JsonStringEnumMemberName("low")]
    Low = 0,

    /// <summary>Worth acting on today.</summary>
    [JsonStringEnumMemberName("medium")]
    Medium = 1,

    /// <summary>Act on it now; usually backed by a marked deviation from the personal baseline.</summary>
    [JsonStringEnumMemberName("high")]
    High = 2,
}

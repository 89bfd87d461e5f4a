using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>A four-step risk level. Serialized in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RiskLevel>))]
public enum RiskLevel
{
    /// <summary>Below 30 points.</summary>
    [JsonStringEnumMemberName("low")]
    Low = 0,

    /// <summary>30–49 points.</summary>
    [JsonStringEnumMemberName("medium")]
    Medium = 1,

    /// <summary>50–69 points.</summary>
    [JsonStringEnumMemberName("high")]
    High = 2,

    /// <summary>70 points or more.</summary>
    [JsonStringEnumMemberName("critical")]
    Critical = 3,
}

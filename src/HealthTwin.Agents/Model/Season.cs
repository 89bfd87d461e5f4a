using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>A meteorological season. Serialized in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Season>))]
public enum Season
{
    /// <summary>March–May in the northern hemisphere.</summary>
    [JsonStringEnumMemberName("spring")]
    Spring = 0,

    /// <summary>June–August in the northern hemisphere.</summary>
    [JsonStringEnumMemberName("summer")]
    Summer = 1,

    /// <summary>September–November in the northern hemisphere.</summary>
    [JsonStringEnumMemberName("autumn")]
    Autumn = 2,

    /// <summary>December–February in the northern hemisphere.</summary>
    [JsonStringEnumMemberName("winter")]
    Winter = 3,
}

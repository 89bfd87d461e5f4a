using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>The intensity of today's planned training. Serialized in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingIntensity>))]
public enum TrainingIntensity
{
    /// <summary>No training; recovery only.</summary>
    [JsonStringEnumMemberName("rest")]
    Rest = 0,

    /// <summary>Easy movement (walk, mobility, easy zone-2).</summary>
    [JsonStringEnumMemberName("light")]
    Light = 1,

    /// <summary>Steady, moderate training.</summary>
    [JsonStringEnumMemberName("moderate")]
    Moderate = 2,

    /// <summary>A hard session: high-intensity intervals.</summary>
    [JsonStringEnumMemberName("hiit")]
    Hiit = 3,

    /// <summary>A hard session: heavy strength training.</summary>
    [JsonStringEnumMemberName("strength")]
    Strength = 4,
}

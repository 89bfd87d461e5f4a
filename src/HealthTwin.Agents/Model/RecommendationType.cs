using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>The area a recommendation is about. Serialized in lower case (<c>"sleep"</c>, <c>"training"</c>, …).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecommendationType>))]
public enum RecommendationType
{
    /// <summary>Sleep duration, timing or quality.</summary>
    [JsonStringEnumMemberName("sleep")]
    Sleep = 0,

    /// <summary>Training intensity, volume or recovery sessions.</summary>
    [JsonStringEnumMemberName("training")]
    Training = 1,

    /// <summary>Stress regulation, breathing and burnout prevention.</summary>
    [JsonStringEnumMemberName("stress")]
    Stress = 2,

    /// <summary>Food and hydration.</summary>
    [JsonStringEnumMemberName("nutrition")]
    Nutrition = 3,

    /// <summary>A short break or micro-intervention during the day.</summary>
    [JsonStringEnumMemberName("break")]
    Break = 4,

    /// <summary>A warning about a marked deviation or risk.</summary>
    [JsonStringEnumMemberName("alert")]
    Alert = 5,

    /// <summary>A forecast or what-if simulation.</summary>
    [JsonStringEnumMemberName("simulation")]
    Simulation = 6,
}

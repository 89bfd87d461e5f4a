using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>The sky condition of a weather report. Serialized in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WeatherCondition>))]
public enum WeatherCondition
{
    /// <summary>Clear sky.</summary>
    [JsonStringEnumMemberName("clear")]
    Clear = 0,

    /// <summary>Clouds, no precipitation.</summary>
    [JsonStringEnumMemberName("cloudy")]
    Cloudy = 1,

    /// <summary>Rain or drizzle.</summary>
    [JsonStringEnumMemberName("rain")]
    Rain = 2,

    /// <summary>Snow or sleet.</summary>
    [JsonStringEnumMemberName("snow")]
    Snow = 3,

    /// <summary>Thunderstorm.</summary>
    [JsonStringEnumMemberName("storm")]
    Storm = 4,
}

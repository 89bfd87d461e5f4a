using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>A choice the user is considering for today. Serialized in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WhatIfScenario>))]
public enum WhatIfScenario
{
    /// <summary>Anything not listed: readiness −8.</summary>
    [JsonStringEnumMemberName("other")]
    Other = 0,

    /// <summary>An easy zone-2 session.</summary>
    [JsonStringEnumMemberName("zone2")]
    Zone2 = 1,

    /// <summary>High-intensity intervals.</summary>
    [JsonStringEnumMemberName("hiit")]
    Hiit = 2,

    /// <summary>Strength training.</summary>
    [JsonStringEnumMemberName("strength")]
    Strength = 3,

    /// <summary>A rest day.</summary>
    [JsonStringEnumMemberName("rest")]
    Rest = 4,

    /// <summary>An extra hour of sleep / going to bed early.</summary>
    [JsonStringEnumMemberName("extra_sleep")]
    ExtraSleep = 5,
}

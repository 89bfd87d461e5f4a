using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>A part of the user's local day. Serialized in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimeOfDay>))]
public enum TimeOfDay
{
    /// <summary>00:00–04:59.</summary>
    [JsonStringEnumMemberName("night")]
    Night = 0,

    /// <summary>05:00–11:59.</summary>
    [JsonStringEnumMemberName("morning")]
    Morning = 1,

    /// <summary>12:00–16:59.</summary>
    [JsonStringEnumMemberName("afternoon")]
    Afternoon = 2,

    /// <summary>17:00–21:59.</summary>
    [JsonStringEnumMemberName("evening")]
    Evening = 3,

    /// <summary>22:00–23:59.</summary>
    [JsonStringEnumMemberName("late_evening")]
    LateEvening = 4,
}

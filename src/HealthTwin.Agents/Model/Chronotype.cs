using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>The user's natural sleep timing. Serialized as <c>"early"</c>, <c>"intermediate"</c> or <c>"late"</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Chronotype>))]
public enum Chronotype
{
    /// <summary>Neither markedly early nor late.</summary>
    [JsonStringEnumMemberName("intermediate")]
    Intermediate = 0,

    /// <summary>A morning type ("lark").</summary>
    [JsonStringEnumMemberName("early")]
    Early = 1,

    /// <summary>An evening type ("owl").</summary>
    [JsonStringEnumMemberName("late")]
    Late = 2,
}

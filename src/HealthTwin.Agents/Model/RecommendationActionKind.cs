using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>What a user can do with a recommendation. Serialized as <c>"accept"</c>, <c>"snooze"</c> or <c>"reject"</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecommendationActionKind>))]
public enum RecommendationActionKind
{
    /// <summary>The user takes the advice.</summary>
    [JsonStringEnumMemberName("accept")]
    Accept = 0,

    /// <summary>The user postpones the advice.</summary>
    [JsonStringEnumMemberName("snooze")]
    Snooze = 1,

    /// <summary>The user declines the advice.</summary>
    [JsonStringEnumMemberName("reject")]
    Reject = 2,
}

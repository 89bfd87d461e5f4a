using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>The user's main training goal. Serialized as <c>"lose_fat"</c>, <c>"build_muscle"</c> or <c>"maintain"</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FitnessGoal>))]
public enum FitnessGoal
{
    /// <summary>Keep current fitness and body composition.</summary>
    [JsonStringEnumMemberName("maintain")]
    Maintain = 0,

    /// <summary>Reduce body fat.</summary>
    [JsonStringEnumMemberName("lose_fat")]
    LoseFat = 1,

    /// <summary>Gain muscle and strength.</summary>
    [JsonStringEnumMemberName("build_muscle")]
    BuildMuscle = 2,
}

using System.Text.Json;
using System.Text.Json.Nodes;
using HealthTwin.Agents.Model;

namespace HealthTwin.Aws.AI;

/// <summary>
/// The JSON the models are asked for (the forced tool's input schema, or the schema in the prompt), and the limits
/// the validator enforces: one place for both.
/// </summary>
internal static class RecommendationSchema
{
    public const string ToolName = "submit_recommendations";
    public const string ToolDescription = "Submit the recommendations for this person.";
    public const int MaxRecommendations = 3;
    public const int MinTitleLength = 3;
    public const int MaxTitleLength = 80;
    public const int MinRationaleLength = 10;
    public const int MaxRationaleLength = 400;
    public const int MaxActions = 3;
    public const int MaxActionLabelLength = 40;
    public const int MaxEvidence = 4;
    public const int MaxMetricLength = 40;
    public const int MaxEvidenceNoteLength = 160;

    public static readonly IReadOnlyDictionary<string, RecommendationType> Types = new Dictionary<string, RecommendationType>(StringComparer.OrdinalIgnoreCase)
    {
        ["sleep"] = RecommendationType.Sleep,
        ["training"] = RecommendationType.Training,
        ["stress"] = RecommendationType.Stress,
        ["nutrition"] = RecommendationType.Nutrition,
        ["break"] = RecommendationType.Break,
        ["alert"] = RecommendationType.Alert,
        ["simulation"] = RecommendationType.Simulation,
    };

    public static readonly IReadOnlyDictionary<string, RecommendationPriority> Priorities = new Dictionary<string, RecommendationPriority>(StringComparer.OrdinalIgnoreCase)
    {
        ["low"] = RecommendationPriority.Low,
        ["medium"] = RecommendationPriority.Medium,
        ["high"] = RecommendationPriority.High,
    };

    public static readonly IReadOnlyDictionary<string, RecommendationActionKind> ActionKinds = new Dictionary<string, RecommendationActionKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["accept"] = RecommendationActionKind.Accept,
        ["snooze"] = RecommendationActionKind.Snooze,
        ["reject"] = RecommendationActionKind.Reject,
    };

    /// <summary>The JSON schema text (compact).</summary>
    public static string Json { get; } = BuildJson();

    /// <summary>The JSON schema as an element (for the tool declaration).</summary>
    public static JsonElement Element { get; } = Parse(Json);

    private static JsonArray Enum(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];

    private static JsonObject Text(int min, int max, string? description = null)
    {
        JsonObject text = new() { ["type"] = "string", ["minLength"] = min, ["maxLength"] = max };
        if (description is not null)
        {
            text["description"] = description;
        }

        return text;
    }

    private static JsonObject Array(JsonObject items, int maxItems) => new() { ["type"] = "array", ["maxItems"] = maxItems, ["items"] = items };

    private static JsonObject Object(JsonObject properties, params string[] required) =>
        new() { ["type"] = "object", ["properties"] = properties, ["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]) };

    private static string BuildJson()
    {
        JsonObject action = Object(
            new JsonObject { ["label"] = Text(1, MaxActionLabelLength), ["kind"] = new JsonObject { ["type"] = "string", ["enum"] = Enum(ActionKinds.Keys) } },
            "label",
            "kind");
        JsonObject evidence = Object(
            new JsonObject { ["metric"] = Text(1, MaxMetricLength), ["value"] = new JsonObject { ["type"] = "number" }, ["note"] = Text(0, MaxEvidenceNoteLength) },
            "metric");
        JsonObject recommendation = Object(
            new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string", ["enum"] = Enum(Types.Keys) },
                ["title"] = Text(MinTitleLength, MaxTitleLength),
                ["rationale"] = Text(MinRationaleLength, MaxRationaleLength, "Why, citing the person's numbers."),
                ["priority"] = new JsonObject { ["type"] = "string", ["enum"] = Enum(Priorities.Keys) },
                ["actions"] = Array(action, MaxActions),
                ["evidence"] = Array(evidence, MaxEvidence),
            },
            "type",
            "title",
            "rationale",
            "priority");
        return Object(new JsonObject { ["recommendations"] = Array(recommendation, MaxRecommendations) }, "recommendations").ToJsonString();
    }

    private static JsonElement Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace HealthTwin.Aws.AI;

/// <summary>
/// Reads a model's answer (the forced tool's input, or JSON text) and validates every field against
/// <see cref="RecommendationSchema"/>: counts, lengths, enums, finite numbers. Any violation rejects the whole answer
/// (the agent falls back). Recommendations that diagnose or touch medication are dropped and escalated; red flags in
/// the answer escalate. Error messages name the field and the rule, never the model's text.
/// </summary>
internal static class RecommendationValidator
{
    /// <summary>The outcome of a valid answer.</summary>
    /// <param name="Drafts">The kept recommendations, in the model's order.</param>
    /// <param name="Escalation">Why a "see a professional" alert must be added, or <see langword="null"/>.</param>
    public sealed record Result(IReadOnlyList<RecommendationDraft> Drafts, string? Escalation);

    /// <summary>Finds the answer in a chat response: the recommendation tool's call, else the text as JSON.</summary>
    /// <exception cref="AIFallbackException">Prose instead of JSON, malformed JSON, or an invalid field.</exception>
    public static Result Validate(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        bool cutOff = response.FinishReason == ChatFinishReason.Length;
        try
        {
            foreach (ChatMessage message in response.Messages)
            {
                foreach (AIContent content in message.Contents)
                {
                    if (content is FunctionCallContent call && string.Equals(call.Name, RecommendationSchema.ToolName, StringComparison.Ordinal))
                    {
                        JsonElement input = call.RawRepresentation is JsonElement raw
                            ? raw
                            : JsonSerializer.SerializeToElement(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>)));
                        return Validate(input);
                    }
                }
            }

            return ValidateText(response.Text);
        }
        catch (AIFallbackException ex) when (cutOff)
        {
            throw new AIFallbackException(ex.Code, ex.Detail + " (the answer was cut off at the output-token limit)", ex);
        }
    }

    /// <summary>Parses JSON text (a code fence around it is tolerated) and validates it.</summary>
    /// <exception cref="AIFallbackException">Prose, malformed JSON, or an invalid field.</exception>
    public static Result ValidateText(string? text)
    {
        string trimmed = StripFence(text ?? string.Empty);
        if (trimmed.Length == 0 || trimmed[0] is not ('{' or '['))
        {
            throw new AIFallbackException(FallbackReasons.ProseOutput, string.Create(CultureInfo.InvariantCulture, $"the model answered with {trimmed.Length} characters of text instead of the recommendation JSON"));
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(trimmed);
            return Validate(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new AIFallbackException(FallbackReasons.InvalidOutput, string.Create(CultureInfo.InvariantCulture, $"malformed JSON at line {(ex.LineNumber ?? 0) + 1}, byte {ex.BytePositionInLine ?? 0}"), ex);
        }
    }

    /// <summary>Validates the answer object (or a bare array of recommendations).</summary>
    /// <exception cref="AIFallbackException">An invalid field.</exception>
    public static Result Validate(JsonElement root)
    {
        JsonElement list;
        if (root.ValueKind == JsonValueKind.Array)
        {
            list = root;
        }
        else if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("recommendations", out list) || list.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("recommendations", "is missing or not an array");
        }

        int count = list.GetArrayLength();
        if (count > RecommendationSchema.MaxRecommendations)
        {
            throw Invalid("recommendations", $"has {count} items; allowed 0–{RecommendationSchema.MaxRecommendations}");
        }

        List<RecommendationDraft> drafts = new(count);
        string? escalation = null;
        int index = 0;
        foreach (JsonElement item in list.EnumerateArray())
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"recommendations[{index++}]");
            RecommendationDraft draft = ReadDraft(item, path);
            string allText = string.Join(' ', [draft.Title, draft.Rationale, .. draft.Actions.Select(a => a.Label), .. draft.Evidence.Select(e => e.Note)]);
            if (SafetyRules.IsMedicalDirective(allText))
            {
                escalation ??= "the AI answer touched on a diagnosis or medication, which only a professional should advise on";
                continue;
            }

            if (SafetyRules.FindRedFlag(allText) is { } flag)
            {
                escalation ??= "the AI answer mentions " + flag;
            }

            drafts.Add(draft);
        }

        return new Result(drafts, escalation);
    }

    private static RecommendationDraft ReadDraft(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, "is not an object");
        }

        string typeText = RequiredString(item, "type", path, 1, 20);
        if (!RecommendationSchema.Types.TryGetValue(typeText, out var type))
        {
            throw Invalid(path + ".type", $"'{Echo(typeText)}' is not one of {string.Join(", ", RecommendationSchema.Types.Keys)}");
        }

        string priorityText = RequiredString(item, "priority", path, 1, 20);
        if (!RecommendationSchema.Priorities.TryGetValue(priorityText, out var priority))
        {
            throw Invalid(path + ".priority", $"'{Echo(priorityText)}' is not one of {string.Join(", ", RecommendationSchema.Priorities.Keys)}");
        }

        string title = RequiredString(item, "title", path, RecommendationSchema.MinTitleLength, RecommendationSchema.MaxTitleLength);
        string rationale = RequiredString(item, "rationale", path, RecommendationSchema.MinRationaleLength, RecommendationSchema.MaxRationaleLength);
        List<Agents.Model.RecommendationAction> actions = [];
        if (OptionalArray(item, "actions", path, RecommendationSchema.MaxActions) is { } actionArray)
        {
            int i = 0;
            foreach (JsonElement action in actionArray.EnumerateArray())
            {
                string actionPath = string.Create(CultureInfo.InvariantCulture, $"{path}.actions[{i++}]");
                if (action.ValueKind != JsonValueKind.Object)
                {
                    throw Invalid(actionPath, "is not an object");
                }

                string label = RequiredString(action, "label", actionPath, 1, RecommendationSchema.MaxActionLabelLength);
                string kindText = RequiredString(action, "kind", actionPath, 1, 20);
                if (!RecommendationSchema.ActionKinds.TryGetValue(kindText, out var kind))
                {
                    throw Invalid(actionPath + ".kind", $"'{Echo(kindText)}' is not one of {string.Join(", ", RecommendationSchema.ActionKinds.Keys)}");
                }

                actions.Add(new(label, kind));
            }
        }

        List<Agents.Model.Evidence> evidence = [];
        if (OptionalArray(item, "evidence", path, RecommendationSchema.MaxEvidence) is { } evidenceArray)
        {
            int i = 0;
            foreach (JsonElement fact in evidenceArray.EnumerateArray())
            {
                string factPath = string.Create(CultureInfo.InvariantCulture, $"{path}.evidence[{i++}]");
                if (fact.ValueKind != JsonValueKind.Object)
                {
                    throw Invalid(factPath, "is not an object");
                }

                string metric = RequiredString(fact, "metric", factPath, 1, RecommendationSchema.MaxMetricLength);
                double? value = null;
                if (fact.TryGetProperty("value", out JsonElement v) && v.ValueKind != JsonValueKind.Null)
                {
                    if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double d) || !double.IsFinite(d))
                    {
                        throw Invalid(factPath + ".value", "is not a finite number");
                    }

                    value = d;
                }

                string? note = OptionalString(fact, "note", factPath, RecommendationSchema.MaxEvidenceNoteLength);
                evidence.Add(new Agents.Model.Evidence { Metric = metric, Value = value, Note = note });
            }
        }

        return new RecommendationDraft(
            type,
            title,
            rationale,
            priority,
            actions.Count > 0 ? actions : Agents.Model.RecommendationAction.Standard("Accept"),
            evidence);
    }

    private static string RequiredString(JsonElement item, string name, string path, int min, int max)
    {
        if (!item.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.String)
        {
            throw Invalid(path + "." + name, "is missing or not a string");
        }

        string text = Clean(value.GetString()!);
        if (text.Length < min || text.Length > max)
        {
            throw Invalid(path + "." + name, $"has {text.Length} characters; allowed {min}–{max}");
        }

        return text;
    }

    private static string? OptionalString(JsonElement item, string name, string path, int max)
    {
        if (!item.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Invalid(path + "." + name, "is not a string");
        }

        string text = Clean(value.GetString()!);
        if (text.Length > max)
        {
            throw Invalid(path + "." + name, $"has {text.Length} characters; allowed 0–{max}");
        }

        return text.Length == 0 ? null : text;
    }

    private static JsonElement? OptionalArray(JsonElement item, string name, string path, int max)
    {
        if (!item.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(path + "." + name, "is not an array");
        }

        int count = value.GetArrayLength();
        return count > max ? throw Invalid(path + "." + name, $"has {count} items; allowed 0–{max}") : value;
    }

    /// <summary>Trims and turns control characters into spaces (titles are shown in UIs).</summary>
    private static string Clean(string text)
    {
        text = text.Trim();
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
    }

    private static string StripFence(string text)
    {
        string t = text.Trim();
        if (t.StartsWith("```", StringComparison.Ordinal))
        {
            int firstLine = t.IndexOf('\n', StringComparison.Ordinal);
            int end = t.LastIndexOf("```", StringComparison.Ordinal);
            if (firstLine > 0 && end > firstLine)
            {
                t = t[(firstLine + 1)..end].Trim();
            }
        }

        return t;
    }

    /// <summary>An enum-like value, shortened and stripped to letters, digits, '-' and '_' (never free text).</summary>
    private static string Echo(string value)
    {
        string safe = new([.. value.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(20)]);
        return safe;
    }

    private static AIFallbackException Invalid(string path, string rule) => new(FallbackReasons.InvalidOutput, path + " " + rule);
}

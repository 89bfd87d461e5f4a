using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace HealthTwin.Reports.Insights;

/// <summary>
/// The request for a report narrative (instructions, the facts, a JSON schema) and the strict reading of the answer:
/// a JSON object <c>{"paragraphs": [ ... ]}</c> with 1–<see cref="InsightsTextFilter.MaxParagraphs"/> strings. One
/// place for what is asked and what is accepted.
/// </summary>
internal static class InsightsPrompt
{
    public const string SchemaName = "report_insights";
    public const string SchemaDescription = "Submit the narrative paragraphs of the report's AI insights section.";

    /// <summary>The paragraph length asked for; the filter accepts up to <see cref="InsightsTextFilter.MaxParagraphLength"/>.</summary>
    public const int AskedParagraphLength = 600;

    /// <summary>The most characters of an answer that are read at all.</summary>
    public const int MaxAnswerLength = 16_000;

    public static readonly string Instructions = string.Create(CultureInfo.InvariantCulture, $$"""
        You write the "AI insights" section of a person's health report about one period of their wearable data.
        You are given aggregated facts only: no name, no notes, no single readings.
        Write 2 to 4 short paragraphs (each at most {{AskedParagraphLength}} characters) in plain, calm English, addressing the reader as "you":
        what went well, what changed over the period, and one or two practical suggestions for the next period (sleep timing, training load, recovery, stress breaks).
        Use only the numbers in the facts. When a metric is "not measured" or "not judged", say that it could not be judged; never guess a value.
        Do not diagnose and do not name diseases, disorders or conditions. Do not mention medication, supplements or doses. No links, no markdown, no headings.
        Answer only with JSON of this shape: {"paragraphs": ["first paragraph", "second paragraph"]}
        """);

    public static readonly JsonElement Schema = JsonDocument.Parse(string.Create(CultureInfo.InvariantCulture, $$$$"""
        {"type":"object","properties":{"paragraphs":{"type":"array","minItems":1,"maxItems":{{{{InsightsTextFilter.MaxParagraphs}}}},"items":{"type":"string","minLength":1,"maxLength":{{{{InsightsTextFilter.MaxParagraphLength}}}}}}},"required":["paragraphs"],"additionalProperties":false}
        """)).RootElement.Clone();

    public static ChatMessage[] Messages(ReportInsightFacts facts) =>
    [
        new(ChatRole.System, Instructions),
        new(ChatRole.User, string.Create(CultureInfo.InvariantCulture, $"Facts of {facts.Period} ({(facts.Kind == ReportPeriodKind.Monthly ? "a monthly" : "an annual")} report):\n{facts}")),
    ];

    public static ChatOptions Options(ReportInsightsOptions options) => new()
    {
        ModelId = options.ModelId,
        MaxOutputTokens = options.MaxOutputTokens,
        Temperature = (float)options.Temperature,
        ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, SchemaName, SchemaDescription),
    };

    /// <summary>The paragraphs of an answer.</summary>
    /// <exception cref="HealthReportException">The answer is not of the asked shape (<see cref="HealthReportFailure.InsightsUnavailable"/>).</exception>
    public static IReadOnlyList<string> Parse(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            throw Rejected("The answer was empty.");
        }

        if (answer.Length > MaxAnswerLength)
        {
            throw Rejected(string.Create(CultureInfo.InvariantCulture, $"The answer was {answer.Length} characters long; at most {MaxAnswerLength} are read."));
        }

        string json = WithoutCodeFence(answer.Trim());
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            throw Rejected("The answer was not JSON.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("paragraphs", out JsonElement paragraphs)
                || paragraphs.ValueKind != JsonValueKind.Array)
            {
                throw Rejected("The answer was not a JSON object with a \"paragraphs\" array.");
            }

            int count = paragraphs.GetArrayLength();
            if (count is < 1 or > InsightsTextFilter.MaxParagraphs)
            {
                throw Rejected(string.Create(CultureInfo.InvariantCulture, $"The answer had {count} paragraphs; allowed 1–{InsightsTextFilter.MaxParagraphs}."));
            }

            var result = new List<string>(count);
            foreach (JsonElement paragraph in paragraphs.EnumerateArray())
            {
                if (paragraph.ValueKind != JsonValueKind.String)
                {
                    throw Rejected(string.Create(CultureInfo.InvariantCulture, $"Paragraph {result.Count + 1} of the answer was a JSON {paragraph.ValueKind.ToString().ToLowerInvariant()}, not text."));
                }

                result.Add(paragraph.GetString()!);
            }

            return result;
        }
    }

    /// <summary>Some models wrap JSON in a Markdown code fence even when told not to.</summary>
    private static string WithoutCodeFence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }

        int firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        return firstLineEnd < 0 ? text[3..^3] : text[(firstLineEnd + 1)..^3];
    }

    private static HealthReportException Rejected(string reason) => new(reason, HealthReportFailure.InsightsUnavailable);
}

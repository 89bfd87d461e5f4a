using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthTwin.Agents;
using HealthTwin.Agents.Serialization;
using HealthTwin.Aws.AI;
using Microsoft.ML.Tokenizers;

namespace HealthTwin.Benchmarks;

/// <summary>
/// <c>-- prompt-size</c>: our prompt against the guide's <c>JSON.stringify</c> prompt carrying the same facts
/// (profile, today, the last 7 days, the baseline), in characters and in tokens of two public BPE vocabularies
/// (o200k_base, cl100k_base; Claude's own tokenizer is not public, so these are proxies).
/// </summary>
public static class PromptSizeReport
{
    public const string GuideFocus = "sleep optimization";

    public static void Run(TextWriter output, bool printPrompts)
    {
        using var fixture = new AnalysisFixture();
        AgentContext context = AiSamples.Context(fixture);
        Tokenizer o200k = TiktokenTokenizer.CreateForEncoding("o200k_base");
        Tokenizer cl100k = TiktokenTokenizer.CreateForEncoding("cl100k_base");

        string guide = GuidePrompt(context, GuideFocus);
        HealthPrompt claude = HealthPromptBuilder.Build(context, GuideFocus, BedrockModelCatalog.ClaudeSonnet35, 500);
        HealthPrompt llama = HealthPromptBuilder.Build(context, GuideFocus, BedrockModelCatalog.Llama33Instruct70B, 500);
        string claudeText = Text(claude);
        string llamaText = Text(llama);
        string userOnly = claude.Messages[^1].Text;

        output.WriteLine("| prompt | characters | o200k tokens | cl100k tokens | vs guide (chars / o200k / cl100k) |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        Row(output, "guide: JSON.stringify prompt", guide, guide, o200k, cl100k);
        Row(output, "ours, Claude (forced tool): system + user", claudeText, guide, o200k, cl100k);
        Row(output, "ours, Claude: tool schema sent beside it", RecommendationSchema.Json, guide, o200k, cl100k);
        Row(output, "ours, Claude: system + user + tool schema", claudeText + RecommendationSchema.Json, guide, o200k, cl100k);
        Row(output, "ours, Llama (schema in the system prompt)", llamaText, guide, o200k, cl100k);
        Row(output, "ours: the health context (user message) alone", userOnly, guide, o200k, cl100k);
        if (printPrompts)
        {
            output.WriteLine();
            output.WriteLine("----- guide -----");
            output.WriteLine(guide);
            output.WriteLine("----- ours (Claude), o200k tokens per line -----");
            foreach (string line in claudeText.Split('\n'))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{o200k.CountTokens(line + "\n"),4} {line}"));
            }
        }
    }

    /// <summary>The guide's prompt, built exactly like its template literals ("Create Prompt with Health Context").</summary>
    public static string GuidePrompt(AgentContext context, string focus)
    {
        string healthContext =
            "\nUser Profile: " + Stringify(JsonSerializer.SerializeToNode(context.Profile, HealthTwinJsonContext.Default.UserProfile)) +
            "\nToday's Metrics: " + Stringify(JsonSerializer.SerializeToNode(context.Today, HealthTwinJsonContext.Default.DailyMetrics)) +
            "\nLast 7 Days Trend: " + Stringify(JsonSerializer.SerializeToNode(context.Last7Days, HealthTwinJsonContext.Default.IReadOnlyListDailyMetrics)) +
            "\nBaseline: " + Stringify(JsonSerializer.SerializeToNode(context.Baseline, HealthTwinJsonContext.Default.Baseline)) +
            "\n";
        return "You are a health coach AI. Analyze this data and provide 3 specific recommendations:\n\n" + healthContext +
            "\n\nFocus on: " + focus + " (e.g., \"sleep optimization\", \"training intensity\", \"stress management\")\n";
    }

    /// <summary>
    /// <c>JSON.stringify</c> of the app's object: the SDK's app-shaped JSON (camelCase, compact, nulls omitted) without
    /// the fields the SDK added and the app did not have (<c>hrvMethod</c>, <c>daysUsed</c>, <c>timeZone</c>), so the
    /// guide's prompt is not made longer than it was.
    /// </summary>
    private static string Stringify(JsonNode? node)
    {
        Strip(node);
        return node!.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                o.Remove("hrvMethod");
                o.Remove("daysUsed");
                o.Remove("timeZone");
                break;
            case JsonArray a:
                foreach (JsonNode? item in a)
                {
                    Strip(item);
                }

                break;
        }
    }

    private static string Text(HealthPrompt prompt) => string.Join("\n", prompt.Messages.Select(m => m.Text));

    private static void Row(TextWriter output, string name, string text, string guide, Tokenizer o200k, Tokenizer cl100k)
    {
        int o = o200k.CountTokens(text), c = cl100k.CountTokens(text);
        int go = o200k.CountTokens(guide), gc = cl100k.CountTokens(guide);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {text.Length:N0} | {o:N0} | {c:N0} | {100.0 * text.Length / guide.Length:0} % / {100.0 * o / go:0} % / {100.0 * c / gc:0} % |"));
    }
}

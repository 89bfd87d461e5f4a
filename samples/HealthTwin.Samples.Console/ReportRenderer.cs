using System.Globalization;
using System.Text;
using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using Spectre.Console;

namespace HealthTwin.Samples.Console;

/// <summary>Writes the human-readable report with Spectre.Console.</summary>
internal static class ReportRenderer
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    public static void Render(IAnsiConsole console, string title, AgentContext context, DailyPlan plan, AgentAnalysis analysis)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());

        ReadinessScore readiness = context.Readiness;
        if (readiness.Score is { } score)
        {
            string color = score >= 70 ? "green" : score >= 40 ? "yellow" : "red";
            console.MarkupLine(Invariant($"[bold]Readiness[/] [{color}]{score}/100[/]"));
        }
        else
        {
            console.MarkupLine("[bold]Readiness[/] [grey]not judged[/]");
        }

        if (!readiness.Coverage.IsComplete)
        {
            console.MarkupLine($"  [grey]{Markup.Escape(readiness.Coverage.Summary)}[/]");
        }

        foreach (string line in readiness.Explanations)
        {
            console.MarkupLine($"  • {Markup.Escape(line)}");
        }

        BurnoutRisk burnout = context.BurnoutRisk;
        if (burnout.Level is { } burnoutLevel)
        {
            string level = burnoutLevel switch { BurnoutLevel.Red => "red", BurnoutLevel.Yellow => "yellow", _ => "green" };
            console.MarkupLine(Invariant($"[bold]Burnout risk[/] [{level}]{burnoutLevel}[/] ({burnout.Score} points)"));
        }
        else
        {
            console.MarkupLine("[bold]Burnout risk[/] [grey]not judged[/]");
        }

        if (!burnout.Coverage.IsComplete)
        {
            console.MarkupLine($"  [grey]{Markup.Escape(burnout.Coverage.Summary)}[/]");
        }

        foreach (string line in burnout.Reasons)
        {
            console.MarkupLine($"  • {Markup.Escape(line)}");
        }

        console.WriteLine();
        console.MarkupLine(Invariant($"[bold]Today's plan[/] — {plan.Intensity}: {Markup.Escape(plan.Training)}"));
        for (int i = 0; i < plan.Priorities.Count; i++)
        {
            console.MarkupLine(Invariant($"  {i + 1}. {Markup.Escape(plan.Priorities[i])}"));
        }

        console.MarkupLine($"  Micro-breaks: {Markup.Escape(string.Join(" · ", plan.MicroInterventions))}");
        console.MarkupLine($"  Sleep: {Markup.Escape(plan.SleepAdvice)}");

        console.WriteLine();
        console.MarkupLine(Invariant($"[bold]Recommendations[/] ({analysis.Recommendations.Count} from {analysis.Agents.Count} agents)"));
        foreach (IGrouping<RecommendationPriority, AgentRecommendation> group in analysis.Recommendations.GroupBy(r => r.Priority))
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{group.Key} priority[/]")
                .AddColumn("Agent").AddColumn("Recommendation").AddColumn("Why");
            foreach (AgentRecommendation r in group)
            {
                table.AddRow(Markup.Escape(r.Agent), $"[bold]{Markup.Escape(r.Title)}[/]\n{Markup.Escape(r.Rationale)}", Markup.Escape(Evidence(r)));
            }

            console.Write(table);
        }

        foreach (AgentRunReport report in analysis.Agents.Where(a => a.Status != AgentRunStatus.Succeeded))
        {
            console.MarkupLine(Invariant($"[yellow]Agent {Markup.Escape(report.AgentId)}: {report.Status}[/] {Markup.Escape(report.FallbackReason ?? report.Error ?? string.Empty)}"));
        }

        RenderCoverage(console, analysis);

        console.WriteLine();
        console.MarkupLine(Invariant($"[bold]Trends[/] over {context.AllMetrics.Count} days"));
        Trend(console, "HRV (ms)     ", context.AllMetrics, d => d.Hrv);
        Trend(console, "Resting HR   ", context.AllMetrics, d => d.RestingHr);
        Trend(console, "Sleep (h)    ", context.AllMetrics, d => d.SleepHours);
        Trend(console, "Steps        ", context.AllMetrics, d => d.Steps);
    }

    /// <summary>What could not be judged: the analysis notes and every skipped rule with its reason.</summary>
    private static void RenderCoverage(IAnsiConsole console, AgentAnalysis analysis)
    {
        DataCoverage coverage = analysis.Coverage;
        if (coverage.IsComplete)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine("[bold]Data coverage[/] (what could not be judged)");
        foreach (string note in coverage.Notes)
        {
            console.MarkupLine($"  • {Markup.Escape(note)}");
        }

        foreach (AgentRunReport report in analysis.Agents)
        {
            foreach (SkippedRule skipped in report.SkippedRules)
            {
                console.MarkupLine($"  [grey]{Markup.Escape(report.AgentId)}/{Markup.Escape(skipped.Rule)}: {Markup.Escape(skipped.Reason)}[/]");
            }
        }
    }

    /// <summary>A sparkline of the series, scaled between its minimum and maximum; a day without a value is a gap (a space), never a zero.</summary>
    internal static string Sparkline(IReadOnlyList<double?> values)
    {
        double min = double.MaxValue, max = double.MinValue;
        foreach (double? value in values)
        {
            if (value is { } v)
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        var line = new StringBuilder(values.Count);
        foreach (double? value in values)
        {
            if (value is not { } v)
            {
                line.Append(' ');
                continue;
            }

            int index = max > min ? (int)Math.Round((v - min) / (max - min) * (Bars.Length - 1)) : 0;
            line.Append(Bars[index]);
        }

        return line.ToString();
    }

    private static void Trend(IAnsiConsole console, string label, IReadOnlyList<DailyMetrics> days, Func<DailyMetrics, double?> value)
    {
        double?[] values = [.. days.Select(value)];
        double[] present = [.. values.Where(v => v.HasValue).Select(v => v!.Value)];
        if (present.Length == 0)
        {
            console.MarkupLine($"  {label}[grey]not recorded[/]");
            return;
        }

        string today = values[^1] is { } last ? Invariant($"{last:0.#}") : "not recorded";
        console.MarkupLine(Invariant($"  {label}[blue]{Sparkline(values)}[/]  min {present.Min():0.#} max {present.Max():0.#} today {today}"));
    }

    private static string Evidence(AgentRecommendation r) => string.Join("\n", r.Evidence.Select(e =>
    {
        var text = new StringBuilder(e.Metric);
        if (e.Value is { } v)
        {
            text.Append(CultureInfo.InvariantCulture, $" {v:0.#}");
        }

        if (e.Baseline is { } b)
        {
            text.Append(CultureInfo.InvariantCulture, $" vs {b:0.#}");
        }

        if (e.DeltaPercent is { } d)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({d:+0;-0} %)");
        }

        return text.ToString();
    }));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

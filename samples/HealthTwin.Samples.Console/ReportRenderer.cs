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
        string color = readiness.Score >= 70 ? "green" : readiness.Score >= 40 ? "yellow" : "red";
        console.MarkupLine(Invariant($"[bold]Readiness[/] [{color}]{readiness.Score}/100[/]"));
        foreach (string line in readiness.Explanations)
        {
            console.MarkupLine($"  • {Markup.Escape(line)}");
        }

        BurnoutRisk burnout = context.BurnoutRisk;
        string level = burnout.Level switch { BurnoutLevel.Red => "red", BurnoutLevel.Yellow => "yellow", _ => "green" };
        console.MarkupLine(Invariant($"[bold]Burnout risk[/] [{level}]{burnout.Level}[/] ({burnout.Score} points)"));
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

        console.WriteLine();
        console.MarkupLine(Invariant($"[bold]Trends[/] over {context.AllMetrics.Count} days"));
        Trend(console, "HRV (ms)     ", context.AllMetrics, d => d.Hrv);
        Trend(console, "Resting HR   ", context.AllMetrics, d => d.RestingHr);
        Trend(console, "Sleep (h)    ", context.AllMetrics, d => d.SleepHours);
    }

    /// <summary>A sparkline of the series with its minimum, maximum and latest value.</summary>
    internal static string Sparkline(IReadOnlyList<double> values)
    {
        double min = values.Min(), max = values.Max();
        var line = new StringBuilder(values.Count);
        foreach (double v in values)
        {
            int index = max > min ? (int)Math.Round((v - min) / (max - min) * (Bars.Length - 1)) : 0;
            line.Append(Bars[index]);
        }

        return line.ToString();
    }

    private static void Trend(IAnsiConsole console, string label, IReadOnlyList<DailyMetrics> days, Func<DailyMetrics, double> value)
    {
        double[] values = [.. days.Select(value)];
        console.MarkupLine(Invariant($"  {label}[blue]{Sparkline(values)}[/]  min {values.Min():0.#} max {values.Max():0.#} today {values[^1]:0.#}"));
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

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HealthTwin.Agents.Orchestration;

/// <summary>The <c>HealthTwin.Agents</c> meter and activity source of the orchestrator.</summary>
internal sealed class OrchestratorTelemetry
{
    /// <summary>The name of the meter and the activity source.</summary>
    public const string Name = "HealthTwin.Agents";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter SharedMeter = new(Name);

    private readonly Counter<long> _agentRuns;
    private readonly Histogram<double> _agentDuration;
    private readonly Histogram<double> _analysisDuration;

    private OrchestratorTelemetry(Meter meter)
    {
        _agentRuns = meter.CreateCounter<long>("healthtwin.agent.runs", description: "Agent runs by agent and status.");
        _agentDuration = meter.CreateHistogram<double>("healthtwin.agent.duration", unit: "ms", description: "Duration of one agent run.");
        _analysisDuration = meter.CreateHistogram<double>("healthtwin.analysis.duration", unit: "ms", description: "Duration of one orchestrated analysis.");
    }

    public static OrchestratorTelemetry Create(IMeterFactory? factory) =>
        new(factory?.Create(Name) ?? SharedMeter);

    public static Activity? StartAnalysis(AgentContext context) =>
        Source.HasListeners() ? Source.StartActivity("healthtwin.analyze")?.SetTag("healthtwin.date", context.Today.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : null;

    public void RecordAgent(string agentId, AgentRunStatus status, TimeSpan duration)
    {
        if (_agentRuns.Enabled)
        {
            _agentRuns.Add(1, new KeyValuePair<string, object?>("agent", agentId), new KeyValuePair<string, object?>("status", StatusName(status)));
        }

        if (_agentDuration.Enabled)
        {
            _agentDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("agent", agentId));
        }
    }

    public void RecordAnalysis(TimeSpan duration, Activity? activity, int recommendations)
    {
        if (_analysisDuration.Enabled)
        {
            _analysisDuration.Record(duration.TotalMilliseconds);
        }

        activity?.SetTag("healthtwin.recommendations", recommendations);
    }

    private static string StatusName(AgentRunStatus status) => status switch
    {
        AgentRunStatus.Succeeded => "succeeded",
        AgentRunStatus.FellBack => "fell_back",
        AgentRunStatus.Failed => "failed",
        _ => "timed_out",
    };
}

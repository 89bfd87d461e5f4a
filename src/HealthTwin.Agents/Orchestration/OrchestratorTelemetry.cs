using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HealthTwin.Agents.Orchestration;

/// <summary>The <c>HealthTwin.Agents</c> meter and activity source of the orchestrator.</summary>
internal sealed class OrchestratorTelemetry
{
    /// <summary>The name of the meter and the activity source.</summary>
    public const string Name = "HealthTwin.Agents";

    /// <summary>The operation name of the span of one agent run.</summary>
    public const string AgentSpanName = "healthtwin.agent";

    private const string AgentIdTag = "healthtwin.agent.id";
    private const string AgentStatusTag = "healthtwin.agent.status";

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

    /// <summary>
    /// Whether anybody listens to the activity source. Without a listener (the usual case) the orchestrator starts no
    /// spans and leaves <see cref="Activity.Current"/> alone: an async-local read per agent that nothing would use.
    /// </summary>
    public static bool IsTracing => Source.HasListeners();

    public static Activity? StartAnalysis(AgentContext context) =>
        Source.HasListeners() ? Source.StartActivity("healthtwin.analyze")?.SetTag("healthtwin.date", context.Today.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : null;

    /// <summary>
    /// Starts the <c>healthtwin.agent</c> span of one agent run (display name <c>healthtwin.agent {id}</c>) as the
    /// current activity, or returns <see langword="null"/> when nobody listens.
    /// </summary>
    public static Activity? StartAgent(string agentId)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        Activity? activity = Source.StartActivity(AgentSpanName);
        if (activity is not null)
        {
            activity.DisplayName = AgentSpanName + " " + agentId;
            activity.SetTag(AgentIdTag, agentId);
        }

        return activity;
    }

    /// <summary>Ends an agent's span with its outcome: status, recommendation and skipped-rule counts, fallback reason, error type.</summary>
    public static void StopAgent(Activity? activity, in AgentRunReportList.Entry entry)
    {
        if (activity is null || activity.IsStopped)
        {
            return;
        }

        activity.SetTag(AgentStatusTag, StatusName(entry.Status));
        activity.SetTag("healthtwin.agent.recommendations", entry.RecommendationCount);
        activity.SetTag("healthtwin.agent.skipped_rules", entry.Details?.SkippedRules?.Count ?? 0);
        if (entry.Details?.FallbackReason is { } reason)
        {
            activity.SetTag("healthtwin.fallback.reason", reason);
        }

        if (entry.Status == AgentRunStatus.Failed)
        {
            // The type only: an agent's exception message may quote health data.
            activity.SetTag("error.type", entry.Details?.ErrorType ?? "unknown");
            activity.SetStatus(ActivityStatusCode.Error, "The agent failed.");
        }
        else if (entry.Status == AgentRunStatus.TimedOut)
        {
            activity.SetTag("error.type", "timeout");
            activity.SetStatus(ActivityStatusCode.Error, "The agent did not finish within the per-agent timeout.");
        }

        activity.Stop();
    }

    /// <summary>Ends the span of an agent whose analysis the caller cancelled.</summary>
    public static void StopCancelledAgent(Activity? activity)
    {
        if (activity is null || activity.IsStopped)
        {
            return;
        }

        activity.SetTag(AgentStatusTag, "cancelled");
        activity.SetTag("error.type", typeof(OperationCanceledException).FullName);
        activity.SetStatus(ActivityStatusCode.Error, "The analysis was cancelled.");
        activity.Stop();
    }

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

using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using HealthTwin.Agents.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthTwin.Agents.Orchestration;

/// <summary>
/// Runs the registered agents over a context: concurrently, each within the per-agent timeout, isolating failures
/// (a throwing or hanging agent is reported in the result and logged; the others' recommendations are kept), and
/// returns the merged recommendations in a deterministic order with a report per agent.
/// </summary>
/// <remarks>
/// Agents come from dependency injection (<see cref="IEnumerable{IAIAgent}"/>) and can be registered, replaced and
/// unregistered at run time; all members are thread-safe. Synchronous agents are invoked inline and pay nothing
/// for concurrency; only agents that return an incomplete task are awaited together under the timeout.
/// </remarks>
public sealed partial class AgentOrchestrator
{
    private static readonly IComparer<IAIAgent> ById = Comparer<IAIAgent>.Create(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
    private static readonly IComparer<AgentRunReportList.Entry> ReportById = Comparer<AgentRunReportList.Entry>.Create(static (a, b) => string.CompareOrdinal(a.AgentId, b.AgentId));

    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly HealthTwinOptions _options;
    private readonly HashSet<string> _disabled;
    private readonly OrchestratorTelemetry _telemetry;
    private IAIAgent[] _agents;
    private CancellationTokenSource? _spareCancellation;

    /// <summary>Creates an orchestrator over the given agents.</summary>
    /// <param name="agents">The agents (ids must be unique).</param>
    /// <param name="options">The options (timeout, disabled agents, parallelism).</param>
    /// <param name="timeProvider">The clock used for durations and timeouts.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="meterFactory">Optional meter factory for the <c>HealthTwin.Agents</c> meter.</param>
    /// <exception cref="ArgumentException">Two agents share an id.</exception>
    public AgentOrchestrator(
        IEnumerable<IAIAgent> agents,
        IOptions<HealthTwinOptions> options,
        TimeProvider timeProvider,
        ILogger<AgentOrchestrator> logger,
        System.Diagnostics.Metrics.IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _disabled = new HashSet<string>(_options.DisabledAgents, StringComparer.Ordinal);
        _telemetry = OrchestratorTelemetry.Create(meterFactory);

        var list = new List<IAIAgent>();
        foreach (IAIAgent agent in agents)
        {
            ValidateAgent(agent);
            if (list.Exists(a => a.Id == agent.Id))
            {
                throw new InvalidArgumentException($"Two agents share the id '{agent.Id}' ({list.Find(a => a.Id == agent.Id)!.GetType().Name} and {agent.GetType().Name}). Agent ids must be unique.", nameof(agents));
            }

            list.Add(agent);
        }

        IAIAgent[] array = [.. list];
        Array.Sort(array, ById);
        _agents = array;
    }

    /// <summary>Creates an orchestrator with default options, the system clock and no logging (for use without dependency injection).</summary>
    /// <param name="agents">The agents.</param>
    public AgentOrchestrator(IEnumerable<IAIAgent> agents)
        : this(agents, Options.Create(new HealthTwinOptions()), TimeProvider.System, NullLogger<AgentOrchestrator>.Instance)
    {
    }

    /// <summary>A snapshot of the registered agents, ordered by id.</summary>
    public IReadOnlyList<IAIAgent> Agents => Volatile.Read(ref _agents);

    /// <summary>Adds an agent.</summary>
    /// <param name="agent">The agent.</param>
    /// <exception cref="InvalidOperationException">An agent with the same id is already registered (use <see cref="RegisterOrReplace"/>).</exception>
    public void Register(IAIAgent agent)
    {
        ValidateAgent(agent);
        lock (_gate)
        {
            if (IndexOf(_agents, agent.Id) >= 0)
            {
                throw new InvalidOperationException($"An agent with the id '{agent.Id}' is already registered. Use RegisterOrReplace to replace it.");
            }

            Publish([.. _agents, agent]);
        }

        Log.AgentRegistered(_logger, agent.Id);
    }

    /// <summary>Adds an agent, replacing a registered agent with the same id.</summary>
    /// <param name="agent">The agent.</param>
    /// <returns>The replaced agent, or <see langword="null"/> when none had that id.</returns>
    public IAIAgent? RegisterOrReplace(IAIAgent agent)
    {
        ValidateAgent(agent);
        IAIAgent? replaced;
        lock (_gate)
        {
            IAIAgent[] current = _agents;
            int index = IndexOf(current, agent.Id);
            replaced = index >= 0 ? current[index] : null;
            IAIAgent[] next = [.. current];
            if (index >= 0)
            {
                next[index] = agent;
                Volatile.Write(ref _agents, next);
            }
            else
            {
                Publish([.. next, agent]);
            }
        }

        Log.AgentRegistered(_logger, agent.Id);
        return replaced;
    }

    /// <summary>Removes the agent with the given id.</summary>
    /// <param name="agentId">The id.</param>
    /// <returns>Whether an agent was removed.</returns>
    public bool Unregister(string agentId)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        lock (_gate)
        {
            IAIAgent[] current = _agents;
            int index = IndexOf(current, agentId);
            if (index < 0)
            {
                return false;
            }

            var next = new IAIAgent[current.Length - 1];
            Array.Copy(current, 0, next, 0, index);
            Array.Copy(current, index + 1, next, index, current.Length - index - 1);
            Volatile.Write(ref _agents, next);
        }

        Log.AgentUnregistered(_logger, agentId);
        return true;
    }

    /// <summary>Runs every registered, enabled agent over the context.</summary>
    /// <param name="context">The context.</param>
    /// <param name="cancellationToken">Cancels the analysis; an <see cref="OperationCanceledException"/> is then thrown.</param>
    /// <returns>The merged recommendations and a report per agent. Never throws for an agent's failure.</returns>
    public ValueTask<AgentAnalysis> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        Activity? callerActivity = null;
        Activity? activity = null;
        if (OrchestratorTelemetry.IsTracing)
        {
            callerActivity = Activity.Current;
            activity = OrchestratorTelemetry.StartAnalysis(context);
        }

        IAIAgent[] agents = Volatile.Read(ref _agents);
        long start = _timeProvider.GetTimestamp();
        var run = new AnalysisRun(agents, _options.AgentTimeout);
        CancellationTokenSource agentCancellation;
        if (cancellationToken.CanBeCanceled)
        {
            agentCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }
        else
        {
            // Reuse a never-cancelled source between fully synchronous analyses: synchronous agents pay nothing for
            // the timeout machinery they do not use.
            agentCancellation = Interlocked.Exchange(ref _spareCancellation, null) ?? new CancellationTokenSource();
        }

        bool disposeCancellation = true;
        try
        {
            // One timestamp per agent: the end of one synchronous agent is the start of the next.
            long timestamp = start;
            CancellationToken agentToken = agentCancellation.Token;
            for (int i = 0; i < agents.Length; i++)
            {
                IAIAgent agent = agents[i];
                if (_disabled.Count > 0 && _disabled.Contains(agent.Id))
                {
                    continue;
                }

                timestamp = StartAgent(run, agent, context, timestamp, agentToken, cancellationToken);
            }

            if (run.Pending is null)
            {
                return ValueTask.FromResult(Complete(run, context, start, activity));
            }

            disposeCancellation = false;
            Task<AgentAnalysis> pending = AwaitPendingAsync(run, context, start, agentCancellation, activity, cancellationToken);
            if (activity is not null)
            {
                // The analysis span ends in AwaitPendingAsync; the caller's own activity is current again.
                Activity.Current = callerActivity;
            }

            return new ValueTask<AgentAnalysis>(pending);
        }
        finally
        {
            if (disposeCancellation)
            {
                if (cancellationToken.CanBeCanceled || !agentCancellation.TryReset() || Interlocked.CompareExchange(ref _spareCancellation, agentCancellation, null) is not null)
                {
                    agentCancellation.Dispose();
                }

                activity?.Dispose();
            }
        }
    }

    /// <summary>
    /// Analyses many users with bounded parallelism (<see cref="HealthTwinOptions.MaxDegreeOfParallelism"/>), streaming
    /// each analysis as soon as it is done (in completion order; each carries its <see cref="AgentAnalysis.UserId"/>).
    /// </summary>
    /// <param name="contexts">The contexts, for example read user by user from a store.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>The analyses.</returns>
    public async IAsyncEnumerable<AgentAnalysis> AnalyzeManyAsync(IAsyncEnumerable<AgentContext> contexts, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        int parallelism = _options.MaxDegreeOfParallelism;
        Channel<AgentAnalysis> channel = Channel.CreateBounded<AgentAnalysis>(new BoundedChannelOptions(parallelism * 2) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task producer = Task.Run(
            async () =>
            {
                try
                {
                    await Parallel.ForEachAsync(
                        contexts,
                        new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = stop.Token },
                        async (context, token) =>
                        {
                            AgentAnalysis analysis = await AnalyzeAsync(context, token).ConfigureAwait(false);
                            await channel.Writer.WriteAsync(analysis, token).ConfigureAwait(false);
                        }).ConfigureAwait(false);
                    channel.Writer.TryComplete();
                }
                catch (Exception ex)
                {
                    channel.Writer.TryComplete(ex);
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (AgentAnalysis analysis in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return analysis;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    /// <summary>Starts one agent; records it when it completed synchronously, else queues it. Returns the timestamp after it.</summary>
    /// <remarks>
    /// With a listener on the <c>HealthTwin.Agents</c> source, each agent runs in its own <c>healthtwin.agent</c> span
    /// (the parent of whatever the agent traces itself). An agent that completes synchronously ends its span here; a
    /// pending one keeps it open until it is recorded, and the analysis span becomes current again for the next agent.
    /// </remarks>
    private long StartAgent(AnalysisRun run, IAIAgent agent, AgentContext context, long agentStart, CancellationToken agentToken, CancellationToken callerToken)
    {
        Activity? parent = null;
        Activity? span = null;
        if (OrchestratorTelemetry.IsTracing)
        {
            parent = Activity.Current;
            span = OrchestratorTelemetry.StartAgent(agent.Id);
        }

        long end;
        try
        {
            if (agent is IOutcomeReportingAgent reporting)
            {
                ValueTask<AgentOutcome> outcome = reporting.AnalyzeWithOutcomeAsync(context, agentToken);
                if (outcome.IsCompletedSuccessfully)
                {
                    AgentOutcome result = outcome.Result;
                    end = _timeProvider.GetTimestamp();
                    run.Add(Succeeded(agent, result, _timeProvider.GetElapsedTime(agentStart, end)), result.Recommendations, span);
                    return end;
                }

                run.AddPending(new PendingAgent(agent, agentStart, TrackAsync(outcome.AsTask()), span));
            }
            else
            {
                ValueTask<IReadOnlyList<AgentRecommendation>> recommendations = agent.AnalyzeAsync(context, agentToken);
                if (recommendations.IsCompletedSuccessfully)
                {
                    IReadOnlyList<AgentRecommendation> result = recommendations.Result ?? [];
                    end = _timeProvider.GetTimestamp();
                    run.Add(Succeeded(agent, result, _timeProvider.GetElapsedTime(agentStart, end)), result, span);
                    return end;
                }

                run.AddPending(new PendingAgent(agent, agentStart, TrackAsync(WrapAsync(recommendations)), span));
            }
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested)
        {
            OrchestratorTelemetry.StopCancelledAgent(span);
            throw;
        }
        catch (Exception ex)
        {
            end = _timeProvider.GetTimestamp();
            run.Add(Failed(agent, ex, _timeProvider.GetElapsedTime(agentStart, end)), null, span);
            return end;
        }
        finally
        {
            if (span is not null)
            {
                Activity.Current = parent;
            }
        }

        return _timeProvider.GetTimestamp();
    }

    private async Task<AgentAnalysis> AwaitPendingAsync(AnalysisRun run, AgentContext context, long start, CancellationTokenSource agentCancellation, Activity? activity, CancellationToken cancellationToken)
    {
        try
        {
            List<PendingAgent> pending = run.Pending!;
            var tasks = new Task[pending.Count];
            for (int i = 0; i < tasks.Length; i++)
            {
                tasks[i] = pending[i].Task;
            }

            TimeSpan remaining = run.Timeout - _timeProvider.GetElapsedTime(start);
            bool timedOut = false;
            try
            {
                if (remaining <= TimeSpan.Zero)
                {
                    timedOut = !Task.WhenAll(tasks).IsCompleted;
                }
                else
                {
                    await Task.WhenAll(tasks).WaitAsync(remaining, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (TimeoutException)
            {
                timedOut = true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Individual failures are inspected, logged and reported per agent below.
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (timedOut)
            {
                await agentCancellation.CancelAsync().ConfigureAwait(false);
            }

            foreach (PendingAgent p in pending)
            {
                Task<(AgentOutcome Outcome, long End)> task = p.Task;
                if (task.IsCompletedSuccessfully)
                {
                    (AgentOutcome outcome, long end) = task.Result;
                    run.Add(Succeeded(p.Agent, outcome, _timeProvider.GetElapsedTime(p.Start, end)), outcome.Recommendations, p.Activity);
                }
                else if (task.IsFaulted || (task.IsCanceled && !timedOut))
                {
                    Exception error = task.Exception?.GetBaseException() ?? new OperationCanceledException("The agent cancelled its own work.");
                    run.Add(Failed(p.Agent, error, _timeProvider.GetElapsedTime(p.Start)), null, p.Activity);
                }
                else
                {
                    TimeSpan elapsed = _timeProvider.GetElapsedTime(p.Start);
                    Log.AgentTimedOut(_logger, p.Agent.Id, run.Timeout.TotalMilliseconds);
                    _telemetry.RecordAgent(p.Agent.Id, AgentRunStatus.TimedOut, elapsed);
                    var entry = new AgentRunReportList.Entry(
                        p.Agent.Id,
                        AgentRunStatus.TimedOut,
                        elapsed.Ticks,
                        0,
                        new AgentRunReportList.EntryDetails($"The agent did not finish within {run.Timeout.TotalMilliseconds:0} ms.", null, null));
                    OrchestratorTelemetry.StopAgent(p.Activity, entry);
                    run.Add(entry, null);
                }
            }

            return Complete(run, context, start, activity);
        }
        finally
        {
            // Spans of agents still pending when the caller cancelled the analysis.
            foreach (PendingAgent p in run.Pending!)
            {
                OrchestratorTelemetry.StopCancelledAgent(p.Activity);
            }

            agentCancellation.Dispose();
            activity?.Dispose();
        }
    }

    private AgentRunReportList.Entry Succeeded(IAIAgent agent, IReadOnlyList<AgentRecommendation> recommendations, TimeSpan duration) =>
        Succeeded(agent, recommendations, null, null, duration);

    private AgentRunReportList.Entry Succeeded(IAIAgent agent, AgentOutcome outcome, TimeSpan duration) =>
        Succeeded(agent, outcome.Recommendations, outcome.FallbackReason, outcome.SkippedRules, duration);

    private AgentRunReportList.Entry Succeeded(IAIAgent agent, IReadOnlyList<AgentRecommendation>? recommendations, string? fallbackReason, IReadOnlyList<SkippedRule>? skipped, TimeSpan duration)
    {
        AgentRunStatus status = fallbackReason is null ? AgentRunStatus.Succeeded : AgentRunStatus.FellBack;
        string id = agent.Id;
        if (fallbackReason is not null)
        {
            Log.AgentFellBack(_logger, id, fallbackReason);
        }

        _telemetry.RecordAgent(id, status, duration);
        bool anySkipped = skipped is { Count: > 0 };
        return new AgentRunReportList.Entry(
            id,
            status,
            duration.Ticks,
            recommendations?.Count ?? 0,
            fallbackReason is null && !anySkipped ? null : new AgentRunReportList.EntryDetails(null, null, fallbackReason, anySkipped ? skipped : null));
    }

    private AgentRunReportList.Entry Failed(IAIAgent agent, Exception error, TimeSpan duration)
    {
        Log.AgentFailed(_logger, agent.Id, error.GetType().Name, error);
        _telemetry.RecordAgent(agent.Id, AgentRunStatus.Failed, duration);
        return new AgentRunReportList.Entry(agent.Id, AgentRunStatus.Failed, duration.Ticks, 0, new AgentRunReportList.EntryDetails(error.Message, error.GetType().FullName, null));
    }

    private AgentAnalysis Complete(AnalysisRun run, AgentContext context, long start, Activity? activity)
    {
        AgentRecommendation[] merged = run.Merge();
        AgentRunReportList reports = run.Reports();
        TimeSpan duration = _timeProvider.GetElapsedTime(start);
        _telemetry.RecordAnalysis(duration, activity, merged.Length);
        Log.AnalysisCompleted(_logger, reports.Count, merged.Length, duration.TotalMilliseconds);
        return new AgentAnalysis
        {
            UserId = context.UserId,
            Date = context.Today.Date,
            AnalyzedAt = context.AnalyzedAt,
            Recommendations = merged,
            Agents = reports,
            Coverage = CoverageReport.For(context, run.SkippedRuleCount),
            Duration = duration,
        };
    }

    private async Task<(AgentOutcome Outcome, long End)> TrackAsync(Task<AgentOutcome> task)
    {
        AgentOutcome outcome = await task.ConfigureAwait(false);
        return (outcome, _timeProvider.GetTimestamp());
    }

    private static async Task<AgentOutcome> WrapAsync(ValueTask<IReadOnlyList<AgentRecommendation>> recommendations) =>
        new(await recommendations.ConfigureAwait(false) ?? []);

    private static void ValidateAgent(IAIAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (string.IsNullOrWhiteSpace(agent.Id) || agent.Id.Contains(':', StringComparison.Ordinal))
        {
            throw new InvalidArgumentException($"Agent {agent.GetType().Name} has an invalid id '{agent.Id}': it must be non-empty and contain no ':'.", nameof(agent));
        }
    }

    private void Publish(IAIAgent[] next)
    {
        Array.Sort(next, ById);
        Volatile.Write(ref _agents, next);
    }

    private static int IndexOf(IAIAgent[] agents, string id)
    {
        for (int i = 0; i < agents.Length; i++)
        {
            if (string.Equals(agents[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private sealed record PendingAgent(IAIAgent Agent, long Start, Task<(AgentOutcome Outcome, long End)> Task, Activity? Activity);

    /// <summary>
    /// The state of one analysis: a report per agent and the recommendation lists, in exactly sized arrays. Agents
    /// that completed synchronously are recorded in agent-id order, so their reports need no sorting.
    /// </summary>
    private sealed class AnalysisRun(IAIAgent[] agents, TimeSpan timeout)
    {
        private readonly AgentRunReportList.Entry[] _reports = new AgentRunReportList.Entry[agents.Length];
        private IReadOnlyList<AgentRecommendation>[]? _lists;
        private int _reportCount;
        private int _listCount;
        private int _recommendationCount;
        private bool _outOfOrder;

        public List<PendingAgent>? Pending { get; private set; }

        /// <summary>The per-agent timeout of this analysis, read from the options once when it started.</summary>
        public TimeSpan Timeout { get; } = timeout;

        public int SkippedRuleCount { get; private set; }

        public void Add(in AgentRunReportList.Entry report, IReadOnlyList<AgentRecommendation>? recommendations)
        {
            _reports[_reportCount++] = report;
            SkippedRuleCount += report.Details?.SkippedRules?.Count ?? 0;
            _outOfOrder |= Pending is not null;
            if (recommendations is { Count: > 0 })
            {
                (_lists ??= new IReadOnlyList<AgentRecommendation>[agents.Length])[_listCount++] = recommendations;
                _recommendationCount += recommendations.Count;
            }
        }

        /// <summary>Records a report and ends the agent's span with its outcome.</summary>
        public void Add(in AgentRunReportList.Entry report, IReadOnlyList<AgentRecommendation>? recommendations, Activity? span)
        {
            OrchestratorTelemetry.StopAgent(span, report);
            Add(report, recommendations);
        }

        public void AddPending(PendingAgent pending) => (Pending ??= []).Add(pending);

        public AgentRecommendation[] Merge() =>
            _lists is null ? [] : RecommendationMerger.Merge(_lists, _listCount, _recommendationCount);

        /// <summary>The reports in agent-id order.</summary>
        public AgentRunReportList Reports()
        {
            if (_outOfOrder)
            {
                Array.Sort(_reports, 0, _reportCount, ReportById);
            }

            return new AgentRunReportList(_reports, _reportCount);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, Level = LogLevel.Warning, Message = "Agent {AgentId} failed with {ExceptionType}; its recommendations are missing from this analysis")]
        public static partial void AgentFailed(ILogger logger, string agentId, string exceptionType, Exception exception);

        [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Agent {AgentId} did not finish within {TimeoutMs} ms and was cancelled")]
        public static partial void AgentTimedOut(ILogger logger, string agentId, double timeoutMs);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Agent {AgentId} fell back: {Reason}")]
        public static partial void AgentFellBack(ILogger logger, string agentId, string reason);

        [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Analysis ran {AgentCount} agents and produced {RecommendationCount} recommendations in {DurationMs} ms")]
        public static partial void AnalysisCompleted(ILogger logger, int agentCount, int recommendationCount, double durationMs);

        [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Agent {AgentId} registered")]
        public static partial void AgentRegistered(ILogger logger, string agentId);

        [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Agent {AgentId} unregistered")]
        public static partial void AgentUnregistered(ILogger logger, string agentId);
    }
}

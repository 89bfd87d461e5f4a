using System.Collections.Concurrent;
using System.Diagnostics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Agents.Tests.Orchestration;

/// <summary>
/// A <c>healthtwin.agent</c> span per agent run under the <c>HealthTwin.Agents</c> source, seen through an
/// <see cref="ActivityListener"/>. Each test runs inside its own root span and keeps only the spans of its trace, so
/// analyses of tests running at the same time do not mix in.
/// </summary>
public sealed class AgentSpanTests : IDisposable
{
    private static readonly ActivitySource TestSource = new("HealthTwin.Agents.Tests.Spans");
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public AgentSpanTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is HealthTwinTelemetry.SourceName or "HealthTwin.Agents.Tests.Spans",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task AnalyzeAsync_EachOutcome_OneChildSpanPerAgentWithIdStatusAndCounts()
    {
        var skipping = new SkippingAgent();
        AgentOrchestrator orchestrator = Orchestrator(
            [
                FakeAgent.Returning("a-sync", ("one", RecommendationPriority.Low), ("two", RecommendationPriority.High)),
                FakeAgent.Throwing("b-throws"),
                FakeAgent.Hanging("c-hangs"),
                FakeAgent.Delayed("d-async", TimeSpan.FromMilliseconds(10), ("three", RecommendationPriority.Medium)),
                new FallbackAgent(),
                skipping,
                FakeAgent.Returning("off", ("x", RecommendationPriority.Low)),
            ],
            TimeSpan.FromMilliseconds(500),
            "off");

        (ActivityTraceId trace, _) = await RunAsync(orchestrator);

        Activity analyze = Spans(trace).Should().ContainSingle(a => a.OperationName == "healthtwin.analyze").Subject;
        Activity[] agents = Spans(trace).Where(a => a.OperationName == "healthtwin.agent").OrderBy(a => Tag(a, "healthtwin.agent.id"), StringComparer.Ordinal).ToArray();
        agents.Select(a => Tag(a, "healthtwin.agent.id")).Should().Equal(["a-sync", "ai", "b-throws", "c-hangs", "d-async", "skips"], "a disabled agent does not run and gets no span");
        agents.Should().OnlyContain(a => a.ParentSpanId == analyze.SpanId && a.Source.Name == HealthTwinTelemetry.SourceName);
        agents.Select(a => a.DisplayName).Should().Contain("healthtwin.agent a-sync");

        Activity ok = agents[0];
        Tag(ok, "healthtwin.agent.status").Should().Be("succeeded");
        ok.GetTagItem("healthtwin.agent.recommendations").Should().Be(2);
        ok.GetTagItem("healthtwin.agent.skipped_rules").Should().Be(0);
        ok.Status.Should().Be(ActivityStatusCode.Unset);

        Activity fellBack = agents[1];
        Tag(fellBack, "healthtwin.agent.status").Should().Be("fell_back");
        Tag(fellBack, "healthtwin.fallback.reason").Should().Contain("ThrottlingException");

        Activity failed = agents[2];
        Tag(failed, "healthtwin.agent.status").Should().Be("failed");
        Tag(failed, "error.type").Should().Be(typeof(InvalidOperationException).FullName);
        failed.Status.Should().Be(ActivityStatusCode.Error);
        failed.StatusDescription.Should().NotContain("boom", "an agent's exception message may quote health data and stays out of traces");

        Activity timedOut = agents[3];
        Tag(timedOut, "healthtwin.agent.status").Should().Be("timed_out");
        Tag(timedOut, "error.type").Should().Be("timeout");
        timedOut.Status.Should().Be(ActivityStatusCode.Error);
        timedOut.Duration.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(400));

        Activity async = agents[4];
        Tag(async, "healthtwin.agent.status").Should().Be("succeeded");
        async.GetTagItem("healthtwin.agent.recommendations").Should().Be(1);

        Activity skipped = agents[5];
        skipped.GetTagItem("healthtwin.agent.skipped_rules").Should().Be(2);
        skipped.GetTagItem("healthtwin.agent.recommendations").Should().Be(0);
    }

    [Fact]
    public async Task AnalyzeAsync_AsyncAgentTracesItsOwnWork_ItsSpansNestUnderTheAgentSpanOnly()
    {
        // Two asynchronous agents that start a child span of their own after an await: each child belongs to its
        // own agent's span, not to the agent started after it.
        var tracing = new FakeAgent[]
        {
            new("first", async (_, ct) =>
            {
                await Task.Delay(20, ct);
                using Activity? child = TestSource.StartActivity("first-work");
                return [];
            }),
            new("second", async (_, ct) =>
            {
                await Task.Yield();
                using Activity? child = TestSource.StartActivity("second-work");
                return [];
            }),
        };

        (ActivityTraceId trace, bool rootCurrentAfter) = await RunAsync(Orchestrator(tracing, TimeSpan.FromSeconds(5)));

        Activity first = Spans(trace).Single(a => Tag(a, "healthtwin.agent.id") == "first");
        Activity second = Spans(trace).Single(a => Tag(a, "healthtwin.agent.id") == "second");
        Spans(trace).Single(a => a.OperationName == "first-work").ParentSpanId.Should().Be(first.SpanId);
        Spans(trace).Single(a => a.OperationName == "second-work").ParentSpanId.Should().Be(second.SpanId);
        rootCurrentAfter.Should().BeTrue("neither the agent spans nor the analysis span stay current in the caller's context");
    }

    [Fact]
    public async Task AnalyzeAsync_CallerCancels_PendingAgentSpansEndAsCancelled()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        AgentOrchestrator orchestrator = Orchestrator([FakeAgent.Hanging("h")], TimeSpan.FromSeconds(30));
        ActivityTraceId trace;
        using (Activity root = TestSource.StartActivity("test-root")!)
        {
            trace = root.TraceId;
            Func<Task> act = async () => await orchestrator.AnalyzeAsync(Context(), cts.Token);
            await act.Should().ThrowAsync<OperationCanceledException>();
        }

        Activity span = Spans(trace).Should().ContainSingle(a => a.OperationName == "healthtwin.agent").Subject;
        Tag(span, "healthtwin.agent.status").Should().Be("cancelled");
        span.Status.Should().Be(ActivityStatusCode.Error);
    }

    internal static AgentContext Context() =>
        new AgentContextFactory(new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 6, 0, 0, TimeSpan.Zero)), Options.Create(new HealthTwinOptions()))
            .Create("user-1", TestData.Profile(), TestData.History(10));

    internal static AgentOrchestrator Orchestrator(IEnumerable<IAIAgent> agents, TimeSpan timeout, params string[] disabled)
    {
        var options = new HealthTwinOptions { AgentTimeout = timeout };
        foreach (string id in disabled)
        {
            options.DisabledAgents.Add(id);
        }

        return new AgentOrchestrator(agents, Options.Create(options), TimeProvider.System, NullLogger<AgentOrchestrator>.Instance);
    }

    /// <summary>Runs one analysis inside a root span; returns the trace and whether the root was current again afterwards.</summary>
    private static async Task<(ActivityTraceId Trace, bool RootCurrentAfter)> RunAsync(AgentOrchestrator orchestrator)
    {
        Activity root = TestSource.StartActivity("test-root")!;
        try
        {
            await orchestrator.AnalyzeAsync(Context());
            return (root.TraceId, ReferenceEquals(Activity.Current, root));
        }
        finally
        {
            root.Stop();
        }
    }

    private List<Activity> Spans(ActivityTraceId trace) => [.. _stopped.Where(a => a.TraceId == trace)];

    private static string? Tag(Activity activity, string key) => activity.GetTagItem(key) as string;

    /// <summary>An agent that reports two rules it could not run for missing data.</summary>
    private sealed class SkippingAgent : IOutcomeReportingAgent
    {
        public string Id => "skips";

        public string Name => "Skips";

        public string Description => "Skips two rules.";

        public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([]);

        public ValueTask<AgentOutcome> AnalyzeWithOutcomeAsync(AgentContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new AgentOutcome([])
            {
                SkippedRules = [new SkippedRule("r1", [HealthMetric.Hrv], "no HRV"), new SkippedRule("r2", [HealthMetric.Steps], "no steps")],
            });
    }
}

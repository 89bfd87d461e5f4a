using System.Diagnostics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Agents.Tests.Orchestration;

public class AgentOrchestratorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 3, 14, 6, 0, 0, TimeSpan.Zero));

    private static AgentContext Context() =>
        new AgentContextFactory(Clock, Options.Create(new HealthTwinOptions())).Create("user-1", TestData.Profile(), TestData.History(10));

    private static AgentOrchestrator Orchestrator(IEnumerable<IAIAgent> agents, TimeSpan? timeout = null, TimeProvider? clock = null, params string[] disabled)
    {
        var options = new HealthTwinOptions { AgentTimeout = timeout ?? TimeSpan.FromSeconds(5) };
        foreach (string id in disabled)
        {
            options.DisabledAgents.Add(id);
        }

        return new AgentOrchestrator(agents, Options.Create(options), clock ?? TimeProvider.System, NullLogger<AgentOrchestrator>.Instance);
    }

    [Fact]
    public async Task AnalyzeAsync_OneThrowsAndOneHangs_KeepsTheOthersWithinTheTimeoutPlusAMargin()
    {
        // 1 s: the 20 ms agent must finish inside it even while other test assemblies load both cores.
        TimeSpan timeout = TimeSpan.FromSeconds(1);
        AgentOrchestrator orchestrator = Orchestrator(
            [
                FakeAgent.Returning("a-sync", ("one", RecommendationPriority.Low)),
                FakeAgent.Throwing("b-throws"),
                FakeAgent.Hanging("c-hangs"),
                FakeAgent.Delayed("d-async", TimeSpan.FromMilliseconds(20), ("two", RecommendationPriority.High)),
            ],
            timeout);

        AgentContext context = Context();
        var watch = Stopwatch.StartNew();
        AgentAnalysis analysis = await orchestrator.AnalyzeAsync(context);
        watch.Stop();

        watch.Elapsed.Should().BeLessThan(timeout + TimeSpan.FromSeconds(2), "the hanging agent (which never completes) is abandoned at the timeout; the margin absorbs a loaded 2-core machine");
        analysis.Recommendations.Select(r => r.Id).Should().Equal("d-async:two:2025-03-14", "a-sync:one:2025-03-14");
        analysis.Agents.Select(a => (a.AgentId, a.Status)).Should().Equal(
            ("a-sync", AgentRunStatus.Succeeded),
            ("b-throws", AgentRunStatus.Failed),
            ("c-hangs", AgentRunStatus.TimedOut),
            ("d-async", AgentRunStatus.Succeeded));
        analysis.Agents[1].Error.Should().Be("boom from b-throws");
        analysis.Agents[1].ErrorType.Should().Be(typeof(InvalidOperationException).FullName);
        analysis.Agents[2].Error.Should().Contain("1000 ms");
        analysis.Agents[2].Duration.Should().BeGreaterThanOrEqualTo(timeout - TimeSpan.FromMilliseconds(20));
        analysis.IsComplete.Should().BeFalse();
    }

    [Fact]
    public async Task AnalyzeAsync_TimeoutChangedDuringTheAnalysis_UsesTheTimeoutItStartedWith()
    {
        var options = new HealthTwinOptions { AgentTimeout = TimeSpan.FromSeconds(30) };
        int calls = 0;
        var agent = new FakeAgent("changes-options", async (c, ct) =>
        {
            if (Interlocked.Increment(ref calls) > 1)
            {
                // The second analysis: waits until cancelled, so only its timeout can end it (a 50 ms delay could
                // finish in the same timer tick as a 1 ms timeout on a loaded machine).
                await Task.Delay(Timeout.Infinite, ct);
                return [];
            }

            options.AgentTimeout = TimeSpan.FromMilliseconds(1);   // before its first await: the analysis has started
            await Task.Delay(50, ct);
            return [FakeAgent.Recommendation("changes-options", "done", RecommendationPriority.Low, c)];
        });
        var orchestrator = new AgentOrchestrator([agent], Options.Create(options), TimeProvider.System, NullLogger<AgentOrchestrator>.Instance);

        AgentAnalysis analysis = await orchestrator.AnalyzeAsync(Context());

        analysis.Agents.Single().Status.Should().Be(AgentRunStatus.Succeeded, "an analysis keeps the timeout it started with");
        options.AgentTimeout = TimeSpan.FromMilliseconds(1);
        (await orchestrator.AnalyzeAsync(Context())).Agents.Single().Status.Should().Be(AgentRunStatus.TimedOut, "the next analysis takes the new value");
    }

    [Fact]
    public async Task AnalyzeAsync_HangingAgent_IsCancelledAtTheTimeout()
    {
        var cancelled = new TaskCompletionSource();
        var agent = new FakeAgent("hangs", async (_, ct) =>
        {
            ct.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, ct);
            return [];
        });

        await Orchestrator([agent], TimeSpan.FromMilliseconds(50)).AnalyzeAsync(Context());

        (await Task.WhenAny(cancelled.Task, Task.Delay(5000))).Should().Be(cancelled.Task);
    }

    [Fact]
    public async Task AnalyzeAsync_AsyncAgentsRunConcurrently()
    {
        // Each agent waits until all five have started: run one after another, the first would wait in vain and time out.
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int started = 0;
        IAIAgent[] agents = Enumerable.Range(0, 5).Select(i => (IAIAgent)new FakeAgent("wait-" + i, async (c, ct) =>
        {
            if (Interlocked.Increment(ref started) == 5)
            {
                allStarted.SetResult();
            }

            await allStarted.Task.WaitAsync(ct).ConfigureAwait(false);
            return [FakeAgent.Recommendation("wait-" + i, "r", RecommendationPriority.Low, c)];
        })).ToArray();

        AgentAnalysis analysis = await Orchestrator(agents, TimeSpan.FromSeconds(10)).AnalyzeAsync(Context());

        analysis.Agents.Should().OnlyContain(a => a.Status == AgentRunStatus.Succeeded);
        analysis.Recommendations.Should().HaveCount(5);
    }

    [Fact]
    public async Task AnalyzeAsync_OrdersByPriorityThenAgentThenId()
    {
        AgentOrchestrator orchestrator = Orchestrator(
        [
            FakeAgent.Returning("zeta", ("b", RecommendationPriority.High), ("a", RecommendationPriority.High)),
            FakeAgent.Returning("alpha", ("z", RecommendationPriority.Low), ("y", RecommendationPriority.High)),
            FakeAgent.Returning("mid", ("m", RecommendationPriority.Medium)),
        ]);

        AgentAnalysis analysis = await orchestrator.AnalyzeAsync(Context());

        analysis.Recommendations.Select(r => r.Id).Should().Equal(
            "alpha:y:2025-03-14", "zeta:a:2025-03-14", "zeta:b:2025-03-14", "mid:m:2025-03-14", "alpha:z:2025-03-14");
    }

    [Fact]
    public async Task AnalyzeAsync_ExactDuplicates_AreMerged()
    {
        AgentOrchestrator orchestrator = Orchestrator([FakeAgent.Returning("dup", ("same", RecommendationPriority.High), ("same", RecommendationPriority.High))]);

        AgentAnalysis analysis = await orchestrator.AnalyzeAsync(Context());

        analysis.Recommendations.Should().ContainSingle();
        analysis.Agents.Single().RecommendationCount.Should().Be(2);
    }

    [Fact]
    public async Task AnalyzeAsync_OutcomeReportingAgent_ReportsTheFallbackAndKeepsItsRecommendations()
    {
        AgentAnalysis analysis = await Orchestrator([new FallbackAgent()]).AnalyzeAsync(Context());

        analysis.Agents.Single().Status.Should().Be(AgentRunStatus.FellBack);
        analysis.Agents.Single().FallbackReason.Should().Contain("ThrottlingException");
        analysis.Recommendations.Should().ContainSingle().Which.Id.Should().Be("ai:local-twin:2025-03-14");
    }

    [Fact]
    public async Task AnalyzeAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Func<Task> act = async () => await Orchestrator([FakeAgent.Hanging("h")]).AnalyzeAsync(Context(), cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task AnalyzeAsync_DisabledAgent_DoesNotRun()
    {
        FakeAgent off = FakeAgent.Returning("off", ("x", RecommendationPriority.High));

        AgentAnalysis analysis = await Orchestrator([off, FakeAgent.Returning("on", ("y", RecommendationPriority.Low))], disabled: "off").AnalyzeAsync(Context());

        off.Calls.Should().Be(0);
        analysis.Agents.Select(a => a.AgentId).Should().Equal("on");
    }

    [Fact]
    public async Task AnalyzeAsync_FakeClockAndSameInputs_ProduceIdenticalJson()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 6, 0, 0, TimeSpan.Zero));
        AgentOrchestrator orchestrator = Orchestrator(
            [FakeAgent.Returning("x", ("r1", RecommendationPriority.High)), FakeAgent.Returning("y", ("r2", RecommendationPriority.Low))],
            clock: clock);
        var factory = new AgentContextFactory(clock, Options.Create(new HealthTwinOptions()));

        string first = HealthTwinJson.Serialize(await orchestrator.AnalyzeAsync(factory.Create("u", TestData.Profile(), TestData.History(30))));
        string second = HealthTwinJson.Serialize(await orchestrator.AnalyzeAsync(factory.Create("u", TestData.Profile(), TestData.History(30))));

        second.Should().Be(first);
        first.Should().Contain("\"analyzedAt\":\"2025-03-14T06:00:00+00:00\"").And.Contain("\"status\":\"succeeded\"");
    }

    [Fact]
    public void Register_DuplicateId_Throws()
    {
        AgentOrchestrator orchestrator = Orchestrator([FakeAgent.Returning("a")]);

        Action act = () => orchestrator.Register(FakeAgent.Returning("a"));

        act.Should().Throw<InvalidOperationException>().WithMessage("*'a'*RegisterOrReplace*");
    }

    [Fact]
    public void Constructor_DuplicateIds_Throws()
    {
        Action act = () => Orchestrator([FakeAgent.Returning("a"), FakeAgent.Returning("a")]);

        act.Should().Throw<ArgumentException>().WithMessage("*share the id 'a'*");
    }

    [Fact]
    public async Task RegisterReplaceUnregister_ChangeWhatRuns()
    {
        AgentOrchestrator orchestrator = Orchestrator([FakeAgent.Returning("b", ("old", RecommendationPriority.Low))]);

        orchestrator.Register(FakeAgent.Returning("a", ("new", RecommendationPriority.Low)));
        IAIAgent? replaced = orchestrator.RegisterOrReplace(FakeAgent.Returning("b", ("replaced", RecommendationPriority.Low)));
        AgentAnalysis afterReplace = await orchestrator.AnalyzeAsync(Context());
        bool removed = orchestrator.Unregister("a");
        bool removedAgain = orchestrator.Unregister("a");
        AgentAnalysis afterRemove = await orchestrator.AnalyzeAsync(Context());

        replaced!.Id.Should().Be("b");
        afterReplace.Recommendations.Select(r => r.Id).Should().Equal("a:new:2025-03-14", "b:replaced:2025-03-14");
        removed.Should().BeTrue();
        removedAgain.Should().BeFalse();
        afterRemove.Recommendations.Select(r => r.Id).Should().Equal("b:replaced:2025-03-14");
        orchestrator.Agents.Select(a => a.Id).Should().Equal("b");
    }

    [Fact]
    public async Task Register_ConcurrentlyWithAnalyses_LosesNoRegistration()
    {
        AgentOrchestrator orchestrator = Orchestrator([]);
        AgentContext context = Context();

        Task registering = Task.Run(() => Parallel.For(0, 200, i => orchestrator.Register(FakeAgent.Returning("agent-" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)))));
        Task analysing = Task.Run(async () =>
        {
            for (int i = 0; i < 50; i++)
            {
                AgentAnalysis a = await orchestrator.AnalyzeAsync(context);
                a.Agents.Should().NotContain(r => r.Status != AgentRunStatus.Succeeded);
            }
        });
        await Task.WhenAll(registering, analysing);

        orchestrator.Agents.Should().HaveCount(200);
        orchestrator.Agents.Select(a => a.Id).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public async Task AnalyzeManyAsync_StreamsOneAnalysisPerContext()
    {
        var factory = new AgentContextFactory(Clock, Options.Create(new HealthTwinOptions()));
        AgentOrchestrator orchestrator = Orchestrator([FakeAgent.Returning("x", ("r", RecommendationPriority.Low))]);

        static async IAsyncEnumerable<AgentContext> Contexts(AgentContextFactory f)
        {
            for (int i = 0; i < 25; i++)
            {
                await Task.Yield();
                yield return f.Create("user-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), TestData.Profile(), TestData.History(7));
            }
        }

        var users = new List<string>();
        await foreach (AgentAnalysis analysis in orchestrator.AnalyzeManyAsync(Contexts(factory)))
        {
            analysis.Recommendations.Should().ContainSingle();
            users.Add(analysis.UserId);
        }

        users.Should().HaveCount(25).And.OnlyHaveUniqueItems();
    }
}

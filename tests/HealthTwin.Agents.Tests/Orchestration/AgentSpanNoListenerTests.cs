using System.Diagnostics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;

namespace HealthTwin.Agents.Tests.Orchestration;

/// <summary>
/// Without any listener the orchestrator starts no span. Activity listeners are process-wide, so this runs in a
/// collection that no other test runs beside (another test's listener would otherwise make the span real).
/// </summary>
[Collection(ProcessWideListenersGroup.Name)]
public sealed class AgentSpanNoListenerTests
{
    [Fact]
    public async Task AnalyzeAsync_NoListener_RunsWithoutSpans()
    {
        var agent = new CurrentActivityAgent();
        AgentAnalysis analysis = await AgentSpanTests.Orchestrator([agent], TimeSpan.FromSeconds(5)).AnalyzeAsync(AgentSpanTests.Context());

        analysis.Agents.Should().ContainSingle().Which.Status.Should().Be(AgentRunStatus.Succeeded);
        agent.Ran.Should().BeTrue();
        agent.Current.Should().BeNull("no listener samples the HealthTwin sources, so no span is started around the agent");
    }

    private sealed class CurrentActivityAgent : IAIAgent
    {
        public string Id => "current";

        public string Name => "Current";

        public string Description => "Records the current activity.";

        public bool Ran { get; private set; }

        public Activity? Current { get; private set; }

        public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken)
        {
            Ran = true;
            Current = Activity.Current;
            return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([]);
        }
    }
}

using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Agents.Tests.Orchestration;

/// <summary>
/// Runs the full orchestrator of <c>AddHealthTwin()</c> (all ten built-in agents) over a history; the orchestrator's
/// clock is a fake that does not move, so durations (and the JSON) are deterministic.
/// </summary>
internal sealed class PartialDayAnalysis : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public PartialDayAnalysis()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(BuiltIn.AgentTestContext.Noon));
        services.AddHealthTwin();
        _provider = services.BuildServiceProvider();
        Orchestrator = _provider.GetRequiredService<AgentOrchestrator>();
    }

    public AgentOrchestrator Orchestrator { get; }

    /// <summary>Builds the context at <paramref name="now"/> and analyses it.</summary>
    public async Task<AgentAnalysis> AnalyzeAsync(
        IEnumerable<DailyMetrics> history, DateTimeOffset? now = null, ContextData? contextData = null, UserProfile? profile = null)
    {
        var factory = new AgentContextFactory(new FakeTimeProvider(now ?? BuiltIn.AgentTestContext.Noon), Options.Create(new HealthTwinOptions()));
        AgentContext context = factory.Create("u1", profile ?? TestData.Profile(), history, new AgentContextOptions { ContextData = contextData });
        return await Orchestrator.AnalyzeAsync(context, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    /// <summary>Every number in the JSON text, recursively; fails on a literal that is not a finite number.</summary>
    public static IEnumerable<double> Numbers(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                yield return element.GetDouble();
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    foreach (double n in Numbers(item))
                    {
                        yield return n;
                    }
                }

                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    foreach (double n in Numbers(property.Value))
                    {
                        yield return n;
                    }
                }

                break;
        }
    }
}

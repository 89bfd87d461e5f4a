using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Aws.AI;
using HealthTwin.Aws.Bedrock;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.Tests.AI;

public sealed class BedrockAnalysisServiceTests
{
    [Fact]
    public async Task AnalyzeWithAIAsync_FreeFocus_AsksTheDefaultModelAndIdsTheResultByFocus()
    {
        await using BedrockTestHost host = await BedrockTestHost.StartAsync();

        AgentOutcome outcome = await host.Analysis.AnalyzeWithAIAsync(AITestData.Context(), "Sleep optimization (this week!)");

        outcome.FellBack.Should().BeFalse();
        AgentRecommendation recommendation = outcome.Recommendations.Should().ContainSingle().Subject;
        recommendation.Agent.Should().Be("bedrock-analysis");
        recommendation.Id.Should().Be("bedrock-analysis:ai-sleep-optimization-this-week-1:2025-03-10");
        recommendation.Source.Should().Be(BedrockModelCatalog.ClaudeSonnet35);
        host.Server.Requests.Single().UserText.Should().StartWith("Focus: Sleep optimization (this week!)\n");
    }

    [Fact]
    public async Task AnalyzeWithAIAsync_SameFocusTwice_IsCached()
    {
        await using BedrockTestHost host = await BedrockTestHost.StartAsync();

        await host.Analysis.AnalyzeWithAIAsync(AITestData.Context(), "training intensity");
        AgentOutcome second = await host.Analysis.AnalyzeWithAIAsync(AITestData.Context(), "training intensity");
        await host.Analysis.AnalyzeWithAIAsync(AITestData.Context(), "stress management");

        second.FellBack.Should().BeFalse();
        host.Server.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task AnalyzeWithAIAsync_ModelFails_FallsBackWithTheReason()
    {
        await using BedrockTestHost host = await BedrockTestHost.StartAsync();
        host.Server.Responder = _ => LoopbackBedrockReply.Error(403, "AccessDeniedException", "no model access");

        AgentOutcome outcome = await host.Analysis.AnalyzeWithAIAsync(AITestData.Context(), "sleep optimization");

        outcome.FallbackReason.Should().StartWith("access-denied: AccessDeniedException (HTTP 403, request id req-1)");
        outcome.Recommendations.Should().NotContain(r => r.Source != AgentRecommendation.LocalSource);
    }

    [Theory]
    [InlineData("sleep optimization", new[] { "sleep", "sleep-environment" })]
    [InlineData("Training intensity", new[] { "fitness-coach", "injury-risk" })]
    [InlineData("stress and breathing", new[] { "burnout-guardian", "breathing-coach" })]
    [InlineData("next week's trend", new[] { "predictive-analytics" })]
    [InlineData("general wellbeing", new[] { "planner" })]
    public void LocalFocusAgents_Focus_PicksTheRelevantLocalAgents(string focus, string[] expected)
    {
        LocalFocusAgents.For(focus).Select(a => a.Id).Should().Equal(expected);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task AnalyzeWithAIAsync_FocusLengthOutOfRange_ThrowsNamingTheRange(int length)
    {
        using BedrockAnalysisService service = CreateService(new ThrowingChatClient(), enabled: true);

        Func<Task> act = async () => await service.AnalyzeWithAIAsync(AITestData.Context(), new string('f', length));

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("allowed 1–200").And.Contain("focus");
    }

    [Fact]
    public async Task AnalyzeWithAIAsync_FocusOfTwoHundredCharacters_IsAccepted()
    {
        using BedrockAnalysisService service = CreateService(new ThrowingChatClient(), enabled: true);

        AgentOutcome outcome = await service.AnalyzeWithAIAsync(AITestData.Context(), new string('f', 200));

        outcome.FallbackReason.Should().StartWith("error: InvalidOperationException");
    }

    [Fact]
    public async Task AnalyzeWithAIAsync_Disabled_AnswersLocallyWithoutCallingTheModel()
    {
        var client = new ThrowingChatClient();
        using BedrockAnalysisService service = CreateService(client, enabled: false);

        AgentOutcome outcome = await service.AnalyzeWithAIAsync(AITestData.Context(), "sleep");

        outcome.FallbackReason.Should().Be("disabled: HealthTwin:Bedrock:Enabled is false");
        client.Calls.Should().Be(0);
    }

    [Fact]
    public async Task Agents_HostGivesItsClientWithUseChatClient_IsUsedInsteadOfBedrock()
    {
        var hostClient = new JsonChatClient(LoopbackBedrockReply.ValidRecommendationsJson);
        await using BedrockTestHost host = await BedrockTestHost.StartAsync(
            services: s => s.AddHealthTwin().UseChatClient(_ => hostClient, "llama3.2:3b"),
            onlyAgents: "bedrock-sleep");

        AgentAnalysis analysis = await host.Orchestrator.AnalyzeAsync(AITestData.Context());

        analysis.Agents.Single(a => a.AgentId == "bedrock-sleep").Status.Should().Be(AgentRunStatus.Succeeded);
        analysis.Recommendations.Should().ContainSingle(r => r.Agent == "bedrock-sleep").Which.Source.Should().Be("host-model");
        hostClient.Calls.Should().Be(1);
        hostClient.LastModelId.Should().Be("llama3.2:3b");
        host.Server.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task Agents_HostUnkeyedChatClient_IsNeitherUsedNorReplaced()
    {
        var hostClient = new JsonChatClient(LoopbackBedrockReply.ValidRecommendationsJson);
        await using BedrockTestHost host = await BedrockTestHost.StartAsync(
            services: s => s.AddSingleton<IChatClient>(hostClient),
            onlyAgents: "bedrock-sleep");

        AgentAnalysis analysis = await host.Orchestrator.AnalyzeAsync(AITestData.Context());

        analysis.Recommendations.Should().ContainSingle(r => r.Agent == "bedrock-sleep").Which.Source.Should().Be(BedrockModelCatalog.ClaudeSonnet35);
        hostClient.Calls.Should().Be(0, "Bedrock model ids are never sent to the host's own client");
        host.Server.RequestCount.Should().Be(1);
        host.Services.GetRequiredService<IChatClient>().Should().BeSameAs(hostClient);
    }

    [Fact]
    public async Task Agents_HostKeyedChatClient_ReplacesTheBedrockPipeline()
    {
        var hostClient = new JsonChatClient(LoopbackBedrockReply.ValidRecommendationsJson);
        await using BedrockTestHost host = await BedrockTestHost.StartAsync(
            services: s => s.AddKeyedChatClient(BedrockChatClient.ServiceKey, hostClient),
            onlyAgents: "bedrock-sleep");

        AgentAnalysis analysis = await host.Orchestrator.AnalyzeAsync(AITestData.Context());

        analysis.Agents.Single(a => a.AgentId == "bedrock-sleep").Status.Should().Be(AgentRunStatus.Succeeded);
        hostClient.Calls.Should().Be(1);
        host.Server.RequestCount.Should().Be(0);
    }

    private static BedrockAnalysisService CreateService(IChatClient client, bool enabled)
    {
        var services = new ServiceCollection();
        services.AddHybridCache();
        using ServiceProvider provider = services.BuildServiceProvider();
        return new BedrockAnalysisService(
            client,
            Options.Create(new BedrockOptions { Enabled = enabled, CacheDuration = TimeSpan.Zero }),
            provider.GetRequiredService<HybridCache>(),
            TimeProvider.System,
            NullLogger<BedrockAnalysisService>.Instance);
    }

    /// <summary>A host's own chat client that answers with JSON text (no tool support).</summary>
    private sealed class JsonChatClient(string json) : IChatClient
    {
        public int Calls { get; private set; }

        public string? LastModelId { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            LastModelId = options?.ModelId;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, json)) { ModelId = "host-model" });
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private sealed class ThrowingChatClient : IChatClient
    {
        public int Calls { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            throw new InvalidOperationException("no model here");
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}

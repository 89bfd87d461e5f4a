using HealthTwin.Agents.Orchestration;
using HealthTwin.Aws.AI;
using HealthTwin.Aws.Bedrock;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace HealthTwin.Aws.Tests.AI;

/// <summary>
/// The Polly pipeline of the model call (budget, retries of transient failures only, per-attempt timeout) and its
/// meeting with a host's own resilience handler from Microsoft.Extensions.Http.Resilience.
/// </summary>
public sealed class BedrockResilienceTests
{
    [Fact]
    public async Task AnalyzeAsync_ServerErrorEveryTime_MakesMaxAttemptsThenFallsBackSayingHowMany()
    {
        await using BedrockTestHost host = await BedrockTestHost.StartAsync(configure: o => o.MaxAttempts = 4, onlyAgents: "bedrock-sleep");
        host.Server.Responder = _ => LoopbackBedrockReply.Error(500, "InternalServerException", "boom");

        AgentAnalysis analysis = await host.Orchestrator.AnalyzeAsync(AITestData.Context());

        analysis.Agents.Single(a => a.AgentId == "bedrock-sleep").FallbackReason.Should().StartWith("server-error: InternalServerException (HTTP 500").And.EndWith("after 4 attempts");
        host.Server.RequestCount.Should().Be(4);
    }

    [Fact]
    public async Task AnalyzeAsync_BudgetRunsOutWhileWaiting_FallsBackWithTimeoutReason()
    {
        await using BedrockTestHost host = await BedrockTestHost.StartAsync(
            configure: o =>
            {
                o.RetryBudget = TimeSpan.FromMilliseconds(600);
                o.Timeout = TimeSpan.FromMilliseconds(400);
                o.MaxAttempts = 10;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            },
            onlyAgents: "bedrock-sleep");
        host.Server.Delay = TimeSpan.FromMilliseconds(250);
        host.Server.Responder = _ => LoopbackBedrockReply.Error(503, "ServiceUnavailableException", "busy");

        AgentAnalysis analysis = await host.Orchestrator.AnalyzeAsync(AITestData.Context());

        analysis.Agents.Single(a => a.AgentId == "bedrock-sleep").FallbackReason.Should().StartWith("timeout: the retry budget of 00:00:00.6000000 ran out during attempt ");
        host.Server.RequestCount.Should().BeInRange(2, 3);
    }

    [Fact]
    public async Task AnalyzeAsync_HostStandardResilienceHandlerOnEveryClient_RetriesStackButAreReportedOnce()
    {
        var logs = new CollectingLoggerProvider();
        await using BedrockTestHost host = await BedrockTestHost.StartAsync(
            configure: o => o.MaxAttempts = 2,
            services: s =>
            {
                s.AddLogging(l => l.AddProvider(logs));
                s.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(r =>
                {
                    r.Retry.Delay = TimeSpan.FromMilliseconds(1);
                    r.Retry.MaxRetryAttempts = 2;
                }));
            },
            onlyAgents: "bedrock-sleep");
        host.Server.Responder = _ => LoopbackBedrockReply.Error(503, "ServiceUnavailableException", "busy");

        await host.Orchestrator.AnalyzeAsync(AITestData.Context());
        await host.Orchestrator.AnalyzeAsync(AITestData.Context(userId: "user-2"));

        host.Server.RequestCount.Should().Be(12, "2 SDK attempts × 3 sends of the host's handler, twice");
        host.Services.GetRequiredService<BedrockResendMonitor>().Resends.Should().Be(8);
        logs.Entries.Where(e => e.EventId == 3105).Should().ContainSingle()
            .Which.Message.Should().Contain("HealthTwin:Bedrock:MaxAttempts").And.Contain(BedrockChatClient.HttpClientName);
    }

    [Fact]
    public async Task AnalyzeAsync_HostHandlerOwnsRetriesWithMaxAttemptsOne_NoWarning()
    {
        var logs = new CollectingLoggerProvider();
        await using BedrockTestHost host = await BedrockTestHost.StartAsync(
            configure: o => o.MaxAttempts = 1,
            services: s =>
            {
                s.AddLogging(l => l.AddProvider(logs));
                s.AddHttpClient(BedrockChatClient.HttpClientName).AddStandardResilienceHandler(r => r.Retry.Delay = TimeSpan.FromMilliseconds(1));
            },
            onlyAgents: "bedrock-sleep");
        host.Server.Enqueue(LoopbackBedrockReply.Error(429, "ThrottlingException", "slow down"));

        AgentAnalysis analysis = await host.Orchestrator.AnalyzeAsync(AITestData.Context());

        analysis.Agents.Single(a => a.AgentId == "bedrock-sleep").Status.Should().Be(AgentRunStatus.Succeeded);
        host.Server.RequestCount.Should().Be(2);
        host.Server.Requests.Should().OnlyContain(r => r.SignatureError == null, "the host's retry is re-signed");
        logs.Entries.Should().NotContain(e => e.EventId == 3105);
    }

    [Fact]
    public async Task AnalyzeAsync_OneAttemptAllowed_ThrottlingIsNotRetried()
    {
        await using BedrockTestHost host = await BedrockTestHost.StartAsync(configure: o => o.MaxAttempts = 1, onlyAgents: "bedrock-sleep");
        host.Server.Enqueue(LoopbackBedrockReply.Error(429, "ThrottlingException", "slow down"));

        AgentAnalysis analysis = await host.Orchestrator.AnalyzeAsync(AITestData.Context());

        analysis.Agents.Single(a => a.AgentId == "bedrock-sleep").FallbackReason.Should().StartWith("throttled: ThrottlingException (HTTP 429").And.NotContain("attempts");
        host.Server.RequestCount.Should().Be(1);
    }
}

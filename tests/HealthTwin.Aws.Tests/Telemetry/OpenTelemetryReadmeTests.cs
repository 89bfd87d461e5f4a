using System.Diagnostics;
using HealthTwin.Agents;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Aws.AI;
using HealthTwin.Aws.Bedrock;
using HealthTwin.Aws.Tests.AI;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace HealthTwin.Aws.Tests.Telemetry;

/// <summary>
/// The README's OpenTelemetry wiring (<c>AddSource</c>/<c>AddMeter</c> with the public names) in a generic host, with
/// the in-memory exporter instead of OTLP, against the loopback Bedrock server.
/// </summary>
public sealed class OpenTelemetryReadmeTests
{
    /// <summary>
    /// The test's own root span: the HealthTwin sources are process-wide, so other tests running in parallel export
    /// spans too; only the spans of this trace are this analysis's.
    /// </summary>
    private static readonly ActivitySource TestSource = new("HealthTwin.Aws.Tests.Telemetry");

    [Fact]
    public async Task ReadmeWiring_OneAnalysis_ExportsAgentAndChatSpansAndGenAIMetrics()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        await using LoopbackBedrockServer server = await LoopbackBedrockServer.StartAsync();
        var spans = new List<Activity>();
        ActivityTraceId trace = default;
        var metrics = new List<Metric>();
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HealthTwin:Bedrock:Enabled"] = "true",
            ["HealthTwin:Bedrock:ServiceUrl"] = server.Endpoint.ToString(),
            ["HealthTwin:DisabledAgents:0"] = "bedrock-fitness-coach",
            ["HealthTwin:DisabledAgents:1"] = "bedrock-burnout-guardian",
            ["HealthTwin:DisabledAgents:2"] = "bedrock-predictive-analytics",
            ["HealthTwin:DisabledAgents:3"] = "bedrock-breathing-coach",
        });
        builder.Services.AddDefaultAWSOptions(new Amazon.Extensions.NETCore.Setup.AWSOptions
        {
            Credentials = new Amazon.Runtime.BasicAWSCredentials(LoopbackBedrockServer.AccessKey, LoopbackBedrockServer.SecretKey),
            Region = Amazon.RegionEndpoint.USEast1,
        });

        // As in the README, with the in-memory exporter in place of AddOtlpExporter().
        builder.Services.AddHealthTwin().AddBedrockAgents();
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(HealthTwinTelemetry.SourceName, HealthTwinAwsTelemetry.BedrockSourceName)
                .AddSource(TestSource.Name)
                .AddInMemoryExporter(spans))
            .WithMetrics(meters => meters
                .AddMeter(HealthTwinTelemetry.SourceName, HealthTwinAwsTelemetry.BedrockSourceName)
                .AddInMemoryExporter(metrics));
        using (IHost host = builder.Build())
        {
            await host.StartAsync();
            AgentAnalysis analysis;
            using (Activity root = TestSource.StartActivity("test")!)
            {
                trace = root.TraceId;
                analysis = await host.Services.GetRequiredService<AgentOrchestrator>().AnalyzeAsync(AITestData.Context());
            }

            analysis.Agents.Single(a => a.AgentId == "bedrock-sleep").Status.Should().Be(AgentRunStatus.Succeeded);
            host.Services.GetRequiredService<MeterProvider>().ForceFlush().Should().BeTrue();
            await host.StopAsync();
        }

        List<Activity> ours = [.. spans.Where(a => a.TraceId == trace)];
        Activity analyze = ours.Should().ContainSingle(a => a.OperationName == "healthtwin.analyze").Subject;
        Activity run = ours.Should().ContainSingle(a => a.OperationName == "healthtwin.agent" && (string?)a.GetTagItem("healthtwin.agent.id") == "bedrock-sleep").Subject;
        run.ParentSpanId.Should().Be(analyze.SpanId, "the orchestrator runs each agent in its own span");
        run.GetTagItem("healthtwin.agent.status").Should().Be("succeeded");
        Activity agent = ours.Should().ContainSingle(a => a.DisplayName == "invoke_agent bedrock-sleep").Subject;
        agent.ParentSpanId.Should().Be(run.SpanId);
        agent.GetTagItem("gen_ai.operation.name").Should().Be("invoke_agent");
        agent.GetTagItem("gen_ai.agent.id").Should().Be("bedrock-sleep");
        Activity chat = ours.Should().ContainSingle(a => a.Source.Name == HealthTwinAwsTelemetry.BedrockSourceName && a.DisplayName.StartsWith("chat", StringComparison.Ordinal)).Subject;
        chat.ParentSpanId.Should().Be(agent.SpanId);
        chat.GetTagItem("gen_ai.operation.name").Should().Be("chat");
        chat.GetTagItem("gen_ai.provider.name").Should().Be(BedrockChatClient.ProviderName);
        chat.GetTagItem("gen_ai.request.model").Should().Be(BedrockModelCatalog.ClaudeSonnet35);
        chat.GetTagItem("gen_ai.usage.input_tokens").Should().NotBeNull();
        chat.Tags.Should().NotContain(t => t.Key.Contains("gen_ai.input.messages", StringComparison.Ordinal), "prompts carry health data and are never recorded");
        metrics.Select(m => m.Name).Should().Contain(["gen_ai.client.token.usage", "gen_ai.client.operation.duration", "healthtwin.agent.runs", "healthtwin.bedrock.cost"]);
    }
}

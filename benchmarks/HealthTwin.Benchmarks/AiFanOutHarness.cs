using System.Diagnostics;
using System.Globalization;
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using HealthTwin.Agents;
using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Aws.AI;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Benchmarks;

/// <summary>
/// <c>-- ai-fanout</c>: the five Bedrock agents through the orchestrator against the loopback Bedrock server (real
/// wiring: AWSOptions credentials, SigV4-signed HttpClient, Converse JSON) that answers every call after 200 ms.
/// Target: the whole analysis in ≤ 1.3 × 200 ms, i.e. the five calls overlap. Wall time per analysis over many runs.
/// </summary>
public static class AiFanOutHarness
{
    public static async Task<int> RunAsync(TextWriter output, int runs = 30)
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        TimeSpan latency = TimeSpan.FromMilliseconds(200);
        await using LoopbackBedrockServer server = await LoopbackBedrockServer.StartAsync();
        server.Delay = latency;
        using var fixture = new AnalysisFixture();
        AgentContext context = AiSamples.Context(fixture);
        int failures = 0;
        foreach (bool aiOnly in new[] { true, false })
        {
            await using ServiceProvider services = Build(server, aiOnly);
            AgentOrchestrator orchestrator = services.GetRequiredService<AgentOrchestrator>();
            for (int i = 0; i < 3; i++)
            {
                await orchestrator.AnalyzeAsync(AnalysisFixture.Fresh(context)); // connections, JIT
            }

            var times = new List<double>(runs);
            int before = server.RequestCount;
            for (int i = 0; i < runs; i++)
            {
                long start = Stopwatch.GetTimestamp();
                AgentAnalysis analysis = await orchestrator.AnalyzeAsync(AnalysisFixture.Fresh(context));
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                int ai = analysis.Agents.Count(a => a.AgentId.StartsWith(BedrockAgent.IdPrefix, StringComparison.Ordinal) && a.Status == AgentRunStatus.Succeeded);
                if (ai != 5)
                {
                    failures++;
                    output.WriteLine($"run {i}: only {ai} of 5 Bedrock agents succeeded: {string.Join(", ", analysis.Agents.Select(a => a.AgentId + "=" + a.Status + " " + a.FallbackReason))}");
                }
            }

            times.Sort();
            int requests = server.RequestCount - before;
            string name = aiOnly ? "5 Bedrock agents (Replace mode, other local agents disabled)" : "5 Bedrock agents + 10 local agents (Hybrid mode)";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {runs} | {requests} | {times[0]:0.0} | {times[times.Count / 2]:0.0} | {times.Average():0.0} | {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:0.0} | {times[^1]:0.0} | {times[times.Count / 2] / latency.TotalMilliseconds:0.00} × |"));
        }

        return failures == 0 ? 0 : 1;
    }

    public static string Header =>
        "| configuration | runs | model calls | min ms | median ms | mean ms | p95 ms | max ms | median / 200 ms |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|";

    private static ServiceProvider Build(LoopbackBedrockServer server, bool aiOnly)
    {
        var services = new ServiceCollection();
        services.AddDefaultAWSOptions(new AWSOptions
        {
            Credentials = new BasicAWSCredentials(LoopbackBedrockServer.AccessKey, LoopbackBedrockServer.SecretKey),
            Region = RegionEndpoint.USEast1,
        });
        services.AddSingleton<TimeProvider>(new FixedClock(AnalysisFixture.Now));
        services.AddHealthTwin(o =>
        {
            if (aiOnly)
            {
                foreach (string id in new[] { PlannerAgent.AgentId, ContextAwarenessAgent.AgentId, SleepEnvironmentAgent.AgentId, RecoveryPredictionAgent.AgentId, InjuryRiskAgent.AgentId })
                {
                    o.DisabledAgents.Add(id);
                }
            }
        }).AddBedrockAgents(o =>
        {
            o.Enabled = true;
            o.Mode = aiOnly ? BedrockMode.Replace : BedrockMode.Hybrid;
            o.ServiceUrl = server.Endpoint;
            o.Region = "us-east-1";
            o.CacheDuration = TimeSpan.Zero; // every analysis calls the model five times
            o.RateLimitPermits = 1_000_000;
        });
        return services.BuildServiceProvider();
    }
}

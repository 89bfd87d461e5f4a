using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Synthetic;
using HealthTwin.Aws.AI;
using HealthTwin.Aws.S3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// Published with PublishAot=true; prints what was bound and what ran so the test can check it at run time.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddHealthTwin().AddAgent<HydrationAgent>().AddBedrockAgents().UseS3Storage();
using IHost host = builder.Build();

HealthTwinOptions core = host.Services.GetRequiredService<IOptions<HealthTwinOptions>>().Value;
BedrockOptions bedrock = host.Services.GetRequiredService<IOptions<BedrockOptions>>().Value;
S3StorageOptions s3 = host.Services.GetRequiredService<IOptions<S3StorageOptions>>().Value;
Console.WriteLine($"agentTimeout={core.AgentTimeout:c}");
Console.WriteLine($"minSleep={core.Alerts.MinSleepHours}");
Console.WriteLine($"maxStress={core.Alerts.MaxStressScore}");
Console.WriteLine($"disabled={string.Join(',', core.DisabledAgents.Order(StringComparer.Ordinal))}");
Console.WriteLine($"bedrockMaxTokens={bedrock.MaxTokens}");
Console.WriteLine($"bedrockSleepModel={bedrock.ModelFor("sleep")}");
Console.WriteLine($"bucket={s3.BucketName}");

DateOnly today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
IReadOnlyList<DailyMetrics> history = SyntheticHistory.Generate(SyntheticScenario.OverreachingAthlete, today, 30);
AgentContext context = host.Services.GetRequiredService<AgentContextFactory>().Create("aot-user", new UserProfile { TimeZone = "Europe/Berlin" }, history);
AgentAnalysis analysis = await host.Services.GetRequiredService<AgentOrchestrator>().AnalyzeAsync(context);
Console.WriteLine($"ran={string.Join(',', analysis.Agents.Select(a => a.AgentId + ":" + a.Status))}");
Console.WriteLine($"json={HealthTwin.Agents.Serialization.HealthTwinJson.Serialize(analysis.Recommendations).Length > 2}");

/// <summary>The README's custom agent.</summary>
public sealed class HydrationAgent : IAIAgent
{
    public string Id => "hydration";

    public string Name => "Hydration Coach";

    public string Description => "Reminds the user to drink after long workouts.";

    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([]);
}

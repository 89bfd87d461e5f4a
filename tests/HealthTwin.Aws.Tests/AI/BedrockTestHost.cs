using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using HealthTwin.Agents;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Aws.AI;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Aws.Tests.AI;

/// <summary>
/// The real wiring (<c>AddHealthTwin().AddBedrockAgents(...)</c>, AWSOptions credentials, the signed HttpClient)
/// against a <see cref="LoopbackBedrockServer"/>, with fast retry settings.
/// </summary>
internal sealed class BedrockTestHost : IAsyncDisposable
{
    private BedrockTestHost(LoopbackBedrockServer server, ServiceProvider services)
    {
        Server = server;
        Services = services;
    }

    public LoopbackBedrockServer Server { get; }

    public ServiceProvider Services { get; }

    public AgentOrchestrator Orchestrator => Services.GetRequiredService<AgentOrchestrator>();

    public BedrockAnalysisService Analysis => Services.GetRequiredService<BedrockAnalysisService>();

    /// <summary>Starts a server and a provider.</summary>
    /// <param name="configure">Adjusts the Bedrock options (enabled, loopback endpoint, 2 s timeout, 5 s budget, 10 ms base delay).</param>
    /// <param name="core">Adjusts the core options.</param>
    /// <param name="services">Adds or replaces services (after AddBedrockAgents).</param>
    /// <param name="credentials">The AWSOptions credentials (default: the server's key pair); <see langword="null"/> with <paramref name="noAwsOptions"/> registers none.</param>
    /// <param name="noAwsOptions">Do not register AWSOptions.</param>
    /// <param name="onlyAgents">When set, every other Bedrock agent is disabled (HealthTwin:DisabledAgents).</param>
    public static async Task<BedrockTestHost> StartAsync(
        Action<BedrockOptions>? configure = null,
        Action<HealthTwinOptions>? core = null,
        Action<IServiceCollection>? services = null,
        AWSCredentials? credentials = null,
        bool noAwsOptions = false,
        params string[] onlyAgents)
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        LoopbackBedrockServer server = await LoopbackBedrockServer.StartAsync();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddMetrics();
        if (!noAwsOptions)
        {
            collection.AddDefaultAWSOptions(new AWSOptions
            {
                Credentials = credentials ?? new BasicAWSCredentials(LoopbackBedrockServer.AccessKey, LoopbackBedrockServer.SecretKey),
                Region = RegionEndpoint.USEast1,
            });
        }

        collection.AddHealthTwin(o =>
        {
            if (onlyAgents.Length > 0)
            {
                foreach (string id in AllBedrockAgentIds.Except(onlyAgents))
                {
                    o.DisabledAgents.Add(id);
                }
            }

            core?.Invoke(o);
        }).AddBedrockAgents(o =>
        {
            o.Enabled = true;
            o.ServiceUrl = server.Endpoint;
            o.Region = "us-east-1";
            o.Timeout = TimeSpan.FromSeconds(2);
            o.RetryBudget = TimeSpan.FromSeconds(5);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
            configure?.Invoke(o);
        });
        services?.Invoke(collection);
        return new BedrockTestHost(server, collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
    }

    public static readonly string[] AllBedrockAgentIds =
        ["bedrock-sleep", "bedrock-fitness-coach", "bedrock-burnout-guardian", "bedrock-predictive-analytics", "bedrock-breathing-coach"];

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}

using HealthTwin.Agents;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Aws.AI;
using HealthTwin.Aws.Bedrock;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.Tests.DependencyInjection;

public sealed class AddBedrockAgentsTests
{
    private static ServiceProvider Build(Action<IHealthTwinBuilder> add, IConfiguration? hostConfiguration = null)
    {
        var services = new ServiceCollection();
        if (hostConfiguration is not null)
        {
            services.AddSingleton(hostConfiguration);
        }

        services.AddLogging();
        add(services.AddHealthTwin());
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    /// <summary>The agents that run: registered and not disabled.</summary>
    private static string[] AgentIds(ServiceProvider provider)
    {
        HealthTwinOptions options = provider.GetRequiredService<IOptions<HealthTwinOptions>>().Value;
        return [.. provider.GetRequiredService<AgentOrchestrator>().Agents.Select(a => a.Id).Except(options.DisabledAgents)];
    }

    [Fact]
    public void AddBedrockAgents_DisabledByDefault_RunsNoAIAgentButOffersTheServiceAndTheKeyedClient()
    {
        using ServiceProvider provider = Build(b => b.AddBedrockAgents());

        AgentIds(provider).Should().HaveCount(10).And.NotContain(id => id.StartsWith("bedrock-", StringComparison.Ordinal));
        provider.GetRequiredService<BedrockAnalysisService>().Should().NotBeNull();
        provider.GetService<IChatClient>().Should().BeNull("the host's unkeyed client is never taken over");
        IChatClient keyed = provider.GetRequiredKeyedService<IChatClient>(BedrockChatClient.ServiceKey);
        keyed.GetService<BedrockChatClient>().Should().BeSameAs(provider.GetRequiredService<BedrockChatClient>());
        keyed.GetService<OpenTelemetryChatClient>().Should().NotBeNull();
        keyed.GetService<LoggingChatClient>().Should().NotBeNull();
        provider.GetRequiredService<IOptions<HealthTwinOptions>>().Value.AgentTimeout.Should().Be(TimeSpan.FromSeconds(5), "disabled Bedrock leaves the timeout alone");
    }

    [Fact]
    public void AddBedrockAgents_EnabledByConfigurationAddedAfterTheCall_IsStillHonoured()
    {
        var hostConfiguration = new ConfigurationManager();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(hostConfiguration);
        services.AddLogging();
        services.AddHealthTwin().AddBedrockAgents();
        hostConfiguration.AddInMemoryCollection([new("HealthTwin:Bedrock:Enabled", "true"), new("HealthTwin:Bedrock:Mode", "Replace")]);
        using ServiceProvider provider = services.BuildServiceProvider();

        AgentIds(provider).Should().Contain(BedrockAgentSelection.BedrockAgentIds).And.NotContain(BedrockAgentSelection.LocalTwinIds);
    }

    [Fact]
    public void ConfigureBedrockChatClient_HostSteps_AreOutsideTelemetryAndLogging()
    {
        var order = new List<string>();
        using ServiceProvider provider = Build(b => b.AddBedrockAgents().ConfigureBedrockChatClient(chat => chat
            .UseDistributedCache(new Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache(Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions())))
            .Use((inner, _) =>
            {
                order.Add(inner.GetType().Name);
                return inner;
            })));

        IChatClient keyed = provider.GetRequiredKeyedService<IChatClient>(BedrockChatClient.ServiceKey);

        keyed.Should().BeOfType<DistributedCachingChatClient>();
        order.Should().Equal(nameof(OpenTelemetryChatClient));
    }

    [Fact]
    public void AddBedrockAgents_HybridMode_RunsAIAgentsNextToTheLocalOnes()
    {
        using ServiceProvider provider = Build(b => b.AddBedrockAgents(o => o.Enabled = true));

        string[] ids = AgentIds(provider);
        ids.Should().HaveCount(15).And.Contain(["sleep", "bedrock-sleep", "breathing-coach", "bedrock-breathing-coach"]);
    }

    [Fact]
    public void AddBedrockAgents_ReplaceModeFromConfiguration_RemovesTheLocalTwins()
    {
        using ServiceProvider provider = Build(b => b.AddBedrockAgents(Configuration(("Enabled", "true"), ("Mode", "Replace"))));

        string[] ids = AgentIds(provider);
        ids.Should().HaveCount(10).And.Contain("bedrock-sleep").And.NotContain(["sleep", "fitness-coach", "burnout-guardian", "predictive-analytics", "breathing-coach"]);
    }

    [Fact]
    public void AddBedrockAgents_HostConfigurationInstance_IsReadForEnabledAndBoundAtRunTime()
    {
        IConfiguration host = Configuration(
            ("HealthTwin:Bedrock:Enabled", "true"),
            ("HealthTwin:Bedrock:Region", "eu-central-1"),
            ("HealthTwin:Bedrock:ServiceUrl", "https://vpce-0123.bedrock-runtime.eu-central-1.vpce.amazonaws.com"),
            ("HealthTwin:Bedrock:Models:sleep", "llama-3-3-70b"),
            ("HealthTwin:Bedrock:CacheDuration", "00:10:00"),
            ("HealthTwin:Bedrock:Prices:0:Model", "llama-3-3-70b"),
            ("HealthTwin:Bedrock:Prices:0:InputPer1K", "0.001"),
            ("HealthTwin:Bedrock:Prices:0:OutputPer1K", "0.002"));

        using ServiceProvider provider = Build(b => b.AddBedrockAgents(), host);

        AgentIds(provider).Should().Contain("bedrock-sleep");
        BedrockOptions options = provider.GetRequiredService<IOptions<BedrockOptions>>().Value;
        options.ModelFor("sleep").Should().Be(BedrockModelCatalog.Llama33Instruct70B);
        options.CacheDuration.Should().Be(TimeSpan.FromMinutes(10));
        BedrockModelCatalog.FindPrice(BedrockModelCatalog.Llama33Instruct70B, options.Prices)!.InputPer1K.Should().Be(0.001);
        BedrockChatClientOptions client = provider.GetRequiredService<IOptions<BedrockChatClientOptions>>().Value;
        client.Region.Should().Be("eu-central-1");
        client.ServiceUrl.Should().Be(new Uri("https://vpce-0123.bedrock-runtime.eu-central-1.vpce.amazonaws.com"));
    }

    [Fact]
    public void AddBedrockAgents_Enabled_RaisesTheOrchestratorTimeoutAboveTheRetryBudget()
    {
        using ServiceProvider provider = Build(b => b.AddBedrockAgents(o =>
        {
            o.Enabled = true;
            o.RetryBudget = TimeSpan.FromSeconds(12);
        }));

        provider.GetRequiredService<IOptions<HealthTwinOptions>>().Value.AgentTimeout.Should().Be(TimeSpan.FromSeconds(14));
    }

    [Fact]
    public void AddBedrockAgents_HostChatClientRegisteredBefore_IsKeptAndNotUsed()
    {
        using ServiceProvider provider = Build(b =>
        {
            b.Services.AddSingleton<IChatClient, NullChatClient>();
            b.AddBedrockAgents(o => o.Enabled = true);
        });

        provider.GetRequiredService<IChatClient>().Should().BeOfType<NullChatClient>();
        provider.GetRequiredKeyedService<IChatClient>(BedrockChatClient.ServiceKey).GetService<BedrockChatClient>().Should().NotBeNull();
    }

    [Fact]
    public void AddBedrockAgents_InvalidOption_FailsNamingOptionValueAndRange()
    {
        using ServiceProvider provider = Build(b => b.AddBedrockAgents(o => o.Temperature = 1.5));

        Func<BedrockOptions> act = () => provider.GetRequiredService<IOptions<BedrockOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*HealthTwin:Bedrock:Temperature = 1.5 is outside the allowed range 0–1.*");
    }

    private sealed class NullChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse());

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}

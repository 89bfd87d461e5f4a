using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Storage;
using HealthTwin.Agents.Tests.Orchestration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthTwin.Agents.Tests.DependencyInjection;

public class HealthTwinServiceCollectionExtensionsTests
{
    [Fact]
    public void AddHealthTwin_RegistersTheCoreServicesAndTenBuiltInAgents()
    {
        using ServiceProvider provider = new ServiceCollection().AddHealthTwin().Services.BuildServiceProvider();

        provider.GetRequiredService<AgentOrchestrator>().Agents.Should().HaveCount(10);
        provider.GetRequiredService<AgentContextFactory>().Should().NotBeNull();
        provider.GetRequiredService<IMetricsStore>().Should().BeOfType<FileSystemMetricsStore>();
        provider.GetRequiredService<IUserFileStore>().Should().BeOfType<FileSystemUserFileStore>();
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public void AddHealthTwin_CalledTwice_RegistersEachAgentOnce()
    {
        var services = new ServiceCollection();
        services.AddHealthTwin();
        services.AddHealthTwin();

        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetServices<IAIAgent>().Should().HaveCount(10);
    }

    [Fact]
    public void AddHealthTwin_HostRegistrationsWin()
    {
        var store = new InMemoryMetricsStore();
        var services = new ServiceCollection();
        services.AddSingleton<IMetricsStore>(store);
        services.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        services.AddHealthTwin();

        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IMetricsStore>().Should().BeSameAs(store);
        provider.GetRequiredService<TimeProvider>().Should().BeOfType<Microsoft.Extensions.Time.Testing.FakeTimeProvider>();
    }

    [Fact]
    public void AddAgent_AddsAPlugInAgentOnce()
    {
        var services = new ServiceCollection();
        services.AddHealthTwin().AddAgent<PlugInAgent>().AddAgent<PlugInAgent>();

        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<AgentOrchestrator>().Agents.Select(a => a.Id).Should().Contain("plug-in").And.HaveCount(11);
    }

    [Fact]
    public void RemoveAgent_DropsABuiltInAgent()
    {
        var services = new ServiceCollection();
        services.AddHealthTwin().RemoveAgent<HealthTwin.Agents.BuiltIn.ContextAwarenessAgent>();

        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<AgentOrchestrator>().Agents.Select(a => a.Id).Should().NotContain("context-awareness").And.HaveCount(9);
    }

    [Fact]
    public void AddHealthTwin_Configuration_BindsOptions()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HealthTwin:Alerts:HrvDropPercent"] = "20",
            ["HealthTwin:Alerts:MaxStressScore"] = "65",
            ["HealthTwin:AgentTimeout"] = "00:00:02",
            ["HealthTwin:DisabledAgents:0"] = "planner",
            ["HealthTwin:Storage:RootPath"] = "/tmp/healthtwin-bind-test",
        }).Build();
        var services = new ServiceCollection();
        services.AddHealthTwin(configuration.GetSection("HealthTwin"));

        using ServiceProvider provider = services.BuildServiceProvider();
        HealthTwinOptions options = provider.GetRequiredService<IOptions<HealthTwinOptions>>().Value;

        options.Alerts.HrvDropPercent.Should().Be(20);
        options.Alerts.MaxStressScore.Should().Be(65);
        options.Alerts.RestingHrIncreasePercent.Should().Be(10);
        options.AgentTimeout.Should().Be(TimeSpan.FromSeconds(2));
        options.DisabledAgents.Should().Equal("planner");
        provider.GetRequiredService<IOptions<FileSystemStorageOptions>>().Value.RootPath.Should().Be("/tmp/healthtwin-bind-test");
    }

    [Fact]
    public async Task AddHealthTwin_InvalidOptions_FailOnStartNamingTheOption()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddHealthTwin(o =>
        {
            o.Alerts.HrvDropPercent = 150;
            o.AgentTimeout = TimeSpan.Zero;
        });
        using IHost host = builder.Build();

        Func<Task> act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>())
            .Which.Failures.Should().Contain(f => f.StartsWith("HealthTwin:Alerts:HrvDropPercent = 150", StringComparison.Ordinal) && f.Contains("1–90", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("HealthTwin:AgentTimeout = ", StringComparison.Ordinal), "options are named by their configuration key, as users write them");
    }

    [Fact]
    public async Task AddHealthTwin_ThresholdsFromOptions_ReachTheContext()
    {
        var services = new ServiceCollection();
        services.AddHealthTwin(o => o.Alerts.MinSleepHours = 7).UseInMemoryStorage();
        await using ServiceProvider provider = services.BuildServiceProvider();

        AgentContext context = provider.GetRequiredService<AgentContextFactory>().Create("u1", TestData.Profile(), TestData.History(3));

        context.Thresholds.MinSleepHours.Should().Be(7);
        provider.GetRequiredService<IMetricsStore>().Should().BeOfType<InMemoryMetricsStore>();
    }

    [Fact]
    public async Task UseFileSystemStorage_WritesUnderTheRootInTheS3KeyLayout()
    {
        string root = Path.Combine(Path.GetTempPath(), "healthtwin-di-" + Guid.NewGuid().ToString("N"));
        try
        {
            var services = new ServiceCollection();
            services.AddHealthTwin().UseFileSystemStorage(root);
            await using ServiceProvider provider = services.BuildServiceProvider();

            await provider.GetRequiredService<IMetricsStore>().SaveAsync("u1", [TestData.Day()]);

            File.Exists(Path.Combine(root, "users", "u1", "metrics", "2025-03-14.json")).Should().BeTrue();
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private sealed class PlugInAgent : IAIAgent
    {
        public string Id => "plug-in";

        public string Name => "Plug-in";

        public string Description => "A host's own agent.";

        public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([FakeAgent.Recommendation(Id, "drink-water", RecommendationPriority.Low, context)]);
    }
}

using HealthTwin.Agents.Orchestration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthTwin.Agents.Tests.DependencyInjection;

/// <summary><c>AddHealthTwin()</c> in a real generic host: the <c>HealthTwin</c> section of appsettings and the command line, read when resolved.</summary>
public sealed class HostConfigurationBindingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("healthtwin-core-host-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void AddHealthTwin_GenericHostAppsettingsAndCommandLine_BindTheCoreOptions()
    {
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), """
            { "HealthTwin": { "AgentTimeout": "00:00:09", "DisabledAgents": [ "planner" ], "Alerts": { "MinSleepHours": 7 }, "Storage": { "RootPath": "from-appsettings" } } }
            """);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = _root,
            Args = ["--HealthTwin:MaxDegreeOfParallelism=3"],
        });
        builder.Services.AddHealthTwin();
        using IHost host = builder.Build();

        HealthTwinOptions options = host.Services.GetRequiredService<IOptions<HealthTwinOptions>>().Value;

        options.AgentTimeout.Should().Be(TimeSpan.FromSeconds(9));
        options.MaxDegreeOfParallelism.Should().Be(3);
        options.DisabledAgents.Should().Equal("planner");
        options.Alerts.MinSleepHours.Should().Be(7);
        host.Services.GetRequiredService<IOptions<HealthTwin.Agents.Storage.FileSystemStorageOptions>>().Value.RootPath.Should().Be("from-appsettings");
    }

    [Fact]
    public void AddHealthTwin_SectionGiven_IsBoundInsteadOfTheHostsAndOfferedToAddOns()
    {
        IConfiguration host = new ConfigurationBuilder().AddInMemoryCollection([new("HealthTwin:AgentTimeout", "00:00:09")]).Build();
        IConfiguration own = new ConfigurationBuilder().AddInMemoryCollection([new("Twin:AgentTimeout", "00:00:04")]).Build();
        var services = new ServiceCollection();
        services.AddSingleton(host);
        services.AddHealthTwin(own.GetSection("Twin"));
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<HealthTwinOptions>>().Value.AgentTimeout.Should().Be(TimeSpan.FromSeconds(4));
        provider.GetRequiredKeyedService<IConfiguration>(HealthTwinOptions.SectionName)["AgentTimeout"].Should().Be("00:00:04");
    }

    [Fact]
    public void HealthTwinTelemetry_SourceName_IsTheOrchestratorsSourceAndMeter() =>
        HealthTwinTelemetry.SourceName.Should().Be(OrchestratorTelemetry.Name).And.StartWith("HealthTwin.");
}

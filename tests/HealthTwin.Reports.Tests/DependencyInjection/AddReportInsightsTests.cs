using HealthTwin.Reports.Insights;
using HealthTwin.Reports.Tests.Insights;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthTwin.Reports.Tests.DependencyInjection;

public sealed class AddReportInsightsTests
{
    private const string Key = "HealthTwin.Bedrock";

    private static IHost Build(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHealthTwin(builder.Configuration.GetSection("HealthTwin")).UseInMemoryStorage()
            .AddReportInsights(Key, builder.Configuration.GetSection("HealthTwin:Reports:Insights"));
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task AddReportInsights_GenericHostWithKeyedClient_BindsOptionsAndTheGeneratorUsesTheProvider()
    {
        using IHost host = Build(
            new() { ["HealthTwin:Reports:Insights:Name"] = "Amazon Bedrock", ["HealthTwin:Reports:Insights:Timeout"] = "00:00:12", ["HealthTwin:Reports:Insights:Temperature"] = "0.5" },
            s => s.AddKeyedSingleton<IChatClient>(Key, FakeChatClient.Answering("{}")));

        await host.StartAsync();

        ReportInsightsOptions options = host.Services.GetRequiredService<IOptions<ReportInsightsOptions>>().Value;
        options.Timeout.Should().Be(TimeSpan.FromSeconds(12));
        options.Temperature.Should().Be(0.5);
        IReportInsightsProvider provider = host.Services.GetRequiredService<IReportInsightsProvider>();
        provider.Name.Should().Be("Amazon Bedrock (fake-model-1)");
        host.Services.GetRequiredService<HealthReportGenerator>().Should().NotBeNull();
        await host.StopAsync();
    }

    [Fact]
    public void AddReportInsights_KeyedClientMissing_ResolvingTheGeneratorNamesTheKey()
    {
        using IHost host = Build([]);

        Func<object> resolve = () => host.Services.GetRequiredService<HealthReportGenerator>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*keyed IChatClient 'HealthTwin.Bedrock'*");
    }

    [Fact]
    public void AddReportInsights_NullKey_UsesTheUnkeyedClient()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IChatClient>(FakeChatClient.Answering("{}"));
        services.AddHealthTwin().UseInMemoryStorage().AddReportInsights(chatClientKey: null, o => o.Name = "Local model");
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IReportInsightsProvider>().Name.Should().Be("Local model (fake-model-1)");
    }

    [Fact]
    public void AddReportInsights_ProviderRegisteredEarlier_Wins()
    {
        var own = FakeInsightsProvider.Answering("Own text.");
        var services = new ServiceCollection();
        services.AddSingleton<IReportInsightsProvider>(own);
        services.AddHealthTwin().UseInMemoryStorage().AddReportInsights(Key);
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IReportInsightsProvider>().Should().BeSameAs(own);
    }

    [Theory]
    [InlineData("MaxOutputTokens", "199", "MaxOutputTokens is 199; allowed 200–4000")]
    [InlineData("MaxOutputTokens", "4001", "MaxOutputTokens is 4001; allowed 200–4000")]
    [InlineData("Temperature", "1.5", "Temperature is 1.5; allowed 0–1")]
    [InlineData("Temperature", "-0.1", "Temperature is -0.1; allowed 0–1")]
    [InlineData("Timeout", "00:00:00.5", "Timeout is 00:00:00.5000000; allowed 00:00:01–00:05:00")]
    [InlineData("Timeout", "00:05:01", "Timeout is 00:05:01; allowed 00:00:01–00:05:00")]
    [InlineData("Name", " ", "Name is ' '; allowed 1–80 characters")]
    public async Task AddReportInsights_OutOfRangeOption_FailsOnStartNamingIt(string key, string value, string message)
    {
        using IHost host = Build(new() { ["HealthTwin:Reports:Insights:" + key] = value }, s => s.AddKeyedSingleton<IChatClient>(Key, FakeChatClient.Answering("{}")));

        Func<Task> start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("HealthTwin:Reports:Insights:" + message);
    }

    [Theory]
    [InlineData("MaxOutputTokens", "200")]
    [InlineData("MaxOutputTokens", "4000")]
    [InlineData("Temperature", "0")]
    [InlineData("Temperature", "1")]
    [InlineData("Timeout", "00:00:01")]
    [InlineData("Timeout", "00:05:00")]
    public async Task AddReportInsights_OptionAtTheBounds_Starts(string key, string value)
    {
        using IHost host = Build(new() { ["HealthTwin:Reports:Insights:" + key] = value }, s => s.AddKeyedSingleton<IChatClient>(Key, FakeChatClient.Answering("{}")));

        await host.StartAsync();

        await host.StopAsync();
    }
}

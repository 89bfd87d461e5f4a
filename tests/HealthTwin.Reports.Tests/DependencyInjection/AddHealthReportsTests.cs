using HealthTwin.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthTwin.Reports.Tests.DependencyInjection;

public sealed class AddHealthReportsTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHealthTwin(builder.Configuration.GetSection("HealthTwin")).UseInMemoryStorage()
            .AddHealthReports(builder.Configuration.GetSection("HealthTwin:Reports"));
        return builder.Build();
    }

    [Fact]
    public async Task AddHealthReports_GenericHostWithAppSettings_BindsOptionsAndResolvesTheGenerator()
    {
        using IHost host = Build(new() { ["HealthTwin:Reports:MaxDegreeOfParallelism"] = "4", ["HealthTwin:Reports:DownloadUrlLifetime"] = "00:05:00" });

        await host.StartAsync();

        host.Services.GetRequiredService<HealthReportGenerator>().Should().BeSameAs(host.Services.GetRequiredService<HealthReportGenerator>());
        HealthReportOptions options = host.Services.GetRequiredService<IOptions<HealthReportOptions>>().Value;
        options.MaxDegreeOfParallelism.Should().Be(4);
        options.DownloadUrlLifetime.Should().Be(TimeSpan.FromMinutes(5));
        await host.StopAsync();
    }

    [Theory]
    [InlineData("MaxDegreeOfParallelism", "0", "MaxDegreeOfParallelism is 0; allowed 1–64")]
    [InlineData("MaxDegreeOfParallelism", "65", "MaxDegreeOfParallelism is 65; allowed 1–64")]
    [InlineData("InsightsTimeout", "00:00:00.5", "InsightsTimeout is 00:00:00.5000000")]
    [InlineData("DownloadUrlLifetime", "8.00:00:00", "DownloadUrlLifetime is 8.00:00:00")]
    public async Task AddHealthReports_OutOfRangeOption_FailsOnStartNamingIt(string key, string value, string message)
    {
        using IHost host = Build(new() { ["HealthTwin:Reports:" + key] = value });

        Func<Task> start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("64")]
    public async Task AddHealthReports_ParallelismAtTheBounds_Starts(string value)
    {
        using IHost host = Build(new() { ["HealthTwin:Reports:MaxDegreeOfParallelism"] = value });

        await host.StartAsync();

        await host.StopAsync();
    }

    [Fact]
    public void AddHealthReports_Twice_RegistersOneGenerator()
    {
        var services = new ServiceCollection();
        services.AddHealthTwin().AddHealthReports().AddHealthReports();

        services.Count(d => d.ServiceType == typeof(HealthReportGenerator)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<HealthReportOptions>)).Should().Be(1);
    }
}

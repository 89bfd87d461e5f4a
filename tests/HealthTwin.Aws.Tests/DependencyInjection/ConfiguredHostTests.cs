using HealthTwin.Agents;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Aws.AI;
using HealthTwin.Aws.Bedrock;
using HealthTwin.Aws.S3;
using HealthTwin.Aws.Tests.AI;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.Tests.DependencyInjection;

/// <summary>
/// The add-ons in real hosts: <c>Host.CreateApplicationBuilder</c> and <c>WebApplication.CreateBuilder</c> with an
/// appsettings.json in the content root, the environment-variable provider and the standard <c>AWS</c> section
/// (credentials from a profile file), against the loopback Bedrock server that verifies every signature.
/// </summary>
public sealed class ConfiguredHostTests : IAsyncLifetime, IDisposable
{
    private const string Profile = "healthtwin-loopback";
    private readonly string _root = Directory.CreateTempSubdirectory("healthtwin-host-").FullName;
    private LoopbackBedrockServer _server = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        _server = await LoopbackBedrockServer.StartAsync();
        await File.WriteAllTextAsync(CredentialsFile, $"""
            [{Profile}]
            aws_access_key_id = {LoopbackBedrockServer.AccessKey}
            aws_secret_access_key = {LoopbackBedrockServer.SecretKey}
            """);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string CredentialsFile => Path.Combine(_root, "credentials");

    private string AwsSection => $$"""
        "AWS": { "Profile": "{{Profile}}", "ProfilesLocation": {{System.Text.Json.JsonSerializer.Serialize(CredentialsFile)}}, "Region": "eu-west-3" }
        """;

    [Fact]
    public async Task GenericHost_AppsettingsEnableReplaceMode_AIAgentsReplaceTwinsSignedWithTheAwsSectionProfile()
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "appsettings.json"), $$"""
            {
              "HealthTwin": {
                "AgentTimeout": "00:00:03",
                "Bedrock": { "Enabled": true, "Mode": "Replace", "ServiceUrl": "{{_server.Endpoint}}", "RetryBudget": "00:00:06", "CacheDuration": "00:00:00" }
              },
              {{AwsSection}}
            }
            """);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root, Args = [] });
        builder.Services.AddHealthTwin().AddBedrockAgents();
        using IHost host = builder.Build();

        AgentAnalysis analysis = await host.Services.GetRequiredService<AgentOrchestrator>().AnalyzeAsync(AITestData.Context());

        string[] ran = [.. analysis.Agents.Select(a => a.AgentId)];
        ran.Should().Contain(BedrockAgentSelection.BedrockAgentIds).And.NotContain(BedrockAgentSelection.LocalTwinIds).And.HaveCount(10);
        analysis.Agents.Where(a => a.AgentId.StartsWith("bedrock-", StringComparison.Ordinal)).Should().OnlyContain(a => a.Status == AgentRunStatus.Succeeded);
        _server.RequestCount.Should().Be(5);
        _server.Requests.Should().OnlyContain(r => r.SignatureError == null && r.Authorization!.Contains("/eu-west-3/bedrock/aws4_request"), "credentials and region come from the AWS section");
        host.Services.GetRequiredService<IOptions<HealthTwinOptions>>().Value.AgentTimeout.Should().Be(TimeSpan.FromSeconds(8), "the agent timeout covers the 6 s retry budget plus 2 s");
    }

    [Fact]
    public async Task WebApplication_EnvironmentVariablesEnableHybridMode_AIAgentsRunBesideTheLocalOnes()
    {
        string prefix = "HTTEST_" + Guid.NewGuid().ToString("N")[..8] + "_";
        (string Key, string Value)[] variables =
        [
            (prefix + "HealthTwin__Bedrock__Enabled", "true"),
            (prefix + "HealthTwin__Bedrock__ServiceUrl", _server.Endpoint.ToString()),
            (prefix + "HealthTwin__Bedrock__CacheDuration", "00:00:00"),
            (prefix + "HealthTwin__DisabledAgents__0", "bedrock-fitness-coach"),
        ];
        await File.WriteAllTextAsync(Path.Combine(_root, "appsettings.json"), $$"""{ {{AwsSection}} }""");
        try
        {
            foreach ((string key, string value) in variables)
            {
                Environment.SetEnvironmentVariable(key, value);
            }

            WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _root, Args = [] });
            builder.Configuration.AddEnvironmentVariables(prefix);
            builder.Services.AddHealthTwin(builder.Configuration.GetSection("HealthTwin")).AddBedrockAgents();
            await using WebApplication app = builder.Build();

            AgentAnalysis analysis = await app.Services.GetRequiredService<AgentOrchestrator>().AnalyzeAsync(AITestData.Context());

            string[] ran = [.. analysis.Agents.Select(a => a.AgentId)];
            ran.Should().HaveCount(14).And.Contain(["sleep", "bedrock-sleep", "breathing-coach", "bedrock-breathing-coach"]).And.NotContain("bedrock-fitness-coach");
            _server.RequestCount.Should().Be(4);
            app.Services.GetRequiredService<IOptions<HealthTwinOptions>>().Value.AgentTimeout.Should().Be(TimeSpan.FromSeconds(32), "the default 30 s budget plus 2 s");
        }
        finally
        {
            foreach ((string key, _) in variables)
            {
                Environment.SetEnvironmentVariable(key, null);
            }
        }
    }

    [Fact]
    public async Task GenericHost_NothingConfigured_NoAIAgentRunsAndNoRequestIsMade()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root, Args = [] });
        builder.Services.AddHealthTwin().AddBedrockAgents();
        using IHost host = builder.Build();

        AgentAnalysis analysis = await host.Services.GetRequiredService<AgentOrchestrator>().AnalyzeAsync(AITestData.Context());

        analysis.Agents.Should().HaveCount(10).And.NotContain(a => a.AgentId.StartsWith("bedrock-", StringComparison.Ordinal));
        host.Services.GetRequiredService<IOptions<HealthTwinOptions>>().Value.AgentTimeout.Should().Be(TimeSpan.FromSeconds(5));
        host.Services.GetService<Microsoft.Extensions.AI.IChatClient>().Should().BeNull("the add-on never registers an unkeyed chat client");
        _server.RequestCount.Should().Be(0);
    }

    [Fact]
    public void GenericHost_CommandLineSwitchesOnS3_OptionsComeFromTheHostAtResolveTime()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = _root,
            Args = ["--HealthTwin:S3:BucketName=healthtwin-host", "--HealthTwin:S3:Region=eu-central-1"],
        });
        builder.Services.AddHealthTwin().UseS3Storage();
        using IHost host = builder.Build();

        S3StorageOptions options = host.Services.GetRequiredService<IOptions<S3StorageOptions>>().Value;

        options.BucketName.Should().Be("healthtwin-host");
        options.Region.Should().Be("eu-central-1");
    }

    [Fact]
    public void PlainServiceCollection_SectionGivenToAddHealthTwin_ReachesBedrockAndS3()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HealthTwin:Bedrock:Enabled"] = "true",
            ["HealthTwin:Bedrock:Mode"] = "Replace",
            ["HealthTwin:Bedrock:ServiceUrl"] = _server.Endpoint.ToString(),
            ["HealthTwin:S3:BucketName"] = "healthtwin-data",
            ["HealthTwin:S3:Region"] = "eu-west-1",
        }).Build();
        var services = new ServiceCollection();
        services.AddHealthTwin(configuration.GetSection("HealthTwin")).AddBedrockAgents().UseS3Storage();
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<BedrockOptions>>().Value.Enabled.Should().BeTrue();
        provider.GetRequiredService<IOptions<HealthTwinOptions>>().Value.DisabledAgents.Should().BeEquivalentTo(BedrockAgentSelection.LocalTwinIds);
        provider.GetRequiredService<IOptions<S3StorageOptions>>().Value.BucketName.Should().Be("healthtwin-data");
        provider.GetRequiredService<IOptions<BedrockChatClientOptions>>().Value.ServiceUrl.Should().Be(_server.Endpoint);
    }
}

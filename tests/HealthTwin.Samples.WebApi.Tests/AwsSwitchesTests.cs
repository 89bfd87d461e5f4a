using HealthTwin.Agents.Storage;
using HealthTwin.Aws.AI;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.WebApi.Tests;

public sealed class AwsSwitchesTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    [Fact]
    public void Host_NoAwsSettings_KeepsTheLocalAnalyzerAndTheFileSystemStores()
    {
        factory.Services.GetRequiredService<IFocusAnalyzer>().Should().BeOfType<LocalFocusAnalyzer>();
        factory.Services.GetRequiredService<IUserFileStore>().Should().BeOfType<FileSystemUserFileStore>();
        factory.Services.GetRequiredService<IMetricsStore>().Should().BeOfType<FileSystemMetricsStore>();
        factory.Services.GetService<BedrockAnalysisService>().Should().BeNull("nothing of the AWS add-on is registered");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Host_BedrockDisabledAndBucketBlank_StaysLocal(string bucket)
    {
        await using var host = new WebApiFactory { Settings = { ["HealthTwin:Bedrock:Enabled"] = "false", ["HealthTwin:S3:BucketName"] = bucket } };

        host.Services.GetRequiredService<IFocusAnalyzer>().Should().BeOfType<LocalFocusAnalyzer>();
        host.Services.GetRequiredService<IUserFileStore>().Should().BeOfType<FileSystemUserFileStore>();
    }
}

using System.Text.RegularExpressions;

namespace HealthTwin.Packaging.Tests;

/// <summary>
/// A consumer app on the packed packages, published with <c>PublishAot=true</c>: no trim or AOT warning may come from
/// a HealthTwin assembly, and the native app must bind its options and construct the custom agent at run time.
/// </summary>
[Collection(PackagingTestGroup.Name)]
public sealed partial class AotPublishTests(PackedPackagesFixture packages, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task PublishAot_ConsumerApp_HasNoHealthTwinWarningsAndRunsNatively()
    {
        string folder = packages.CreateConsumer("aot", "Aot");
        string publish = Path.Combine(folder, "publish");

        CliResult result = await PackedPackagesFixture.DotnetAsync(folder, "publish", "-c", "Release", "-r", "linux-x64", "-o", publish, "-nologo");

        string[] warnings = [.. WarningLine().Matches(result.Output).Select(m => m.Value.Trim()).Distinct()];
        foreach (string warning in warnings)
        {
            output.WriteLine(warning);
        }

        result.ExitCode.Should().Be(0, result.Output);
        warnings.Where(w => w.Contains("HealthTwin", StringComparison.Ordinal) && !w.Contains("/aot/", StringComparison.Ordinal))
            .Should().BeEmpty("HealthTwin assemblies must be trim- and AOT-clean");

        CliResult run = await PackedPackagesFixture.RunAsync(Path.Combine(publish, "AotConsumer"), publish);
        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("agentTimeout=00:00:04")
            .And.Contain("minSleep=7")
            .And.Contain("maxStress=65")
            .And.Contain("disabled=bedrock-breathing-coach,bedrock-burnout-guardian,bedrock-fitness-coach,bedrock-predictive-analytics,bedrock-sleep,context-awareness")
            .And.Contain("bedrockMaxTokens=512")
            .And.Contain("bedrockSleepModel=meta.llama3-3-70b-instruct-v1:0")
            .And.Contain("bucket=healthtwin-aot")
            .And.Contain("hydration:Succeeded")
            .And.Contain("json=True");
    }

    [GeneratedRegex(@"[^\n]*warning (IL\d{4}|IL3\d{3})[^\n]*")]
    private static partial Regex WarningLine();
}

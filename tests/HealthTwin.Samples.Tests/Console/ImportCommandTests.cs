using System.Text.Json;
using HealthTwin.Samples.Console;

namespace HealthTwin.Samples.Tests.Console;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "healthtwin-import-" + Guid.NewGuid().ToString("N"));

    public ImportCommandTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string SamplePath(string relative) => Path.Combine(AppContext.BaseDirectory, "Samples", relative);

    private static async Task<(int Exit, string Output, string Error)> Run(Func<string[], TextWriter, TextWriter, CancellationToken, Task<int>> command, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await command(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Import_OuraAndWhoop_DaysJsonToStdoutSummaryToStderrThenInputAnalysesThem()
    {
        (int exit, string output, string error) = await Run(ImportCommand.RunAsync,
            SamplePath("oura/mohdasti__Wearable-comparative-analysis/oura_2026-05-22_2026-07-23_trends.csv"),
            SamplePath("whoop/mohdasti__Wearable-comparative-analysis/workouts.csv"),
            "--time-zone", "America/Los_Angeles");

        exit.Should().Be(0, error);
        error.Should().Contain("OuraCsv, 58 source days").And.Contain("Imported 58 days (2026-05-26 to 2026-07-22) from 2 files");
        using JsonDocument days = JsonDocument.Parse(output);
        days.RootElement.GetArrayLength().Should().Be(58);
        JsonElement may27 = days.RootElement.EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2026-05-27");
        may27.GetProperty("hrv").GetDouble().Should().Be(30);
        may27.GetProperty("sleepHours").GetDouble().Should().Be(8.717);

        string path = Path.Combine(folder, "days.json");
        await File.WriteAllTextAsync(path, output);
        (int analyse, string report, string analyseError) = await Run(ConsoleApp.RunAsync, "--input", path, "--json", "--user", "import-" + Guid.NewGuid().ToString("N")[..8]);
        analyse.Should().Be(0, analyseError);
        JsonDocument.Parse(report).RootElement.TryGetProperty("analysis", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Import_MalformedFile_ExitTwoWithFileLineAndFieldNoStackTrace()
    {
        string path = Path.Combine(folder, "oura.csv");
        await File.WriteAllTextAsync(path, "date,Total Sleep Duration,Readiness Score\r\n2026-05-27,1,2\r\n");
        string broken = Path.Combine(folder, "export.xml");
        string xml = await File.ReadAllTextAsync(SamplePath("apple-health/mereldawu__ipyhealth/export.xml"));
        await File.WriteAllTextAsync(broken, xml[..(xml.Length / 3)]);

        (int exit, string output, string error) = await Run(ImportCommand.RunAsync, broken);

        exit.Should().Be(ConsoleApp.InputError);
        output.Should().BeEmpty();
        error.Should().StartWith("export.xml line ").And.Contain("truncated").And.NotContain("   at ");
    }

    [Theory]
    [InlineData("--format", "polar")]
    [InlineData("--bogus")]
    public async Task Import_BadArguments_UsageAndExitTwo(params string[] args)
    {
        (int exit, _, string error) = await Run(ImportCommand.RunAsync, [SamplePath("fitbit/openmhealth__shimmer/fitbit-sleep-date.json"), .. args]);

        exit.Should().Be(ConsoleApp.InputError);
        error.Should().Contain("Usage:");
    }

    [Theory]
    [InlineData("apple-health", "AppleHealth")]
    [InlineData("garmin", "GarminConnect")]
    [InlineData("fhir", "FhirR4")]
    [InlineData("open-mhealth", "OpenMHealth")]
    [InlineData("whoop-api", "WhoopApi")]
    public void ParseFormat_KebabNames(string text, string format) => ImportCommand.ParseFormat(text).ToString().Should().Be(format);
}

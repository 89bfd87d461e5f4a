using System.Text.Json;
using HealthTwin.Samples.Console;

namespace HealthTwin.Samples.Tests.Console;

public sealed class ConsoleAppTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "healthtwin-console-" + Guid.NewGuid().ToString("N"));

    public ConsoleAppTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await ConsoleApp.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static string UniqueUser() => "console-test-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task RunAsync_NoArguments_PrintsEverySectionAndExitsZero()
    {
        (int exit, string output, string error) = await Run("--user", UniqueUser());

        exit.Should().Be(0, error);
        output.Should().Contain("Readiness").And.Contain("Burnout risk").And.Contain("Today's plan")
            .And.Contain("Recommendations").And.Contain("High priority").And.Contain("Trends").And.Contain("HRV (ms)");
        error.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_Json_IsParsableWithTheReportSections()
    {
        (int exit, string output, _) = await Run("--json", "--scenario", "sick-day", "--user", UniqueUser());

        exit.Should().Be(0);
        using JsonDocument json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("readiness").GetProperty("score").GetInt32().Should().BeInRange(0, 100);
        json.RootElement.GetProperty("plan").GetProperty("intensity").GetString().Should().Be("rest");
        JsonElement recommendations = json.RootElement.GetProperty("analysis").GetProperty("recommendations");
        recommendations.GetArrayLength().Should().BeGreaterThan(0);
        recommendations.EnumerateArray().Select(r => r.GetProperty("priority").GetString()).Should().OnlyContain(p => p == "high" || p == "medium" || p == "low");
    }

    [Fact]
    public async Task RunAsync_InputFile_AnalysesItsDays()
    {
        string file = Path.Combine(_folder, "metrics.json");
        await File.WriteAllTextAsync(file, """
            [
              {"date":"2025-03-13","sleepHours":7,"sleepEfficiency":88,"hrv":55,"restingHr":58,"steps":9000,"workoutMinutes":30,"trainingLoad":40,"stressScore":35,"moodScore":4,"energyScore":4},
              {"date":"2025-03-14","sleepHours":5,"sleepEfficiency":80,"hrv":44,"restingHr":66,"steps":4000,"workoutMinutes":0,"trainingLoad":0,"stressScore":80,"moodScore":2,"energyScore":2}
            ]
            """);

        (int exit, string output, _) = await Run("--input", file, "--json", "--user", UniqueUser());

        exit.Should().Be(0);
        using JsonDocument json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("analysis").GetProperty("date").GetString().Should().Be("2025-03-14");
    }

    [Fact]
    public async Task RunAsync_OutOfRangeValue_ExitsTwoNamingTheField()
    {
        string file = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(file, """[{"date":"2025-03-13","sleepHours":30,"sleepEfficiency":88,"hrv":55,"restingHr":58,"steps":9000,"workoutMinutes":30,"trainingLoad":40,"stressScore":35,"moodScore":4,"energyScore":4}]""");

        (int exit, string output, string error) = await Run("--input", file, "--user", UniqueUser());

        exit.Should().Be(ConsoleApp.InputError);
        error.Should().Contain("2025-03-13.sleepHours = 30").And.Contain("0–24 h").And.NotContain("   at ");
        output.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_MalformedJson_ExitsTwoNamingTheLineAndField()
    {
        string file = Path.Combine(_folder, "malformed.json");
        await File.WriteAllTextAsync(file, "[\n  {\"date\":\"2025-03-13\",\n   \"hrv\": \"high\"}\n]");

        (int exit, _, string error) = await Run("--input", file);

        exit.Should().Be(ConsoleApp.InputError);
        error.Should().Contain("$[0].hrv").And.Contain("line 3");
    }

    [Fact]
    public async Task RunAsync_MissingFile_ExitsTwo()
    {
        (int exit, _, string error) = await Run("--input", Path.Combine(_folder, "nope.json"));

        exit.Should().Be(ConsoleApp.InputError);
        error.Should().Contain("nope.json");
    }

    [Theory]
    [InlineData("--scenario", "marathon")]
    [InlineData("--days", "3")]
    [InlineData("--user", "../etc")]
    [InlineData("--frobnicate")]
    [InlineData("--input")]
    [InlineData("--days")]
    [InlineData("--scenario")]
    [InlineData("--user", "--json")]
    public async Task RunAsync_BadArguments_ExitTwoWithOneLine(params string[] args)
    {
        (int exit, _, string error) = await Run(args);

        exit.Should().Be(ConsoleApp.InputError);
        error.TrimEnd().Should().NotContain("\n").And.EndWith("Run with --help for the options.").And.NotContain("   at ");
    }

    [Theory]
    [InlineData("--input", "needs a value, for example --input metrics.json.")]
    [InlineData("--days", "needs a value, for example --days 30.")]
    public async Task RunAsync_MissingOptionValue_NamesTheOptionAndAnExample(string option, string expected)
    {
        (int exit, _, string error) = await Run(option);

        exit.Should().Be(2);
        error.Should().StartWith(option + " " + expected);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task RunAsync_Help_PrintsTheOptionsAndExitsZero(string option)
    {
        (int exit, string output, string error) = await Run(option, "--frobnicate");

        exit.Should().Be(0);
        output.Should().Contain("Usage:").And.Contain("--bedrock").And.Contain("Exit codes");
        error.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_S3WithoutABucket_SaysSoInOneSentence()
    {
        (int exit, _, string error) = await Run("--s3", "--user", UniqueUser());

        exit.Should().Be(ConsoleApp.ConfigurationError);
        error.Should().StartWith("Configuration is invalid:").And.Contain("BucketName").And.NotContain("   at ");
    }

    [Fact]
    public async Task Process_S3WithoutABucket_PrintsOneSentenceAndNoHostLogBlock()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "HealthTwin.Samples.Console.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _folder };
        foreach (string arg in new[] { dll, "--s3", "--user", UniqueUser() })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AWS_S3_BUCKET_NAME"] = null;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = System.Diagnostics.Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        await stdout;
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(ConsoleApp.ConfigurationError);
        stderr.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("Configuration is invalid:").And.Contain("BucketName");
    }

    [Fact]
    public void Sparkline_ScalesBetweenMinimumAndMaximum()
    {
        ReportRenderer.Sparkline([1, 2, 3, 4, 5, 6, 7, 8]).Should().Be("▁▂▃▄▅▆▇█");
        ReportRenderer.Sparkline([5, 5, 5]).Should().Be("▁▁▁");
    }

    [Fact]
    public void Sparkline_MissingDays_AreGapsNotZeros()
    {
        ReportRenderer.Sparkline([1, null, 8]).Should().Be("▁ █");
        ReportRenderer.Sparkline([null, 5, null]).Should().Be(" ▁ ");
    }

    [Fact]
    public async Task RunAsync_PartialDaysInput_AnalysesThemAndReportsCoverage()
    {
        // Three ring nights (sleep, efficiency, HRV, resting HR) and three phone days (steps, workout minutes).
        string file = Path.Combine(_folder, "partial.json");
        await File.WriteAllTextAsync(file, """
            [
              {"date":"2025-03-09","sleepHours":7.4,"sleepEfficiency":90,"hrv":62,"restingHr":55},
              {"date":"2025-03-10","sleepHours":7.1,"sleepEfficiency":89,"hrv":60,"restingHr":56},
              {"date":"2025-03-11","sleepHours":7.6,"sleepEfficiency":91,"hrv":63,"restingHr":55},
              {"date":"2025-03-12","steps":9000,"workoutMinutes":30},
              {"date":"2025-03-13","steps":8000,"workoutMinutes":0},
              {"date":"2025-03-14","sleepHours":5.5,"sleepEfficiency":80,"hrv":45,"restingHr":63}
            ]
            """);

        (int exit, string output, string error) = await Run("--input", file, "--json", "--user", UniqueUser());

        exit.Should().Be(0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement readiness = json.RootElement.GetProperty("readiness");
        readiness.GetProperty("score").GetInt32().Should().BeInRange(0, 100);
        readiness.GetProperty("coverage").GetProperty("missing").EnumerateArray().Select(e => e.GetString())
            .Should().Equal(["hrv", "restingHr", "trainingLoad", "stressScore", "moodScore", "energyScore"], "HRV and resting HR have three earlier days, short of the 14-day calibration");
        readiness.GetProperty("coverage").GetProperty("summary").GetString().Should().Contain("HRV and resting heart rate have no baseline yet");
        JsonElement coverage = json.RootElement.GetProperty("analysis").GetProperty("coverage");
        coverage.GetProperty("missingToday").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("steps", "workoutMinutes", "trainingLoad", "stressScore", "moodScore", "energyScore");
        coverage.GetProperty("skippedRuleCount").GetInt32().Should().BeGreaterThan(0);
        output.Should().NotContain("NaN").And.NotContain("Infinity");
        json.RootElement.GetProperty("analysis").GetProperty("recommendations").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()).Should().NotContain("burnout-guardian:anomaly-hrv:2025-03-14", "three earlier HRV days are too few to call today's drop an anomaly");
    }

    [Fact]
    public async Task RunAsync_StepsOnlyDay_AnalysesWithReadinessNotJudged()
    {
        string file = Path.Combine(_folder, "steps.json");
        await File.WriteAllTextAsync(file, """[{"date":"2025-03-14","steps":4000,"workoutMinutes":20}]""");

        (int exit, string output, string error) = await Run("--input", file, "--user", UniqueUser());

        exit.Should().Be(0, error);
        Plain(output).Should().Contain("Readiness not judged").And.Contain("Burnout risk not judged").And.Contain("Data coverage")
            .And.Contain("HRV not recorded");
    }

    [Theory]
    [InlineData("ring-only", "Stress score, mood and energy not recorded")]
    [InlineData("phone-only", "The readiness could not be judged")]
    public async Task RunAsync_DeviceScenarios_ShowWhatCouldNotBeJudged(string scenario, string expected)
    {
        (int exit, string output, string error) = await Run("--scenario", scenario, "--user", UniqueUser());

        exit.Should().Be(0, error);
        Plain(output).Should().Contain("Data coverage").And.ContainEquivalentOf(expected);
    }

    /// <summary>The console text without colour codes, with line breaks and runs of spaces as one space.</summary>
    private static string Plain(string output) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(output, "\u001b\\[[0-9;]*m", string.Empty), @"\s+", " ");
}

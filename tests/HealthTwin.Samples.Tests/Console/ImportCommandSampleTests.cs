using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Serialization;
using HealthTwin.Import;
using HealthTwin.Import.Tests.Support;
using HealthTwin.Samples.Console;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.Tests.Console;

/// <summary>
/// Every real sample of the import tests (linked under Samples/, see Samples/ATTRIBUTION.md) through the console's
/// <c>import</c> command: the days it prints equal, field by field, what the library's <see cref="WearableImporter"/>
/// returns for the same file and options (the import tests prove those values against the files), and
/// <c>--input days.json</c> then analyses them.
/// </summary>
public sealed class ImportCommandSampleTests : IDisposable
{
    /// <summary>The names a day of the app's <c>DailyMetrics</c> JSON may carry.</summary>
    private static readonly HashSet<string> AppDayFields =
    [
        "date", "sleepHours", "timeInBedHours", "sleepEfficiency", "hrv", "hrvMethod", "restingHr", "steps",
        "workoutMinutes", "trainingLoad", "stressScore", "moodScore", "energyScore", "notes",
    ];

    private readonly string folder = Path.Combine(Path.GetTempPath(), "healthtwin-import-samples-" + Guid.NewGuid().ToString("N"));

    public ImportCommandSampleTests() => Directory.CreateDirectory(folder);

    /// <summary>Samples (several joined by '|' are imported together), the --time-zone (or none), and whether the files go in one zip as Apple's export.zip.</summary>
    public static TheoryData<string, string?, bool> ImportableSamples => new()
    {
        { Sample.AppleSmall, null, false },
        { Sample.AppleIpyhealth, null, false },
        { Sample.AppleIpyhealth, "Europe/Berlin", false }, // the zone the Watch wrote (+02:00): the same days as without
        { Sample.AppleIpyhealth, "America/Los_Angeles", false }, // nine hours earlier: records move to other days
        { Sample.AppleSmall, null, true },
        { Sample.AppleIpyhealth, "Pacific/Auckland", true },
        { Sample.OuraTrends, null, false },
        { Sample.OuraTrends, "America/Los_Angeles", false },
        { Sample.WhoopCycles, null, false },
        { Sample.WhoopWorkouts, null, false },
        { Sample.WhoopCycles + "|" + Sample.WhoopWorkouts + "|" + Sample.WhoopJournal, null, false },
        { Sample.GarminSummary, null, false },
        { Sample.GarminHrv, null, false },
        { Sample.GarminSleep, null, false },
        { Sample.GarminSummary + "|" + Sample.GarminHrv + "|" + Sample.GarminSleep, null, false },
        { Sample.FitbitSleep, null, false },
        { Sample.FitbitActivities, null, false },
        { Sample.FitbitSleep + "|" + Sample.FitbitActivities, null, false },
        { Sample.OmhSteps, null, false },
        { Sample.OmhSleep, null, false },
        { Sample.OmhHeartRate, null, false },
        { Sample.OmhActivity, null, false },
        { Sample.OuraTrends + "|" + Sample.WhoopWorkouts + "|" + Sample.AppleIpyhealth, "America/Los_Angeles", false },
    };

    /// <summary>Samples that hold no daily metric, and what the summary says about them.</summary>
    public static TheoryData<string, string> SamplesWithoutADay => new()
    {
        { Sample.WhoopJournal, "not mood or energy" },
        { Sample.GarminSleepNoData, "GarminConnect, 0 source days, 0 records skipped" },
        { Sample.FhirHeartRate, "not a resting heart rate" },
        { Sample.FhirVitalsPanel, "panel" },
    };

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(ImportableSamples))]
    public async Task Import_EveryImportableSample_SameDaysAsTheLibraryThenInputAnalysesThem(string samples, string? zone, bool zipped)
    {
        string[] paths = zipped ? [ZipOf(samples.Split('|'))] : [.. samples.Split('|').Select(SamplePath)];
        string[] zoneArgs = zone is null ? [] : ["--time-zone", zone];
        WearableImportResult library = await LibraryImportAsync(paths, zone);
        library.Days.Should().NotBeEmpty("the import tests prove days in every importable sample");

        (int exit, string output, string error) = await Run(ImportCommand.RunAsync, [.. paths, .. zoneArgs]);

        exit.Should().Be(0, error);
        error.Should().NotContain("   at ");

        // Standard output: the days in the app's shape, equal day by day and field by field to the library's.
        JsonArray json = JsonNode.Parse(output)!.AsArray();
        json.SelectMany(day => day!.AsObject().Select(p => p.Key)).Should().OnlyContain(name => AppDayFields.Contains(name));
        using var printedStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(output));
        IReadOnlyList<DailyMetrics> printed = await HealthTwinJson.ReadMetricsAsync(printedStream);
        printed.Should().BeEquivalentTo(library.Days, o => o.ComparingRecordsByMembers().WithStrictOrdering());
        JsonNode.DeepEquals(json, JsonSerializer.SerializeToNode([.. library.Days], HealthTwinJson.GetTypeInfo<DailyMetrics[]>())).Should().BeTrue(output);

        // Standard error: each file (or zip entry) with its format and counts, then the totals.
        foreach (ImportedFileSummary file in library.Files)
        {
            error.Should().Contain(Invariant($"{file.File}: {file.Format}, {file.Days} source days, {file.Skipped} records skipped"));
        }

        foreach (string path in paths)
        {
            error.Should().Contain(Path.GetFileName(path));
        }

        error.Should().Contain(Invariant(
            $"Imported {library.Days.Count} days ({library.Days[0].Date:yyyy-MM-dd} to {library.Days[^1].Date:yyyy-MM-dd}) from {library.Files.Count} files; {library.Skipped.Count} records skipped."));

        // --input days.json analyses them end to end.
        string daysPath = Path.Combine(folder, "days.json");
        await File.WriteAllTextAsync(daysPath, output);
        (int analyse, string report, string analyseError) = await Run(ConsoleApp.RunAsync, "--input", daysPath, "--json", "--user", "samples-" + Guid.NewGuid().ToString("N")[..12]);

        analyse.Should().Be(0, analyseError);
        report.Should().NotContain("NaN").And.NotContain("Infinity");
        JsonElement analysis = JsonDocument.Parse(report).RootElement.GetProperty("analysis");
        analysis.GetProperty("date").GetString().Should().Be(Invariant($"{library.Days[^1].Date:yyyy-MM-dd}"));
        analysis.GetProperty("coverage").ValueKind.Should().Be(JsonValueKind.Object);
        analysis.GetProperty("recommendations").ValueKind.Should().Be(JsonValueKind.Array);
        analysis.GetProperty("agents").EnumerateArray().Should().OnlyContain(a => a.GetProperty("status").GetString() != "failed");
    }

    [Theory]
    [MemberData(nameof(SamplesWithoutADay))]
    public async Task Import_SampleWithoutADailyMetric_ExitTwoNothingOnStdoutAndTheReason(string sample, string reason)
    {
        WearableImportResult library = await LibraryImportAsync([SamplePath(sample)], zone: null);
        library.Days.Should().BeEmpty();

        (int exit, string output, string error) = await Run(ImportCommand.RunAsync, SamplePath(sample));

        exit.Should().Be(ConsoleApp.InputError);
        output.Should().BeEmpty();
        error.Should().Contain(Path.GetFileName(sample) + ": ")
            .And.Contain(reason)
            .And.Contain("Imported 0 days from 1 files")
            .And.Contain("No day with any metric was found, so nothing was written.")
            .And.NotContain("   at ");
    }

    [Fact]
    public async Task Import_GarminFitFile_ExitTwoOneLineSayingFitIsNotSupported()
    {
        (int exit, string output, string error) = await Run(ImportCommand.RunAsync, SamplePath(Sample.GarminFit));

        exit.Should().Be(ConsoleApp.InputError);
        output.Should().BeEmpty();
        error.TrimEnd().Should().Be("garmin-fenix-5-run.fit: Garmin FIT activity files are not supported: no maintained FIT decoder is available to this package. Import the Garmin Connect JSON (daily summary, HRV, sleep) instead.");
    }

    private static string SamplePath(string relative) => Sample.PathOf(relative);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The library alone, registered as an application would (defaults, FHIR add-on), with the same per-call options.</summary>
    private static async Task<WearableImportResult> LibraryImportAsync(IEnumerable<string> paths, string? zone)
    {
        var services = new ServiceCollection();
        services.AddHealthTwin().AddWearableImport().AddFhirImport();
        await using ServiceProvider provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<WearableImporter>().ImportAsync(paths.Select(WearableFile.FromPath), new WearableImportRequest { TimeZone = zone });
    }

    private static async Task<(int Exit, string Output, string Error)> Run(Func<string[], TextWriter, TextWriter, CancellationToken, Task<int>> command, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await command(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The samples in one export.zip, as Apple ships its export (<c>apple_health_export/export.xml</c>).</summary>
    private string ZipOf(IEnumerable<string> samples)
    {
        string path = Path.Combine(folder, "export.zip");
        using ZipArchive archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (string sample in samples)
        {
            archive.CreateEntryFromFile(SamplePath(sample), "apple_health_export/" + Path.GetFileName(sample), CompressionLevel.Optimal);
        }

        return path;
    }
}

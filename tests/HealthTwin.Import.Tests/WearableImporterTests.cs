using HealthTwin.Agents.Model;
using HealthTwin.Import.Tests.AppleHealth;
using HealthTwin.Import.Tests.Support;

namespace HealthTwin.Import.Tests;

public sealed class WearableImporterTests
{
    private readonly WearableImporter importer = Importers.Create();

    [Theory]
    [InlineData(Sample.AppleIpyhealth, WearableFormat.AppleHealth)]
    [InlineData(Sample.OuraTrends, WearableFormat.OuraCsv)]
    [InlineData(Sample.WhoopCycles, WearableFormat.WhoopCsv)]
    [InlineData(Sample.WhoopWorkouts, WearableFormat.WhoopCsv)]
    [InlineData(Sample.GarminSummary, WearableFormat.GarminConnect)]
    [InlineData(Sample.GarminHrv, WearableFormat.GarminConnect)]
    [InlineData(Sample.GarminSleep, WearableFormat.GarminConnect)]
    [InlineData(Sample.FitbitSleep, WearableFormat.Fitbit)]
    [InlineData(Sample.FitbitActivities, WearableFormat.Fitbit)]
    [InlineData(Sample.OmhSteps, WearableFormat.OpenMHealth)]
    [InlineData(Sample.OmhSleep, WearableFormat.OpenMHealth)]
    [InlineData(Sample.OmhHeartRate, WearableFormat.OpenMHealth)]
    [InlineData(Sample.OmhActivity, WearableFormat.OpenMHealth)]
    public async Task ImportAsync_EverySample_DetectedFromContentAndImported(string sample, WearableFormat format)
    {
        WearableImportResult result = await importer.ImportAsync(Sample.File(sample));

        result.Files.Should().ContainSingle().Which.Format.Should().Be(format);
        result.Days.Should().NotBeEmpty();
        MetricsValidator.ValidateHistory(result.Days).Should().BeEmpty();
    }

    [Theory]
    [InlineData(Sample.FhirHeartRate)]
    [InlineData(Sample.FhirVitalsPanel)]
    [InlineData(Sample.WhoopJournal)]
    [InlineData(Sample.GarminSleepNoData)]
    public async Task ImportAsync_SamplesWithoutDailyMetrics_NoDaysAndTheReason(string sample)
    {
        WearableImportResult result = await importer.ImportAsync(Sample.File(sample));

        result.Days.Should().BeEmpty();
        (result.Skipped.Count + result.Notes.Count + result.Files.Count).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task ImportAsync_AppleExportZip_ReadsExportXmlAndIgnoresCda()
    {
        byte[] zip = Sample.Zip(
            ("apple_health_export/export.xml", Sample.Bytes(Sample.AppleIpyhealth)),
            ("apple_health_export/export_cda.xml", "<ClinicalDocument/>"u8.ToArray()),
            ("apple_health_export/workout-routes/route_2020-04-10.gpx", "<gpx/>"u8.ToArray()));

        WearableImportResult result = await importer.ImportAsync(Sample.FromBytes("export.zip", zip));

        result.Files.Should().ContainSingle().Which.File.Should().Be("export.zip!apple_health_export/export.xml");
        result.Days.Should().Contain(d => d.Date == new DateOnly(2020, 4, 14) && d.Steps == 237);
    }

    [Fact]
    public async Task ImportAsync_WhoopExportZip_CyclesAndWorkoutsMergedJournalNoted()
    {
        byte[] zip = Sample.Zip(
            ("physiological_cycles.csv", Sample.Bytes(Sample.WhoopCycles)),
            ("workouts.csv", Sample.Bytes(Sample.WhoopWorkouts)),
            ("journal_entries.csv", Sample.Bytes(Sample.WhoopJournal)));

        WearableImportResult result = await importer.ImportAsync(Sample.FromBytes("my_whoop_data.zip", zip));

        result.Files.Should().HaveCount(3);
        result.Notes.Should().Contain(n => n.Contains("journal_entries.csv", StringComparison.Ordinal));
        result.Days.Should().Contain(d => d.Date == new DateOnly(2026, 7, 16) && d.WorkoutMinutes == 30);
    }

    [Fact]
    public async Task ImportAsync_TruncatedZip_ImportErrorNamesTheFile()
    {
        byte[] zip = Sample.Zip(("apple_health_export/export.xml", Sample.Bytes(Sample.AppleIpyhealth)));

        Func<Task> act = () => importer.ImportAsync(Sample.FromBytes("export.zip", zip[..(zip.Length / 2)]));

        WearableImportException error = (await act.Should().ThrowAsync<WearableImportException>()).Which;
        error.File.Should().Be("export.zip");
        error.Message.Should().Contain("truncated or corrupt");
    }

    [Fact]
    public async Task ImportAsync_ZipWithCorruptEntryData_ImportErrorNamesTheEntry()
    {
        byte[] zip = Sample.Zip(("apple_health_export/export.xml", Sample.Bytes(Sample.AppleIpyhealth)));
        // Damage the compressed data of the first (only) entry, keeping the central directory intact.
        for (int i = 200; i < 400; i++)
        {
            zip[i] ^= 0x5A;
        }

        Func<Task> act = () => importer.ImportAsync(Sample.FromBytes("export.zip", zip));

        (await act.Should().ThrowAsync<WearableImportException>()).Which.File.Should().StartWith("export.zip");
    }

    [Fact]
    public async Task ImportAsync_NonSeekableZipStream_SpooledAndRead()
    {
        byte[] zip = Sample.Zip(("export.xml", Sample.Bytes(Sample.AppleSmall)));
        await using var forwardOnly = new ForwardOnlyStream(zip);

        WearableImportResult result = await importer.ImportAsync(WearableFile.FromStream("export.zip", forwardOnly));

        result.Days.Should().ContainSingle(d => d.Date == new DateOnly(2024, 1, 1)).Which.SleepHours.Should().Be(0.208);
    }

    [Fact]
    public async Task ImportAsync_FitFile_ClearErrorThatFitIsNotSupported()
    {
        Func<Task> act = () => importer.ImportAsync(Sample.File(Sample.GarminFit));

        (await act.Should().ThrowAsync<WearableImportException>()).Which.Message.Should().Contain("FIT").And.Contain("Garmin Connect JSON");
    }

    [Theory]
    [InlineData("notes.txt", "just some text")]
    [InlineData("data.csv", "a,b,c\n1,2,3\n")]
    [InlineData("empty.json", "")]
    public async Task ImportAsync_UnknownOrEmptyContent_ImportError(string name, string text)
    {
        Func<Task> act = () => importer.ImportAsync(Sample.FromText(name, text));

        (await act.Should().ThrowAsync<WearableImportException>()).Which.File.Should().Be(name);
    }

    [Fact]
    public async Task ImportAsync_ForcedFormatThatDoesNotMatch_ImportErrorSaysSo()
    {
        Func<Task> act = () => importer.ImportAsync(Sample.File(Sample.OuraTrends), new WearableImportRequest { Format = WearableFormat.AppleHealth });

        (await act.Should().ThrowAsync<WearableImportException>()).Which.Message.Should().Contain("not AppleHealth");
    }

    [Fact]
    public async Task ImportAsync_UnknownTimeZone_ArgumentErrorNamesIt()
    {
        Func<Task> act = () => importer.ImportAsync(Sample.File(Sample.OuraTrends), new WearableImportRequest { TimeZone = "Mars/Olympus" });

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("Mars/Olympus");
    }

    [Fact]
    public async Task ImportAsync_Cancelled_OperationCanceledPropagates()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        Func<Task> act = () => importer.ImportAsync(Sample.File(Sample.AppleIpyhealth), cancellationToken: cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task ImportAsync_DstSpringForwardInUserZone_StepsOfTheShortDayStayOnIt()
    {
        // 2024-03-31 in Europe/Berlin has 23 hours. Steps at 01:30 +0100 and 03:30 +0200 are both on that day; a step at
        // 23:30 +0200 too; a step at 2024-03-31T22:30Z is 00:30 on 2024-04-01 local.
        string xml = AppleHealthImporterTests.Export(
            AppleHealthImporterTests.Quantity("HKQuantityTypeIdentifierStepCount", "count", "100", "2024-03-31 01:30:00 +0100"),
            AppleHealthImporterTests.Quantity("HKQuantityTypeIdentifierStepCount", "count", "200", "2024-03-31 03:30:00 +0200"),
            AppleHealthImporterTests.Quantity("HKQuantityTypeIdentifierStepCount", "count", "300", "2024-03-31 23:30:00 +0200"),
            AppleHealthImporterTests.Quantity("HKQuantityTypeIdentifierStepCount", "count", "400", "2024-03-31 22:30:00 +0000"));

        WearableImportResult result = await importer.ImportAsync(Sample.FromText("export.xml", xml), new WearableImportRequest { TimeZone = "Europe/Berlin" });

        result.Days.Select(d => (d.Date, d.Steps)).Should().Equal((new DateOnly(2024, 3, 31), 600), (new DateOnly(2024, 4, 1), 400));
    }
}

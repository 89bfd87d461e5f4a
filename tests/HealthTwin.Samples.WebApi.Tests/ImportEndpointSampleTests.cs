using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Serialization;
using HealthTwin.Agents.Storage;
using HealthTwin.Import;
using HealthTwin.Import.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.WebApi.Tests;

/// <summary>
/// Every real sample of the import tests (linked under Samples/, see tests/HealthTwin.Import.Tests/Samples/ATTRIBUTION.md)
/// through <c>POST /api/import</c>: the days the host stores, read back as the app reads them
/// (<c>s3-list</c>/<c>s3-download</c> of <c>metrics/</c>) and from the metrics store, equal field by field what the
/// library's <see cref="WearableImporter"/> returns for the same file and options, and <c>/api/analyze</c> analyses them.
/// </summary>
public sealed class ImportEndpointSampleTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    /// <summary>Samples (several joined by '|' are uploaded as one zip, one file per import), and the timeZone (or none).</summary>
    public static TheoryData<string, string?> ImportableSamples => new()
    {
        { Sample.AppleSmall, null },
        { Sample.AppleIpyhealth, null },
        { Sample.AppleIpyhealth, "Europe/Berlin" }, // the zone the Watch wrote (+02:00): the same days as without
        { Sample.AppleIpyhealth, "America/Los_Angeles" }, // nine hours earlier: records move to other days
        { Sample.OuraTrends, null },
        { Sample.OuraTrends, "America/Los_Angeles" },
        { Sample.WhoopCycles, null },
        { Sample.WhoopWorkouts, null },
        { Sample.WhoopCycles + "|" + Sample.WhoopWorkouts + "|" + Sample.WhoopJournal, null },
        { Sample.GarminSummary, null },
        { Sample.GarminHrv, null },
        { Sample.GarminSleep, null },
        { Sample.GarminSummary + "|" + Sample.GarminHrv + "|" + Sample.GarminSleep + "|" + Sample.GarminSleepNoData, null },
        { Sample.FitbitSleep, null },
        { Sample.FitbitActivities, null },
        { Sample.OmhSteps, null },
        { Sample.OmhSleep, null },
        { Sample.OmhHeartRate, null },
        { Sample.OmhActivity, null },
        { Sample.AppleIpyhealth + "|" + Sample.FitbitSleep + "|" + Sample.OmhSteps, "Pacific/Auckland" },
    };

    /// <summary>Samples that hold no daily metric, and what the answer's skipped records or notes say about them.</summary>
    public static TheoryData<string, string?> SamplesWithoutADay => new()
    {
        { Sample.WhoopJournal, "not mood or energy" },
        { Sample.GarminSleepNoData, null },
        { Sample.FhirHeartRate, "not a resting heart rate" },
        { Sample.FhirVitalsPanel, "panel" },
    };

    [Theory]
    [MemberData(nameof(ImportableSamples))]
    public async Task Import_EveryImportableSample_StoresTheLibrarysDaysThenAnalyzeAnswersWithRecommendations(string samples, string? zone)
    {
        string userId = "imp-all-" + Guid.NewGuid().ToString("N")[..12];
        HttpClient client = factory.ClientFor(userId);
        (string fileName, byte[] content) = Upload(samples);
        WearableImportResult library = await LibraryImportAsync(fileName, content, zone);
        library.Days.Should().NotBeEmpty("the import tests prove days in every importable sample");

        HttpResponseMessage response = await client.PostAsync(
            "/api/import" + (zone is null ? string.Empty : "?timeZone=" + Uri.EscapeDataString(zone)),
            Multipart(fileName, content));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        JsonElement body = await response.JsonAsync();
        body.GetProperty("daysImported").GetInt32().Should().Be(library.Days.Count);
        body.GetProperty("from").GetString().Should().Be(Day(library.Days[0].Date));
        body.GetProperty("to").GetString().Should().Be(Day(library.Days[^1].Date));
        body.GetProperty("skippedCount").GetInt32().Should().Be(library.Skipped.Count);
        body.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("file").GetString(), f.GetProperty("days").GetInt32(), f.GetProperty("skipped").GetInt32()))
            .Should().Equal(library.Files.Select(f => ((string?)f.File, f.Days, f.Skipped)));

        // As the app reads them back: s3-list of metrics/, then s3-download of each day.
        JsonElement listed = await (await client.PostJsonAsync("/functions/v1/s3-list", new { prefix = "metrics" })).JsonAsync();
        List<DailyMetrics> downloaded = [];
        foreach (JsonElement file in listed.GetProperty("files").EnumerateArray())
        {
            JsonElement day = await (await client.PostJsonAsync("/functions/v1/s3-download", new { key = file.GetProperty("key").GetString() })).JsonAsync();
            downloaded.Add(JsonSerializer.Deserialize(day.GetProperty("data").GetString()!, HealthTwinJson.GetTypeInfo<DailyMetrics>())!);
        }

        downloaded.Should().BeEquivalentTo(library.Days, o => o.ComparingRecordsByMembers().WithStrictOrdering());
        IReadOnlyList<DailyMetrics> stored = await factory.Services.GetRequiredService<IMetricsStore>().LoadAsync(userId, library.Days[0].Date, library.Days[^1].Date);
        stored.Should().BeEquivalentTo(library.Days, o => o.ComparingRecordsByMembers().WithStrictOrdering());

        // /api/analyze without metrics analyses the stored days, as of the newest one.
        HttpResponseMessage analyze = await client.PostJsonAsync("/api/analyze", new { profile = TestData.Profile() });

        string analysisText = await analyze.Content.ReadAsStringAsync();
        analyze.StatusCode.Should().Be(HttpStatusCode.OK, analysisText);
        analysisText.Should().NotContain("NaN").And.NotContain("Infinity");
        JsonElement analysis = await analyze.JsonAsync();
        analysis.GetProperty("date").GetString().Should().Be(Day(library.Days[^1].Date));
        analysis.GetProperty("recommendations").EnumerateArray().Should().NotBeEmpty();
        analysis.GetProperty("coverage").ValueKind.Should().Be(JsonValueKind.Object);
        analysis.GetProperty("agents").EnumerateArray().Should().HaveCount(10).And.OnlyContain(a => a.GetProperty("status").GetString() != "failed");
    }

    [Theory]
    [MemberData(nameof(SamplesWithoutADay))]
    public async Task Import_SampleWithoutADailyMetric_422WithTheReasonAndNothingStored(string sample, string? reason)
    {
        string userId = "imp-none-" + Guid.NewGuid().ToString("N")[..12];
        HttpClient client = factory.ClientFor(userId);
        (string fileName, byte[] content) = Upload(sample);
        (await LibraryImportAsync(fileName, content, zone: null)).Days.Should().BeEmpty();

        HttpResponseMessage response = await client.PostAsync("/api/import", Multipart(fileName, content));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        string text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain("   at ");
        JsonElement problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("title").GetString().Should().Be("The file holds no day with a metric; nothing was stored.");
        problem.GetProperty("file").GetString().Should().Be(fileName);
        if (reason is not null)
        {
            text.Should().Contain(reason);
        }

        (await factory.Services.GetRequiredService<IMetricsStore>().ListDatesAsync(userId).ToListAsync()).Should().BeEmpty();
        (await factory.Services.GetRequiredService<IUserFileStore>().ListAsync(userId).ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Import_GarminFitFile_422SayingFitIsNotSupportedAndNothingStored()
    {
        const string userId = "imp-fit";
        (string fileName, byte[] content) = Upload(Sample.GarminFit);

        HttpResponseMessage response = await factory.ClientFor(userId).PostAsync("/api/import", Multipart(fileName, content));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        JsonElement problem = await response.JsonAsync();
        problem.GetProperty("file").GetString().Should().Be("garmin-fenix-5-run.fit");
        problem.GetProperty("detail").GetString().Should().Be("garmin-fenix-5-run.fit: Garmin FIT activity files are not supported: no maintained FIT decoder is available to this package. Import the Garmin Connect JSON (daily summary, HRV, sleep) instead.");
        (await factory.Services.GetRequiredService<IMetricsStore>().ListDatesAsync(userId).ToListAsync()).Should().BeEmpty();
        (await factory.Services.GetRequiredService<IUserFileStore>().ListAsync(userId).ToListAsync()).Should().BeEmpty();
    }

    /// <summary>One sample as itself, or several in one zip (each under its sample path).</summary>
    private static (string FileName, byte[] Content) Upload(string samples)
    {
        string[] parts = samples.Split('|');
        return parts.Length == 1
            ? (Path.GetFileName(parts[0]), Sample.Bytes(parts[0]))
            : ("export.zip", Sample.Zip([.. parts.Select(p => (p, Sample.Bytes(p)))]));
    }

    /// <summary>The library alone, registered as an application would (defaults, FHIR add-on), with the same per-call options.</summary>
    private static async Task<WearableImportResult> LibraryImportAsync(string fileName, byte[] content, string? zone)
    {
        var services = new ServiceCollection();
        services.AddHealthTwin().AddWearableImport().AddFhirImport();
        await using ServiceProvider provider = services.BuildServiceProvider();
        using var stream = new MemoryStream(content);
        return await provider.GetRequiredService<WearableImporter>().ImportAsync(WearableFile.FromStream(fileName, stream), new WearableImportRequest { TimeZone = zone });
    }

    private static MultipartFormDataContent Multipart(string fileName, byte[] content)
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "application/octet-stream");
        return new MultipartFormDataContent { { part, "file", fileName } };
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

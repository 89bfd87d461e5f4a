using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Storage;
using HealthTwin.Import.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.WebApi.Tests;

/// <summary>
/// <c>POST /api/import</c> through the real host with real exports (the import tests' samples, linked; see
/// tests/HealthTwin.Import.Tests/Samples/ATTRIBUTION.md): the raw file lands under
/// the user's <c>wearable-exports/</c>, the days in the metrics store, and <c>/api/analyze</c> then analyses them.
/// </summary>
public sealed class ImportEndpointTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    private const string Oura = Sample.OuraTrends;
    private const string Apple = Sample.AppleIpyhealth;
    private const string WhoopJournal = Sample.WhoopJournal;

    [Fact]
    public async Task Import_OuraTrendsCsvAsMultipart_StoresRawFileAndDaysThenAnalyzeUsesThem()
    {
        HttpClient client = factory.ClientFor("imp-oura");
        byte[] csv = Bytes(Oura);

        HttpResponseMessage response = await client.PostAsync("/api/import", Multipart(("file", "oura_trends.csv", "text/csv", csv)));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        JsonElement body = await response.JsonAsync();
        body.GetProperty("file").GetString().Should().Be("oura_trends.csv");
        body.GetProperty("daysImported").GetInt32().Should().Be(58);
        body.GetProperty("from").GetString().Should().Be("2026-05-26"); // the file's first and last rows
        body.GetProperty("to").GetString().Should().Be("2026-07-22");
        body.GetProperty("skippedCount").GetInt32().Should().Be(0);
        body.GetProperty("skipped").GetArrayLength().Should().Be(0);
        JsonElement file = body.GetProperty("files").EnumerateArray().Should().ContainSingle().Subject;
        file.GetProperty("format").GetString().Should().Be("oura-csv");
        file.GetProperty("days").GetInt32().Should().Be(58);
        string rawKey = body.GetProperty("rawKey").GetString()!;
        rawKey.Should().StartWith("users/imp-oura/wearable-exports/").And.EndWith("-oura_trends.csv");
        body.GetProperty("rawUrl").GetString().Should().StartWith("http://127.0.0.1/functions/v1/s3-file?key=");

        // The raw file, byte for byte, under wearable-exports/.
        JsonElement raw = await (await client.PostJsonAsync("/functions/v1/s3-download", new { key = rawKey })).JsonAsync();
        raw.GetProperty("contentType").GetString().Should().Be("text/csv");
        raw.GetProperty("data").GetString().Should().Be(Encoding.UTF8.GetString(csv));

        // Line 2 of the CSV, 2026-05-27: Average HRV 30 (RMSSD), Lowest Resting Heart Rate 67, Steps 2242, sleep 31380 s.
        IReadOnlyList<DailyMetrics> stored = await Metrics().LoadAsync("imp-oura", new DateOnly(2026, 5, 1), new DateOnly(2026, 8, 1));
        stored.Should().HaveCount(58);
        DailyMetrics may27 = stored.Single(d => d.Date == new DateOnly(2026, 5, 27));
        may27.Hrv.Should().Be(30);
        may27.HrvMethod.Should().Be(HrvMethod.Rmssd);
        may27.RestingHr.Should().Be(67);
        may27.Steps.Should().Be(2242);
        may27.SleepHours.Should().Be(8.717);

        // /api/analyze without metrics analyses the imported days, as of the newest one.
        HttpResponseMessage analyze = await client.PostJsonAsync("/api/analyze", new { profile = TestData.Profile() });

        analyze.StatusCode.Should().Be(HttpStatusCode.OK, await analyze.Content.ReadAsStringAsync());
        JsonElement analysis = await analyze.JsonAsync();
        analysis.GetProperty("userId").GetString().Should().Be("imp-oura");
        analysis.GetProperty("date").GetString().Should().Be("2026-07-22");
        analysis.GetProperty("agents").EnumerateArray().Should().HaveCount(10)
            .And.OnlyContain(a => a.GetProperty("status").GetString() != "failed");
    }

    [Fact]
    public async Task Import_AppleExportZipAsRawBody_DedupesStepsAndReportsSkippedRecordWithLineAndField()
    {
        HttpClient client = factory.ClientFor("imp-apple");

        // Line 49 is the Watch's 8 steps at 2020-04-10 04:43:56 +0200: made unreadable, it is skipped and named.
        string xml = Text(Apple);
        string line49 = xml.Split('\n')[48];
        line49.Should().Contain("value=\"8\"");
        byte[] zip = Zip(("apple_health_export/export.xml", xml.Replace(line49, line49.Replace("value=\"8\"", "value=\"eight\"", StringComparison.Ordinal), StringComparison.Ordinal)));

        HttpResponseMessage response = await client.PostAsync("/api/import?fileName=export.zip&timeZone=Europe/Berlin", Raw(zip, "application/zip"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        JsonElement body = await response.JsonAsync();
        body.GetProperty("rawKey").GetString().Should().StartWith("users/imp-apple/wearable-exports/").And.EndWith("-export.zip");
        body.GetProperty("files").EnumerateArray().Single().GetProperty("file").GetString().Should().Be("export.zip!apple_health_export/export.xml");
        body.GetProperty("files").EnumerateArray().Single().GetProperty("format").GetString().Should().Be("apple-health");
        body.GetProperty("skippedCount").GetInt32().Should().Be(1);
        JsonElement skipped = body.GetProperty("skipped").EnumerateArray().Single();
        skipped.GetProperty("file").GetString().Should().Be("export.zip!apple_health_export/export.xml");
        skipped.GetProperty("location").GetString().Should().Be("line 49 (HKQuantityTypeIdentifierStepCount)");
        skipped.GetProperty("field").GetString().Should().Be("value");
        skipped.GetProperty("reason").GetString().Should().Contain("eight");

        // 2020-04-10: Watch 8 (skipped) + 21 + 5. 2020-04-13: iPhone 15 (its hour has no Watch sample) + Watch 740 = 755;
        // 2020-04-14: the iPhone's 9 at 19:12 shares an hour with the Watch and is not added: 237.
        IReadOnlyList<DailyMetrics> stored = await Metrics().LoadAsync("imp-apple", new DateOnly(2020, 4, 1), new DateOnly(2020, 4, 30));
        stored.Single(d => d.Date == new DateOnly(2020, 4, 10)).Steps.Should().Be(26);
        stored.Single(d => d.Date == new DateOnly(2020, 4, 13)).Steps.Should().Be(755);
        stored.Single(d => d.Date == new DateOnly(2020, 4, 14)).Steps.Should().Be(237);
        stored.Single(d => d.Date == new DateOnly(2020, 4, 11)).HrvMethod.Should().Be(HrvMethod.Sdnn);
        body.GetProperty("daysImported").GetInt32().Should().Be(stored.Count);
        body.GetProperty("from").GetString().Should().Be(stored[0].Date.ToString("yyyy-MM-dd", null));
        body.GetProperty("to").GetString().Should().Be(stored[^1].Date.ToString("yyyy-MM-dd", null));

        HttpResponseMessage analyze = await client.PostJsonAsync("/api/analyze", new { profile = TestData.Profile() });
        analyze.StatusCode.Should().Be(HttpStatusCode.OK, await analyze.Content.ReadAsStringAsync());
        (await analyze.JsonAsync()).GetProperty("date").GetString().Should().Be(stored[^1].Date.ToString("yyyy-MM-dd", null));
    }

    [Fact]
    public async Task Import_FormFieldsForcedFormatAndZone_AreUsedWhateverTheirOrder()
    {
        HttpClient client = factory.ClientFor("imp-fields");

        HttpResponseMessage response = await client.PostAsync("/api/import", Multipart(
            ("file", "trends.csv", "text/csv", Bytes(Oura)),
            ("format", null, null, "oura-csv"u8.ToArray()),
            ("timeZone", null, null, "America/New_York"u8.ToArray())));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).GetProperty("daysImported").GetInt32().Should().Be(58);
    }

    [Fact]
    public async Task Import_TruncatedAppleExport_422NamingFileAndLineAndNothingStored()
    {
        HttpClient client = factory.ClientFor("imp-truncated");
        string xml = Text(Apple);
        string truncated = xml[..xml.IndexOf("<Record", xml.Length / 2, StringComparison.Ordinal)] + "<Record type=\"HKQuantityTypeIdentifierStepCount\" unit=";

        HttpResponseMessage response = await client.PostAsync("/api/import", Multipart(("file", "export.xml", "text/xml", Encoding.UTF8.GetBytes(truncated))));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonElement problem = await response.JsonAsync();
        problem.GetProperty("file").GetString().Should().Be("export.xml");
        problem.GetProperty("location").GetString().Should().MatchRegex(@"^line \d+$");
        problem.GetProperty("detail").GetString().Should().StartWith("export.xml line ").And.Contain("malformed or truncated");
        await ShouldHaveStoredNothingAsync(client, "imp-truncated", problem);
    }

    [Fact]
    public async Task Import_OuraCsvWithoutItsDateColumn_422NamingTheFieldAndNothingStored()
    {
        HttpClient client = factory.ClientFor("imp-header");
        byte[] csv = Encoding.UTF8.GetBytes(Text(Oura).Replace("date,", "day,", StringComparison.Ordinal));

        HttpResponseMessage response = await client.PostAsync("/api/import?format=oura-csv", Multipart(("file", "oura.csv", "text/csv", csv)));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        JsonElement problem = await response.JsonAsync();
        problem.GetProperty("file").GetString().Should().Be("oura.csv");
        problem.GetProperty("detail").GetString().Should().StartWith("oura.csv");
        await ShouldHaveStoredNothingAsync(client, "imp-header", problem);
    }

    [Fact]
    public async Task Import_UnknownFormat_422ListingTheSupportedFormats()
    {
        HttpClient client = factory.ClientFor("imp-unknown");

        HttpResponseMessage response = await client.PostAsync("/api/import?fileName=notes.txt", Raw("just some notes\nnot an export\n"u8.ToArray(), "text/plain"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        JsonElement problem = await response.JsonAsync();
        problem.GetProperty("file").GetString().Should().Be("notes.txt");
        problem.GetProperty("detail").GetString().Should().Contain("matches none of the supported formats").And.Contain("AppleHealth").And.Contain("FhirR4");
        await ShouldHaveStoredNothingAsync(client, "imp-unknown", problem);
    }

    [Fact]
    public async Task Import_FileWithNoDailyMetric_422WithTheNotesAndNothingStored()
    {
        HttpClient client = factory.ClientFor("imp-empty");

        HttpResponseMessage response = await client.PostAsync("/api/import", Multipart(("file", "journal_entries.csv", "text/csv", Bytes(WhoopJournal))));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        JsonElement problem = await response.JsonAsync();
        problem.GetProperty("title").GetString().Should().Contain("no day with a metric");
        problem.GetProperty("notes").GetArrayLength().Should().BePositive();
        await ShouldHaveStoredNothingAsync(client, "imp-empty", problem);
    }

    [Theory]
    [InlineData("/api/import", "format", "file")]                                 // a multipart body without the file part
    [InlineData("/api/import?format=polar", "file", "format")]                    // an unknown format
    [InlineData("/api/import?timeZone=Mars/Olympus", "file", "timeZone")]         // an unknown time zone
    public async Task Import_BadMultipartRequest_400NamingTheField(string path, string partName, string field)
    {
        HttpClient client = factory.ClientFor("imp-bad");
        byte[] content = partName == "file" ? Bytes(Oura) : "oura-csv"u8.ToArray();

        HttpResponseMessage response = await client.PostAsync(path, Multipart((partName, partName == "file" ? "o.csv" : null, partName == "file" ? "text/csv" : null, content)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorFieldsAsync()).Should().Equal(field);
        (await Metrics().ListDatesAsync("imp-bad").ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Import_TwoFiles_400AndNothingStored()
    {
        HttpClient client = factory.ClientFor("imp-two");

        HttpResponseMessage response = await client.PostAsync("/api/import", Multipart(
            ("file", "a.csv", "text/csv", Bytes(Oura)),
            ("file", "b.csv", "text/csv", Bytes(Oura))));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString().Should().Be("send one file per import.");
        (await Metrics().ListDatesAsync("imp-two").ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Import_RawBodyWithoutFileName_400NamingFileName()
    {
        HttpResponseMessage response = await factory.ClientFor("imp-noname").PostAsync("/api/import", Raw(Bytes(Oura), "text/csv"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorFieldsAsync()).Should().Equal("fileName");
    }

    [Fact]
    public async Task Import_RawBodyNamedByContentDisposition_IsImported()
    {
        ByteArrayContent content = Raw(Bytes(Oura), "text/csv");
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "\"oura.csv\"" };

        HttpResponseMessage response = await factory.ClientFor("imp-disposition").PostAsync("/api/import", content);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).GetProperty("rawKey").GetString().Should().EndWith("-oura.csv");
    }

    [Fact]
    public async Task Import_WithoutToken_401()
    {
        HttpResponseMessage response = await factory.CreateClient().PostAsync("/api/import?fileName=oura.csv", Raw(Bytes(Oura), "text/csv"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(true, true)]    // multipart, Content-Length known: refused before reading
    [InlineData(false, true)]   // raw body, Content-Length known
    [InlineData(false, false)]  // raw body, chunked: refused while counting
    public async Task Import_LargerThanMaxUploadBytes_413NamingTheLimitAndNothingStored(bool multipart, bool knownLength)
    {
        await using var small = new WebApiFactory();
        small.Settings["Import:MaxUploadBytes"] = "4096";
        HttpClient client = small.ClientFor("imp-large");
        byte[] csv = Bytes(Oura); // 16,493 bytes
        HttpContent content = multipart ? Multipart(("file", "oura.csv", "text/csv", csv))
            : knownLength ? Raw(csv, "text/csv")
            : new StreamContent(new NonSeekableStream(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };

        HttpResponseMessage response = await client.PostAsync("/api/import?fileName=oura.csv", content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        JsonElement problem = await response.JsonAsync();
        problem.GetProperty("detail").GetString().Should().Contain("4096 bytes (Import:MaxUploadBytes)");
        problem.GetRawText().Should().NotContain("   at ");
        (await small.Services.GetRequiredService<IMetricsStore>().ListDatesAsync("imp-large").ToListAsync()).Should().BeEmpty();
        (await small.Services.GetRequiredService<IUserFileStore>().ListAsync("imp-large").ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Import_OverTheUsersStorageQuota_413AndNothingStored()
    {
        await using var tight = new WebApiFactory();
        tight.Settings["Quotas:MaxBytesPerUser"] = "8192";
        HttpClient client = tight.ClientFor("imp-quota");

        HttpResponseMessage response = await client.PostAsync("/api/import", Multipart(("file", "oura.csv", "text/csv", Bytes(Oura))));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.JsonAsync()).GetProperty("title").GetString().Should().Be("Storage quota exceeded.");
        (await tight.Services.GetRequiredService<IMetricsStore>().ListDatesAsync("imp-quota").ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Import_OnKestrel_BodyAboveTheGeneralLimitButWithinTheImportLimit_IsAccepted()
    {
        // Limits:MaxRequestBodyBytes (4 KiB here) guards the JSON endpoints; the import endpoint has its own limit.
        await using var kestrel = new WebApiFactory();
        kestrel.Settings["Limits:MaxRequestBodyBytes"] = "4096";
        Uri address = kestrel.StartOnLoopback();
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Valid("imp-kestrel"));

        HttpResponseMessage imported = await client.PostAsync("api/import", Multipart(("file", "oura.csv", "text/csv", Bytes(Oura))));
        HttpResponseMessage json = await client.PostAsync("api/analyze", new StringContent(
            JsonSerializer.Serialize(new { profile = TestData.Profile(), metrics = TestData.History(30) }), Encoding.UTF8, "application/json"));

        imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await imported.JsonAsync()).GetProperty("daysImported").GetInt32().Should().Be(58);
        json.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge, "the general limit still applies elsewhere");
    }

    private static byte[] Bytes(string sample) => Sample.Bytes(sample);

    private static string Text(string sample) => Sample.Text(sample);

    private static ByteArrayContent Raw(byte[] bytes, string contentType) =>
        new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } };

    private static MultipartFormDataContent Multipart(params (string Name, string? FileName, string? ContentType, byte[] Content)[] parts)
    {
        var form = new MultipartFormDataContent();
        foreach ((string name, string? fileName, string? contentType, byte[] content) in parts)
        {
            var part = new ByteArrayContent(content);
            if (contentType is not null)
            {
                part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            }

            if (fileName is null)
            {
                form.Add(part, name);
            }
            else
            {
                form.Add(part, name, fileName);
            }
        }

        return form;
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, string content) in entries)
            {
                using Stream stream = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    private IMetricsStore Metrics() => factory.Services.GetRequiredService<IMetricsStore>();

    private async Task ShouldHaveStoredNothingAsync(HttpClient client, string userId, JsonElement problem)
    {
        problem.GetRawText().Should().NotContain("   at ", "no stack trace reaches the client");
        (await Metrics().ListDatesAsync(userId).ToListAsync()).Should().BeEmpty();
        JsonElement listed = await (await client.PostJsonAsync("/functions/v1/s3-list", new { prefix = "wearable-exports" })).JsonAsync();
        listed.GetProperty("files").GetArrayLength().Should().Be(0);
    }

    /// <summary>A stream without a length, so the client sends it chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

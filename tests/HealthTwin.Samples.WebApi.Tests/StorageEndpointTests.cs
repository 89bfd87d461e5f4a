using System.Net;
using System.Text;
using System.Text.Json;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.WebApi.Tests;

public sealed class StorageEndpointTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    [Fact]
    public async Task UploadListDownload_JsonReport_RoundTripsInTheUsersFolder()
    {
        HttpClient client = factory.ClientFor("dana");

        HttpResponseMessage upload = await client.PostJsonAsync("/functions/v1/s3-upload",
            new { data = new { month = "2025-01", avgHrv = 62.5 }, path = "reports", filename = "monthly-2025-01.json" });
        HttpResponseMessage list = await client.PostJsonAsync("/functions/v1/s3-list", new { prefix = "reports" });
        HttpResponseMessage download = await client.PostJsonAsync("/functions/v1/s3-download", new { key = "reports/monthly-2025-01.json" });

        upload.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonElement uploaded = await upload.JsonAsync();
        uploaded.GetProperty("key").GetString().Should().Be("users/dana/reports/monthly-2025-01.json");
        uploaded.GetProperty("url").GetString().Should().StartWith("http://127.0.0.1/functions/v1/s3-file?key=users%2Fdana%2Freports%2Fmonthly-2025-01.json&expires=");

        JsonElement file = (await list.JsonAsync()).GetProperty("files").EnumerateArray().Should().ContainSingle().Subject;
        file.GetProperty("key").GetString().Should().Be("users/dana/reports/monthly-2025-01.json");
        file.GetProperty("size").GetInt64().Should().Be(Encoding.UTF8.GetByteCount("""{"month":"2025-01","avgHrv":62.5}"""));
        file.TryGetProperty("lastModified", out _).Should().BeTrue();

        JsonElement body = await download.JsonAsync();
        body.GetProperty("key").GetString().Should().Be("users/dana/reports/monthly-2025-01.json");
        body.GetProperty("contentType").GetString().Should().Be("application/json");
        body.GetProperty("encoding").GetString().Should().Be("utf-8");
        JsonDocument.Parse(body.GetProperty("data").GetString()!).RootElement.GetProperty("avgHrv").GetDouble().Should().Be(62.5);
        File.Exists(Path.Combine(factory.StorageRoot, "users", "dana", "reports", "monthly-2025-01.json")).Should().BeTrue();
    }

    [Fact]
    public async Task Download_FullOwnKey_WorksLikeTheRelativeKey()
    {
        HttpClient client = factory.ClientFor("erin");
        string key = await client.UploadAsync("wearable-exports", "whoop-2025-01.csv", "day,hrv\n2025-01-01,61\n");

        JsonElement body = await (await client.PostJsonAsync("/functions/v1/s3-download", new { key })).JsonAsync();

        body.GetProperty("data").GetString().Should().Be("day,hrv\n2025-01-01,61\n");
        body.GetProperty("contentType").GetString().Should().StartWith("text/plain");
    }

    [Fact]
    public async Task Upload_Base64Photo_IsStoredAsBytesAndDownloadedAsBase64()
    {
        HttpClient client = factory.ClientFor("finn");
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9];

        HttpResponseMessage upload = await client.PostJsonAsync("/functions/v1/s3-upload", new
        {
            data = Convert.ToBase64String(jpeg), path = "photos/meals", filename = "lunch.jpg", contentType = "image/jpeg", encoding = "base64",
        });
        JsonElement body = await (await client.PostJsonAsync("/functions/v1/s3-download", new { key = "photos/meals/lunch.jpg" })).JsonAsync();
        HttpResponseMessage raw = await client.GetAsync((await upload.JsonAsync()).GetProperty("url").GetString());

        body.GetProperty("encoding").GetString().Should().Be("base64");
        body.GetProperty("contentType").GetString().Should().Be("image/jpeg");
        body.GetProperty("size").GetInt64().Should().Be(jpeg.Length);
        Convert.FromBase64String(body.GetProperty("data").GetString()!).Should().Equal(jpeg);
        raw.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        (await raw.Content.ReadAsByteArrayAsync()).Should().Equal(jpeg);
    }

    [Fact]
    public async Task List_NoPrefix_ListsEveryCategoryOfTheUser()
    {
        HttpClient client = factory.ClientFor("gail");
        await client.UploadAsync("reports", "r.json", new { r = 1 });
        await client.UploadAsync("photos/sleep-environment", "bedroom.txt", "dark and cool");
        await client.UploadAsync("training-logs", "week-1.json", new[] { 1, 2, 3 });

        HttpResponseMessage response = await client.PostAsync("/functions/v1/s3-list", content: null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("files").EnumerateArray().Select(f => f.GetProperty("key").GetString()).Should().BeEquivalentTo(
            "users/gail/reports/r.json", "users/gail/photos/sleep-environment/bedroom.txt", "users/gail/training-logs/week-1.json");
    }

    [Fact]
    public async Task Upload_SameFileTwice_ReplacesIt()
    {
        HttpClient client = factory.ClientFor("hank");
        await client.UploadAsync("reports", "r.json", new { version = 1 });
        await client.UploadAsync("reports", "r.json", new { version = 2 });

        JsonElement body = await (await client.PostJsonAsync("/functions/v1/s3-download", new { key = "reports/r.json" })).JsonAsync();
        JsonElement files = (await (await client.PostJsonAsync("/functions/v1/s3-list", new { prefix = "reports" })).JsonAsync()).GetProperty("files");

        body.GetProperty("data").GetString().Should().Be("""{"version":2}""");
        files.GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task Upload_MetricsBackup_SavesEachDayIdempotentlyAndReturnsTheMetricsPrefix()
    {
        HttpClient client = factory.ClientFor("ivy");
        object body = new { data = TestData.History(14), path = "metrics", filename = "backup-2025-03-14T08:00:00.000Z.json" };

        HttpResponseMessage first = await client.PostJsonAsync("/functions/v1/s3-upload", body);
        HttpResponseMessage second = await client.PostJsonAsync("/functions/v1/s3-upload", body);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await first.JsonAsync()).GetProperty("key").GetString().Should().Be("users/ivy/metrics/");
        List<DateOnly> dates = [];
        await foreach (DateOnly date in factory.Services.GetRequiredService<IMetricsStore>().ListDatesAsync("ivy"))
        {
            dates.Add(date);
        }

        dates.Should().Equal(TestData.History(14).Select(d => d.Date));
    }

    [Fact]
    public async Task Upload_MetricsBackupThenAnalyzeWithoutMetrics_AnalysesTheStoredDays()
    {
        HttpClient client = factory.ClientFor("jack");
        (await client.PostJsonAsync("/functions/v1/s3-upload", new { data = TestData.History(20), path = "metrics", filename = "b.json" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        HttpResponseMessage response = await client.PostJsonAsync("/api/analyze", new { profile = TestData.Profile() });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonElement analysis = await response.JsonAsync();
        analysis.GetProperty("userId").GetString().Should().Be("jack");
        analysis.GetProperty("date").GetString().Should().Be("2025-03-14");
    }
}

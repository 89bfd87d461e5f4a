using System.Net;
using System.Text.Json;
using UglyToad.PdfPig;

namespace HealthTwin.Samples.WebApi.Tests.Reports;

/// <summary>Stores a caller's metrics through the app's backup upload, posts report requests and reads the PDFs back.</summary>
internal static class ReportTestData
{
    public const string Path = "/api/reports";

    /// <summary>Backs up 90 days ending 2025-03-14 (mid December 2024 to mid March 2025) like the app does.</summary>
    public static async Task BackUpMetricsAsync(this HttpClient client)
    {
        HttpResponseMessage response = await client.PostJsonAsync("/functions/v1/s3-upload", new { data = TestData.History(90), path = "metrics", filename = "backup.json" });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Downloads <paramref name="url"/> without a token (the URL is the authority) and checks it is a PDF.</summary>
    public static async Task<byte[]> DownloadPdfAsync(HttpClient anonymous, string url)
    {
        HttpResponseMessage file = await anonymous.GetAsync(url);
        file.StatusCode.Should().Be(HttpStatusCode.OK, await file.Content.ReadAsStringAsync());
        file.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        byte[] bytes = await file.Content.ReadAsByteArrayAsync();
        bytes.AsSpan(0, 5).ToArray().Should().Equal("%PDF-"u8.ToArray(), "the download is a PDF");
        return bytes;
    }

    public static string PdfText(byte[] pdf)
    {
        using PdfDocument document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body, string Raw)> PostReportAsync(this HttpClient client, string json)
    {
        HttpResponseMessage response = await client.PostRawAsync(Path, json);
        string raw = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, raw.Length == 0 ? default : JsonDocument.Parse(raw).RootElement.Clone(), raw);
    }
}

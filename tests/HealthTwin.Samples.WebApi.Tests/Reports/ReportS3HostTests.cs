using System.Net;
using System.Text.Json;
using Amazon.S3;
using HealthTwin.Aws.Tests.Infrastructure;

namespace HealthTwin.Samples.WebApi.Tests.Reports;

/// <summary><c>/api/reports</c> on the S3-backed host (loopback fauxqs): the report goes to the bucket and the URL is S3's pre-signed URL.</summary>
public sealed class ReportS3HostTests(S3ServerFixture s3) : IClassFixture<S3ServerFixture>, IAsyncLifetime
{
    private IAmazonS3 _bucketClient = null!;
    private WebApiFactory _host = null!;
    private string _bucket = string.Empty;

    public async Task InitializeAsync()
    {
        _bucketClient = s3.CreateClient();
        _bucket = await S3ServerFixture.CreateBucketAsync(_bucketClient, "reports");
        _host = S3StorageHostTests.CreateHost(s3.ServiceUrl, ("HealthTwin:S3:BucketName", _bucket));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _bucketClient.Dispose();
    }

    [Fact]
    public async Task Report_S3Backed_StoresInTheBucketAndAnswersAPresignedUrlThatServesThePdf()
    {
        HttpClient client = _host.ClientFor("olga");
        await client.BackUpMetricsAsync();

        (HttpStatusCode status, JsonElement body, string raw) = await client.PostReportAsync("""{"period":"month","month":"2025-02"}""");

        status.Should().Be(HttpStatusCode.OK, raw);
        body.GetProperty("key").GetString().Should().Be("users/olga/reports/monthly-2025-02.pdf");
        var url = new Uri(body.GetProperty("url").GetString()!);
        url.Port.Should().Be(s3.ServiceUrl.Port, "the URL points at the S3 server, not at the web host");
        url.AbsolutePath.Should().Be($"/{_bucket}/users/olga/reports/monthly-2025-02.pdf");
        url.Query.Should().Contain("X-Amz-Signature=");
        using var plain = new HttpClient(); // no token, no AWS SDK: the signature in the URL is the authority
        byte[] pdf = await ReportTestData.DownloadPdfAsync(plain, url.AbsoluteUri);
        ReportTestData.PdfText(pdf).Should().Contain("Monthly health report: February 2025");
        using Amazon.S3.Model.GetObjectResponse stored = await _bucketClient.GetObjectAsync(_bucket, "users/olga/reports/monthly-2025-02.pdf");
        stored.Headers.ContentLength.Should().Be(pdf.Length);
        Directory.EnumerateFiles(_host.StorageRoot, "*", SearchOption.AllDirectories).Should().BeEmpty("nothing goes to the file system");
    }
}

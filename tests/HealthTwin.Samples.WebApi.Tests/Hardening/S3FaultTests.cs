using System.Diagnostics;
using System.Net;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.WebApi.Tests.Hardening;

/// <summary>
/// Every S3 call has a timeout (<c>HealthTwin:S3:Timeout</c>): a stalled S3 answers <c>503</c> within it instead of
/// hanging the request, and a read error mid-download is <c>503</c>, not <c>500</c>.
/// </summary>
public sealed class S3FaultTests
{
    [Theory]
    [InlineData("/functions/v1/s3-upload")]
    [InlineData("/functions/v1/s3-download")]
    [InlineData("/functions/v1/s3-list")]
    [InlineData("/api/analyze")]
    public async Task Endpoint_StalledS3_Answers503WithinTheTimeout(string path)
    {
        await using var s3 = new FaultyS3Server(FaultyS3Server.Fault.Stall);
        await using WebApiFactory host = Host(s3.ServiceUrl);
        HttpClient client = host.ClientFor("stella");
        client.Timeout = TimeSpan.FromSeconds(60);
        object body = path switch
        {
            "/functions/v1/s3-upload" => new { data = new { a = 1 }, path = "reports", filename = "r.json" },
            "/functions/v1/s3-download" => new { key = "reports/r.json" },
            "/functions/v1/s3-list" => new { prefix = "reports" },
            _ => new { profile = TestData.Profile() },
        };

        var clock = Stopwatch.StartNew();
        HttpResponseMessage response = await client.PostJsonAsync(path, body);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync());
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the 1 s timeout ends the call (a stalled S3 hung for more than 150 s before)");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Exception").And.NotContain(" at ");
    }

    [Fact]
    public async Task Download_ConnectionBreaksMidBody_Answers503()
    {
        await using var s3 = new FaultyS3Server(FaultyS3Server.Fault.BrokenBody);
        await using WebApiFactory host = Host(s3.ServiceUrl);

        HttpResponseMessage response = await host.ClientFor("stella").PostJsonAsync("/functions/v1/s3-download", new { key = "reports/r.json" });

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private static WebApiFactory Host(Uri serviceUrl)
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true"); // as eng/test.sh: no instance-metadata lookups
        return NewHost(serviceUrl);
    }

    private static WebApiFactory NewHost(Uri serviceUrl) => new()
    {
        ExtraServices = services => services.AddDefaultAWSOptions(new AWSOptions
        {
            Credentials = new BasicAWSCredentials("healthtwin-fault-test", "healthtwin-fault-test-secret"),
        }),
        Settings =
        {
            ["HealthTwin:S3:BucketName"] = "faulty",
            ["HealthTwin:S3:ServiceUrl"] = serviceUrl.AbsoluteUri,
            ["HealthTwin:S3:ForcePathStyle"] = "true",
            ["HealthTwin:S3:Region"] = "us-east-1",
            ["HealthTwin:S3:Timeout"] = "00:00:01",
        },
    };
}

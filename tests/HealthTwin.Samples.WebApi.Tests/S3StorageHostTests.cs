using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using HealthTwin.Agents.Storage;
using HealthTwin.Aws.S3;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.WebApi.Tests;

/// <summary>
/// The web host with <c>HealthTwin:S3:BucketName</c> set, against the loopback fauxqs server: every storage endpoint
/// goes to the bucket, upload URLs are pre-signed S3 URLs, and users stay isolated.
/// </summary>
public sealed class S3StorageHostTests(S3ServerFixture s3) : IClassFixture<S3ServerFixture>, IAsyncLifetime
{
    private const string BobsSecret = "bob-s3-secret";
    private IAmazonS3 _bucketClient = null!;
    private WebApiFactory _host = null!;
    private string _bucket = string.Empty;

    public async Task InitializeAsync()
    {
        _bucketClient = s3.CreateClient();
        _bucket = await S3ServerFixture.CreateBucketAsync(_bucketClient, "webapi");
        _host = CreateHost(s3.ServiceUrl, ("HealthTwin:S3:BucketName", _bucket));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _bucketClient.Dispose();
    }

    /// <summary>A host whose S3 settings point at the loopback server (path style, dummy credentials); <paramref name="settings"/> name the bucket.</summary>
    internal static WebApiFactory CreateHost(Uri serviceUrl, params (string Key, string Value)[] settings)
    {
        var host = new WebApiFactory
        {
            ExtraServices = services => services.AddDefaultAWSOptions(new AWSOptions
            {
                Credentials = new BasicAWSCredentials("healthtwin-webapi-test", "healthtwin-webapi-test-secret"),
            }),
            Settings =
            {
                ["HealthTwin:S3:ServiceUrl"] = serviceUrl.AbsoluteUri,
                ["HealthTwin:S3:ForcePathStyle"] = "true",
                ["HealthTwin:S3:Region"] = "us-east-1",
            },
        };
        foreach ((string key, string value) in settings)
        {
            host.Settings[key] = value;
        }

        return host;
    }

    [Fact]
    public void Host_BucketConfigured_UsesTheS3Stores()
    {
        _host.Services.GetRequiredService<IUserFileStore>().Should().BeOfType<S3UserFileStore>();
        _host.Services.GetRequiredService<IMetricsStore>().Should().BeOfType<S3MetricsStore>();
    }

    [Fact]
    public async Task UploadListDownload_S3Backed_RoundTripsThroughTheBucket()
    {
        HttpClient client = _host.ClientFor("dana");
        const string Json = """{"month":"2025-01","avgHrv":62.5}""";

        HttpResponseMessage upload = await client.PostJsonAsync("/functions/v1/s3-upload",
            new { data = new { month = "2025-01", avgHrv = 62.5 }, path = "reports", filename = "monthly-2025-01.json" });
        HttpResponseMessage list = await client.PostJsonAsync("/functions/v1/s3-list", new { prefix = "reports" });
        HttpResponseMessage download = await client.PostJsonAsync("/functions/v1/s3-download", new { key = "reports/monthly-2025-01.json" });

        upload.StatusCode.Should().Be(HttpStatusCode.OK, await upload.Content.ReadAsStringAsync());
        (await upload.JsonAsync()).GetProperty("key").GetString().Should().Be("users/dana/reports/monthly-2025-01.json");

        JsonElement file = (await list.JsonAsync()).GetProperty("files").EnumerateArray().Should().ContainSingle().Subject;
        file.GetProperty("key").GetString().Should().Be("users/dana/reports/monthly-2025-01.json");
        file.GetProperty("size").GetInt64().Should().Be(Encoding.UTF8.GetByteCount(Json));

        JsonElement body = await download.JsonAsync();
        body.GetProperty("contentType").GetString().Should().Be("application/json");
        body.GetProperty("encoding").GetString().Should().Be("utf-8");
        body.GetProperty("data").GetString().Should().Be(Json);

        using GetObjectResponse stored = await _bucketClient.GetObjectAsync(_bucket, "users/dana/reports/monthly-2025-01.json");
        (await new StreamReader(stored.ResponseStream).ReadToEndAsync()).Should().Be(Json, "the object is in the bucket");
        Directory.EnumerateFiles(_host.StorageRoot, "*", SearchOption.AllDirectories).Should().BeEmpty("nothing goes to the file system");
    }

    [Fact]
    public async Task Upload_S3Backed_ReturnsAPresignedUrlThatAPlainHttpClientCanFetch()
    {
        HttpClient client = _host.ClientFor("finn");
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9];

        HttpResponseMessage upload = await client.PostJsonAsync("/functions/v1/s3-upload", new
        {
            data = Convert.ToBase64String(jpeg), path = "photos/meals", filename = "lunch.jpg", contentType = "image/jpeg", encoding = "base64",
        });

        upload.StatusCode.Should().Be(HttpStatusCode.OK, await upload.Content.ReadAsStringAsync());
        var url = new Uri((await upload.JsonAsync()).GetProperty("url").GetString()!);
        url.Host.Should().Be("127.0.0.1");
        url.Port.Should().Be(s3.ServiceUrl.Port, "the URL points at the S3 server, not at the web host");
        url.AbsolutePath.Should().Be($"/{_bucket}/users/finn/photos/meals/lunch.jpg");
        url.Query.Should().Contain("X-Amz-Signature=").And.Contain("X-Amz-Expires=").And.Contain("X-Amz-Credential=");

        using var plain = new HttpClient(); // no token, no AWS SDK: the signature in the URL is the only authority
        HttpResponseMessage fetched = await plain.GetAsync(url);
        fetched.StatusCode.Should().Be(HttpStatusCode.OK);
        fetched.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        (await fetched.Content.ReadAsByteArrayAsync()).Should().Equal(jpeg);
    }

    [Fact]
    public async Task Upload_MetricsBackupThenAnalyzeWithoutMetrics_ReadsTheDaysFromTheBucket()
    {
        HttpClient client = _host.ClientFor("jack");

        HttpResponseMessage backup = await client.PostJsonAsync("/functions/v1/s3-upload", new { data = TestData.History(20), path = "metrics", filename = "b.json" });
        HttpResponseMessage analysis = await client.PostJsonAsync("/api/analyze", new { profile = TestData.Profile() });

        backup.StatusCode.Should().Be(HttpStatusCode.OK, await backup.Content.ReadAsStringAsync());
        analysis.StatusCode.Should().Be(HttpStatusCode.OK, await analysis.Content.ReadAsStringAsync());
        (await analysis.JsonAsync()).GetProperty("date").GetString().Should().Be("2025-03-14");
        (await BucketKeysAsync("users/jack/metrics/")).Should().HaveCount(20);
    }

    [Theory]
    [InlineData("users/bob/reports/secret.json")]
    [InlineData("../bob/reports/secret.json")]
    [InlineData("users/alice/../bob/reports/secret.json")]
    [InlineData("users%2Fbob%2Freports%2Fsecret.json")]
    [InlineData("..\\bob\\reports\\secret.json")]
    [InlineData("bob/reports/secret.json")]
    public async Task Download_AnotherUsersKeyByAnyPath_Returns404(string key)
    {
        (HttpClient alice, _) = await AliceAndBobAsync();

        HttpResponseMessage download = await alice.PostJsonAsync("/functions/v1/s3-download", new { key });
        HttpResponseMessage viaUrl = await alice.GetAsync("/functions/v1/s3-download?key=" + Uri.EscapeDataString(key));

        download.StatusCode.Should().Be(HttpStatusCode.NotFound);
        viaUrl.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await download.Content.ReadAsStringAsync()).Should().NotContain(BobsSecret);
        (await viaUrl.Content.ReadAsStringAsync()).Should().NotContain(BobsSecret);
    }

    [Fact]
    public async Task ListAndUpload_AnotherUsersFolder_SeesNothingAndOverwritesNothing()
    {
        (HttpClient alice, HttpClient bob) = await AliceAndBobAsync();

        HttpResponseMessage listBob = await alice.PostJsonAsync("/functions/v1/s3-list", new { prefix = "users/bob/reports" });
        HttpResponseMessage listOwn = await alice.PostAsync("/functions/v1/s3-list", content: null);
        HttpResponseMessage overwrite = await alice.PostJsonAsync("/functions/v1/s3-upload",
            new { data = new { secret = "overwritten" }, path = "../bob/reports", filename = "secret.json" });
        string sameName = await alice.UploadAsync("reports", "secret.json", new { secret = "alice's" });

        listBob.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await listOwn.JsonAsync()).GetProperty("files").EnumerateArray().Select(f => f.GetProperty("key").GetString())
            .Should().Equal("users/alice/reports/mine.json");
        overwrite.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        sameName.Should().Be("users/alice/reports/secret.json");
        JsonElement bobs = await (await bob.PostJsonAsync("/functions/v1/s3-download", new { key = "reports/secret.json" })).JsonAsync();
        bobs.GetProperty("data").GetString().Should().Contain(BobsSecret);
        (await BucketKeysAsync("users/")).Should().BeEquivalentTo(
            "users/alice/reports/mine.json", "users/alice/reports/secret.json", "users/bob/reports/secret.json");
    }

    [Fact]
    public async Task Host_BucketFromAwsS3BucketNameSetting_UsesThatBucket()
    {
        string bucket = await S3ServerFixture.CreateBucketAsync(_bucketClient, "envbucket");
        await using WebApiFactory host = CreateHost(s3.ServiceUrl, (S3StorageOptions.BucketNameVariable, bucket));

        string key = await host.ClientFor("uma").UploadAsync("reports", "r.json", new { r = 1 });

        ListObjectsV2Response listed = await _bucketClient.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        listed.S3Objects.Should().ContainSingle().Which.Key.Should().Be(key);
    }

    private async Task<(HttpClient Alice, HttpClient Bob)> AliceAndBobAsync()
    {
        HttpClient alice = _host.ClientFor("alice");
        HttpClient bob = _host.ClientFor("bob");
        await bob.UploadAsync("reports", "secret.json", new { secret = BobsSecret });
        await alice.UploadAsync("reports", "mine.json", new { mine = true });
        return (alice, bob);
    }

    private async Task<List<string>> BucketKeysAsync(string prefix)
    {
        ListObjectsV2Response listed = await _bucketClient.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix });
        return [.. (listed.S3Objects ?? []).Select(o => o.Key)];
    }
}

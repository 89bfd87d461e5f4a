using System.Net;
using System.Web;
using Amazon.S3;
using Amazon.S3.Model;
using HealthTwin.Agents.Storage;
using HealthTwin.Aws.S3;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthTwin.Aws.Tests.S3;

/// <summary>
/// An interrupted multipart upload is aborted on the server, so its parts are not kept (and billed) by S3. fauxqs
/// (the loopback server) does not implement <c>ListMultipartUploads</c>: <c>GET /bucket?uploads</c> answers with the
/// object listing, so a listing there is always empty and proves nothing. These tests take the upload id from the
/// part requests the client sent and ask the server about that upload directly: after an abort, an
/// <c>UploadPart</c> to it is answered <c>NoSuchUpload</c>; while it is still pending, the same request succeeds.
/// </summary>
[Collection(S3ServerFixtureDefinition.Name)]
public sealed class S3MultipartAbortTests(S3ServerFixture server) : IDisposable
{
    private const int MiB = 1024 * 1024;
    private readonly List<IDisposable> disposables = [];

    public void Dispose()
    {
        foreach (IDisposable disposable in disposables)
        {
            disposable.Dispose();
        }
    }

    [Fact]
    public async Task UploadAsync_CancelledDuringTheSecondPart_TheUploadIsAbortedOnTheServer()
    {
        using var cts = new CancellationTokenSource();
        var http = Track(new RecordingHttpClientFactory(request =>
        {
            if (PartNumber(request) == 2)
            {
                cts.Cancel();
            }

            return Task.CompletedTask;
        }));
        (S3UserFileStore store, IAmazonS3 client, string bucket) = await CreateStoreAsync(http, "abort-cancel");

        Func<Task> act = () => store.UploadAsync("alice", UserFileCategory.WearableExports, "export.zip", new MemoryStream(new byte[16 * MiB]), "application/zip", cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        string uploadId = UploadIdOf(http);
        http.Where(HttpMethod.Delete, "uploadId=").Select(r => UploadId(r.Query)).Should().Contain(uploadId, "the interrupted upload is aborted");
        await ShouldBeAbortedAsync(client, bucket, "users/alice/wearable-exports/export.zip", uploadId);
        (await store.DownloadAsync("alice", UserFileCategory.WearableExports, "export.zip")).Should().BeNull("no partial object remains");
    }

    [Fact]
    public async Task UploadAsync_ThePartFailsOnTheWire_TheUploadIsAbortedAndTheFailureReported()
    {
        var http = Track(new RecordingHttpClientFactory(request =>
            PartNumber(request) == 2 ? throw new HttpRequestException("connection reset while sending part 2") : Task.CompletedTask));
        (S3UserFileStore store, IAmazonS3 client, string bucket) = await CreateStoreAsync(http, "abort-fail");

        Func<Task> act = () => store.UploadAsync("alice", UserFileCategory.Reports, "big.bin", new MemoryStream(new byte[16 * MiB]), "application/octet-stream");

        (await act.Should().ThrowAsync<S3StorageException>()).Which.Key.Should().Be("users/alice/reports/big.bin");
        string uploadId = UploadIdOf(http);
        await ShouldBeAbortedAsync(client, bucket, "users/alice/reports/big.bin", uploadId);
        (await store.DownloadAsync("alice", UserFileCategory.Reports, "big.bin")).Should().BeNull();
    }

    [Fact]
    public async Task UploadAsync_TheSdksAbortRequestIsLost_TheStoreLooksForThePendingUploadAndTheCallerSeesTheCancellation()
    {
        // TransferUtility aborts a failed upload itself; when that DELETE does not get through, the store lists the
        // key's pending uploads to abort them (on S3; fauxqs answers that listing without uploads, see the class remarks).
        using var cts = new CancellationTokenSource();
        var http = Track(new RecordingHttpClientFactory(request =>
        {
            if (PartNumber(request) == 2)
            {
                cts.Cancel();
            }

            return request.Method == HttpMethod.Delete ? throw new HttpRequestException("connection reset while aborting") : Task.CompletedTask;
        }));
        (S3UserFileStore store, IAmazonS3 client, string bucket) = await CreateStoreAsync(http, "abort-lost");

        Func<Task> act = () => store.UploadAsync("alice", UserFileCategory.WearableExports, "export.zip", new MemoryStream(new byte[16 * MiB]), "application/zip", cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>("the abort's own failure does not hide why the upload stopped");
        RecordedRequest list = http.Where(HttpMethod.Get, "uploads").Should().ContainSingle("the store asks for the key's pending uploads").Subject;
        HttpUtility.ParseQueryString(list.Query)["prefix"].Should().Be("users/alice/wearable-exports/export.zip");
        list.Path.TrimEnd('/').Should().Be("/" + bucket);
    }

    [Fact]
    public async Task UploadPart_ToAnUploadThatWasNotAborted_Succeeds()
    {
        // The check the tests above rely on, shown to tell a pending upload from an aborted one on this server.
        IAmazonS3 client = Track(server.CreateClient());
        string bucket = await S3ServerFixture.CreateBucketAsync(client, "abort-control");
        InitiateMultipartUploadResponse started = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = "pending.bin" });

        UploadPartResponse part = await UploadOnePartAsync(client, bucket, "pending.bin", started.UploadId);
        ListMultipartUploadsResponse listed = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket });

        part.HttpStatusCode.Should().Be(HttpStatusCode.OK);
        (listed.MultipartUploads ?? []).Should().BeEmpty("fauxqs does not implement ListMultipartUploads, so listing cannot show a pending upload");
        await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = "pending.bin", UploadId = started.UploadId });
        await ShouldBeAbortedAsync(client, bucket, "pending.bin", started.UploadId);
    }

    private static int? PartNumber(HttpRequestMessage request) =>
        HttpUtility.ParseQueryString(request.RequestUri!.Query)["partNumber"] is { } number ? int.Parse(number, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static string? UploadId(string query) => HttpUtility.ParseQueryString(query)["uploadId"];

    /// <summary>The one multipart upload the store started, from its part requests.</summary>
    private static string UploadIdOf(RecordingHttpClientFactory http)
    {
        http.Where(HttpMethod.Post, "uploads").Should().ContainSingle("the store starts one multipart upload");
        return http.Where(HttpMethod.Put, "partNumber=").Select(r => UploadId(r.Query)).Distinct().Should().ContainSingle().Subject!;
    }

    private static Task<UploadPartResponse> UploadOnePartAsync(IAmazonS3 client, string bucket, string key, string uploadId) =>
        client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = key,
            UploadId = uploadId,
            PartNumber = 1,
            InputStream = new MemoryStream(new byte[1024]),
        });

    private static async Task ShouldBeAbortedAsync(IAmazonS3 client, string bucket, string key, string uploadId)
    {
        Func<Task> sendAnotherPart = () => UploadOnePartAsync(client, bucket, key, uploadId);

        AmazonS3Exception error = (await sendAnotherPart.Should().ThrowAsync<AmazonS3Exception>("an aborted upload takes no more parts")).Which;
        error.ErrorCode.Should().Be("NoSuchUpload");
    }

    private async Task<(S3UserFileStore Store, IAmazonS3 Client, string Bucket)> CreateStoreAsync(RecordingHttpClientFactory http, string hint)
    {
        IAmazonS3 client = Track(server.CreateClient(httpClientFactory: http));
        IAmazonS3 setup = Track(server.CreateClient());
        string bucket = await S3ServerFixture.CreateBucketAsync(setup, hint);
        var options = S3ServerFixture.Options(bucket, maxParallelism: 1, multipartThresholdBytes: S3StorageOptions.MinMultipartThresholdBytes);
        return (new S3UserFileStore(client, options, TimeProvider.System, NullLogger<S3UserFileStore>.Instance), setup, bucket);
    }

    private T Track<T>(T disposable)
        where T : IDisposable
    {
        disposables.Add(disposable);
        return disposable;
    }
}

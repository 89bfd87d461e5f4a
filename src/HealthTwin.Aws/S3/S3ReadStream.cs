namespace HealthTwin.Aws.S3;

/// <summary>
/// A downloaded object's body with the bucket's timeout on every read: a stalled or broken connection while the body
/// is read fails with <see cref="S3StorageException"/> (a storage failure, like a failed request), never a bare
/// <see cref="IOException"/>; the caller's cancellation still passes through as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class S3ReadStream(Stream inner, S3Bucket bucket, string storageKey, IDisposable response) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(bucket.Timeout);
        try
        {
            return await inner.ReadAsync(buffer, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw bucket.ReadFailure("GetObject", storageKey, new TimeoutException($"No data from S3 within {bucket.Timeout}.", ex));
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw bucket.ReadFailure("GetObject", storageKey, ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return inner.Read(buffer, offset, count);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw bucket.ReadFailure("GetObject", storageKey, ex);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            response.Dispose();
        }

        base.Dispose(disposing);
    }
}

namespace HealthTwin.Import.Reading;

/// <summary>
/// Replays the bytes already read for detection, then continues with the rest of a forward-only stream, and
/// enforces the size limit while reading.
/// </summary>
internal sealed class HeadStream(byte[] head, int headLength, Stream rest, long maxBytes, string fileName) : Stream
{
    private int headPosition;
    private long total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => total; set => throw new NotSupportedException(); }

    public static async Task<(HeadStream Stream, WearableFileHead Head)> OpenAsync(Stream source, string fileName, long maxBytes, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[8192];
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await source.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return (new HeadStream(buffer, read, source, maxBytes, fileName), new WearableFileHead(fileName, buffer.AsMemory(0, read)));
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = headPosition < headLength ? CopyHead(buffer) : rest.Read(buffer);
        return Count(n);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int n = headPosition < headLength ? CopyHead(buffer.Span) : await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Count(n);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int CopyHead(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, headLength - headPosition);
        head.AsSpan(headPosition, n).CopyTo(buffer);
        headPosition += n;
        return n;
    }

    private int Count(int n)
    {
        total += n;
        return total > maxBytes
            ? throw new WearableImportException(fileName, null, null, $"the file is larger than the limit of {maxBytes} bytes (WearableImportOptions.MaxFileBytes).")
            : n;
    }
}

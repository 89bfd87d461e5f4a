using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace HealthTwin.Import.Reading;

/// <summary>
/// Reads a stream ahead on a background task, chunk by chunk through a bounded channel, so that a CPU-bound producer
/// (the Apple Health pre-filter) and a CPU-bound consumer (the <see cref="System.Xml.XmlReader"/>) use two cores at
/// once. The consumer awaits <see cref="FillAsync"/> between reads to have chunks ready; a synchronous
/// <see cref="Read(Span{byte})"/> then copies from memory, and waits for the producer only when nothing is ready.
/// An exception of the producer is thrown by the consumer's next read. Disposing stops the producer and returns the
/// chunks to the pool; it does not dispose the inner stream.
/// </summary>
internal sealed class ReadAheadStream : Stream
{
    private readonly Stream inner;
    private readonly int chunkSize;
    private readonly Channel<Chunk> channel;
    private readonly Queue<Chunk> ready = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task producer;
    private Chunk current = new([], 0);
    private int offset;
    private long readyBytes;
    private bool completed;
    private bool disposed;

    /// <summary>Starts reading <paramref name="inner"/> ahead.</summary>
    /// <param name="inner">The stream read on the background task (not disposed).</param>
    /// <param name="chunkSize">The size of each chunk.</param>
    /// <param name="depth">How many chunks may wait for the consumer.</param>
    public ReadAheadStream(Stream inner, int chunkSize, int depth)
    {
        this.inner = inner;
        this.chunkSize = chunkSize;
        channel = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(depth) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        producer = Task.Run(ProduceAsync);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Bytes that can be read without waiting for the producer.</summary>
    public long Ready => current.Length - offset + readyBytes;

    /// <summary>Takes the chunks the producer has ready until at least <paramref name="minBytes"/> are, or the input has ended.</summary>
    /// <param name="minBytes">How much to have ready.</param>
    /// <param name="cancellationToken">Cancels the wait (not the producer).</param>
    /// <returns>A task that completes when the bytes are ready.</returns>
    public async ValueTask FillAsync(long minBytes, CancellationToken cancellationToken)
    {
        while (!completed && Ready < minBytes)
        {
            if (channel.Reader.TryRead(out Chunk chunk))
            {
                ready.Enqueue(chunk);
                readyBytes += chunk.Length;
            }
            else if (!await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                End();
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }

        while (current.Length == offset)
        {
            if (!NextChunk())
            {
                return 0;
            }
        }

        int n = Math.Min(destination.Length, current.Length - offset);
        current.Buffer.AsSpan(offset, n).CopyTo(destination);
        offset += n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (current.Length == offset && ready.Count == 0)
        {
            await FillAsync(1, cancellationToken).ConfigureAwait(false);
        }

        return Read(destination.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false); // never faults: failures go into the channel
            Release();
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            stop.Cancel();
            producer.GetAwaiter().GetResult();
            Release();
        }

        base.Dispose(disposing);
    }

    /// <summary>Moves to the next chunk, waiting for the producer when none is ready; false at the end of the input.</summary>
    private bool NextChunk()
    {
        Return(current);
        current = new Chunk([], 0);
        offset = 0;
        if (ready.TryDequeue(out Chunk next))
        {
            readyBytes -= next.Length;
            current = next;
            return true;
        }

        if (!completed && channel.Reader.TryRead(out next))
        {
            current = next;
            return true;
        }

        if (completed)
        {
            return false;
        }

        // Nothing was read ahead (FillAsync keeps this rare): wait for the producer on this thread.
        if (!channel.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            End();
        }

        return !completed || ready.Count > 0;
    }

    /// <summary>The producer has finished: rethrows its failure, if any.</summary>
    private void End()
    {
        completed = true;
        if (channel.Reader.Completion.Exception?.InnerException is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private async Task ProduceAsync()
    {
        try
        {
            while (true)
            {
                byte[] buffer = ArrayPool<byte>.Shared.Rent(chunkSize);
                int filled = 0;
                Exception? failure = null;
                try
                {
                    int n;
                    while (filled < buffer.Length && (n = await inner.ReadAsync(buffer.AsMemory(filled), stop.Token).ConfigureAwait(false)) > 0)
                    {
                        filled += n;
                    }
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    failure = ex; // handed out after the bytes read before it
                }

                if (filled == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
                else
                {
                    try
                    {
                        await channel.Writer.WriteAsync(new Chunk(buffer, filled), stop.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        throw;
                    }
                }

                if (failure is not null)
                {
                    channel.Writer.Complete(failure);
                    return;
                }

                if (filled == 0)
                {
                    break;
                }
            }

            channel.Writer.Complete();
        }
        catch (Exception ex)
        {
            channel.Writer.Complete(ex); // stopped by disposal, or the inner stream failed while being stopped
        }
    }

    private void Release()
    {
        disposed = true;
        Return(current);
        current = new Chunk([], 0);
        while (ready.TryDequeue(out Chunk chunk))
        {
            Return(chunk);
        }

        while (channel.Reader.TryRead(out Chunk chunk))
        {
            Return(chunk);
        }

        stop.Dispose();
    }

    private static void Return(Chunk chunk)
    {
        if (chunk.Buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }
    }

    private readonly record struct Chunk(byte[] Buffer, int Length);
}

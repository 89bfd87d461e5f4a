using HealthTwin.Import.Reading;

namespace HealthTwin.Import.Tests.Reading;

public sealed class ReadAheadStreamTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(4096, 2)]
    public async Task Read_SyncAndAsyncWithFills_GivesTheInputInOrder(int readSize, int chunkSize)
    {
        byte[] input = [.. Enumerable.Range(0, 50_000).Select(i => (byte)(i * 31))];
        await using var ahead = new ReadAheadStream(new MemoryStream(input), chunkSize * 1024, depth: 2);
        using var output = new MemoryStream();
        byte[] buffer = new byte[readSize];
        bool sync = false;
        while (true)
        {
            if (ahead.Ready < 2048)
            {
                await ahead.FillAsync(2048, CancellationToken.None);
            }

            int read = (sync = !sync) ? ahead.Read(buffer) : await ahead.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            output.Write(buffer, 0, read);
        }

        output.ToArray().Should().Equal(input);
        ahead.Ready.Should().Be(0);
    }

    [Fact]
    public async Task Read_ProducerFails_TheConsumerGetsTheSameExceptionAfterTheDataBeforeIt()
    {
        await using var ahead = new ReadAheadStream(new FailingStream(3000), 1024, depth: 4);
        byte[] buffer = new byte[100];
        int total = 0;

        Func<Task> act = async () =>
        {
            int read;
            while ((read = ahead.Read(buffer)) > 0)
            {
                total += read;
            }
        };

        (await act.Should().ThrowAsync<InvalidDataException>()).WithMessage("truncated deflate data");
        total.Should().Be(3000, "every byte read before the failure is handed out first");
    }

    [Fact]
    public async Task FillAsync_ProducerFails_ThrowsTheProducersException()
    {
        await using var ahead = new ReadAheadStream(new FailingStream(0), 1024, depth: 4);

        Func<Task> act = () => ahead.FillAsync(1, CancellationToken.None).AsTask();

        await act.Should().ThrowAsync<InvalidDataException>();
    }

    [Fact]
    public async Task DisposeAsync_WhileTheProducerWaitsForRoom_StopsItWithoutReadingToTheEnd()
    {
        var endless = new EndlessStream();
        var ahead = new ReadAheadStream(endless, 1024, depth: 2);
        await ahead.FillAsync(1, CancellationToken.None);

        await ahead.DisposeAsync();
        long readAtDispose = endless.BytesRead;
        await Task.Delay(50);

        endless.BytesRead.Should().Be(readAtDispose, "the producer has stopped");
        readAtDispose.Should().BeLessThan(16 * 1024, "at most the chunks the channel holds were read ahead");
    }

    [Fact]
    public async Task FillAsync_Cancelled_ThrowsOperationCanceled()
    {
        await using var ahead = new ReadAheadStream(new StallingStream(), 1024, depth: 2);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Func<Task> act = () => ahead.FillAsync(1, cts.Token).AsTask();

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    /// <summary>Gives <c>n</c> bytes, then fails as a truncated zip entry does.</summary>
    private sealed class FailingStream(int bytes) : MemoryStream(new byte[bytes])
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position == Length ? ValueTask.FromException<int>(new InvalidDataException("truncated deflate data")) : base.ReadAsync(buffer, cancellationToken);
    }

    private sealed class EndlessStream : Stream
    {
        private long read;

        public long BytesRead => Interlocked.Read(ref read);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Interlocked.Add(ref read, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A read that never completes until cancelled.</summary>
    private sealed class StallingStream : MemoryStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }
}

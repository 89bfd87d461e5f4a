using System.Buffers;

namespace HealthTwin.Import.AppleHealth;

/// <summary>
/// A forward-only pre-filter between an Apple Health <c>export.xml</c> and the <see cref="System.Xml.XmlReader"/>
/// that parses it. Real exports are 0.5–5 GB, and 80–90 % of their bytes are records the importer does not read
/// (heart-rate samples, energy, distance, their metadata). A vectorised scan finds each element's start and, for a
/// <c>Record</c>, its <c>type</c>; only the start tags of the record types read (and of <c>Workout</c> and
/// <c>ActivitySummary</c>) are passed on, made self-closing. Everything before and including the root start tag and
/// from the root end tag on passes verbatim. Each dropped region is replaced by its line breaks, so the XmlReader
/// reports the original line numbers, and a truncated or malformed passed-on part still fails in the XmlReader.
/// </summary>
internal sealed class AppleExportFilterStream : Stream
{
    private const int BufferSize = 1 << 20;
    private const int MaxElementBytes = 16 << 20;

    private static readonly byte[][] ReadTypes =
    [
        "HKQuantityTypeIdentifierStepCount"u8.ToArray(),
        "HKQuantityTypeIdentifierHeartRateVariabilitySDNN"u8.ToArray(),
        "HKQuantityTypeIdentifierRestingHeartRate"u8.ToArray(),
        "HKQuantityTypeIdentifierAppleExerciseTime"u8.ToArray(),
        "HKCategoryTypeIdentifierSleepAnalysis"u8.ToArray(),
    ];

    private readonly Stream inner;
    private readonly string fileName;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int pos, end;
    private bool eof;
    private Phase phase = Phase.Prolog;

    // What is ready to hand out: a run of line breaks, then a slice of the buffer, then an optional "/>".
    private int pendingNewlines;
    private int outStart, outLength;
    private bool outSelfClose;
    private int afterNewlines;

    public AppleExportFilterStream(Stream inner, string fileName)
    {
        this.inner = inner;
        this.fileName = fileName;
    }

    private enum Step
    {
        Produced,
        NeedInput,
        End,
    }

    private enum Phase
    {
        Prolog,
        Body,
        Tail,
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        int written = 0;
        while (true)
        {
            written += Drain(destination[written..]);
            if (written == destination.Length)
            {
                return written;
            }

            Step step = Produce();
            if (step == Step.End || (step == Step.NeedInput && written > 0))
            {
                return written;
            }

            if (step == Step.NeedInput)
            {
                Compact();
                Filled(inner.Read(buffer.AsSpan(end)));
            }
        }
    }

    public override ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default) => ReadCore(destination, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }

        base.Dispose(disposing);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static bool StartsElement(ReadOnlySpan<byte> span, ReadOnlySpan<byte> name) =>
        span.Length > name.Length && span.StartsWith(name) && (IsSpace(span[name.Length]) || span[name.Length] is (byte)'>' or (byte)'/');

    private static bool IsReadType(ReadOnlySpan<byte> tag)
    {
        int at = 0;
        while (true)
        {
            int i = tag[at..].IndexOf("type=\""u8);
            if (i < 0)
            {
                return false;
            }

            i += at;
            if (i > 0 && IsSpace(tag[i - 1]))
            {
                ReadOnlySpan<byte> value = tag[(i + 6)..];
                int close = value.IndexOf((byte)'"');
                if (close < 0)
                {
                    return false;
                }

                value = value[..close];
                foreach (byte[] type in ReadTypes)
                {
                    if (value.SequenceEqual(type))
                    {
                        return true;
                    }
                }

                return false;
            }

            at = i + 6;
        }
    }

    private async ValueTask<int> ReadCore(Memory<byte> destination, CancellationToken cancellationToken)
    {
        int written = 0;
        while (true)
        {
            written += Drain(destination.Span[written..]);
            if (written == destination.Length)
            {
                return written;
            }

            Step step = Produce();
            if (step == Step.End || (step == Step.NeedInput && written > 0))
            {
                return written;
            }

            if (step == Step.NeedInput)
            {
                Compact();
                Filled(await inner.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false));
            }
        }
    }

    /// <summary>Copies what is pending into the destination.</summary>
    private int Drain(Span<byte> destination)
    {
        int written = 0;
        while (pendingNewlines > 0 && written < destination.Length)
        {
            int n = Math.Min(pendingNewlines, destination.Length - written);
            destination.Slice(written, n).Fill((byte)'\n');
            written += n;
            pendingNewlines -= n;
        }

        if (outLength > 0 && written < destination.Length)
        {
            int n = Math.Min(outLength, destination.Length - written);
            buffer.AsSpan(outStart, n).CopyTo(destination[written..]);
            written += n;
            outStart += n;
            outLength -= n;
        }

        if (outLength == 0 && outSelfClose && written + 2 <= destination.Length)
        {
            "/>"u8.CopyTo(destination[written..]);
            written += 2;
            outSelfClose = false;
        }

        if (outLength == 0 && !outSelfClose && afterNewlines > 0)
        {
            pendingNewlines += afterNewlines;
            afterNewlines = 0;
            if (written < destination.Length)
            {
                written += Drain(destination[written..]);
            }
        }

        return written;
    }

    /// <summary>Makes the next piece of output pending, or says that more input is needed or the input has ended.</summary>
    private Step Produce()
    {
        {
            ReadOnlySpan<byte> data = buffer.AsSpan(pos, end - pos);
            switch (phase)
            {
                case Phase.Tail:
                    if (data.Length > 0)
                    {
                        Emit(pos, data.Length);
                        pos = end;
                        return Step.Produced;
                    }

                    break;
                case Phase.Prolog:
                    {
                        int root = data.IndexOf("<HealthData"u8);
                        int close = root < 0 ? -1 : data[root..].IndexOf((byte)'>');
                        if (close >= 0)
                        {
                            Emit(pos, root + close + 1);
                            pos += root + close + 1;
                            phase = Phase.Body;
                            return Step.Produced;
                        }

                        // Pass the prolog on, keeping a tail in case "<HealthData ...>" is cut by the buffer's end.
                        int safe = eof ? data.Length : Math.Max(0, data.Length - 4096);
                        if (safe > 0 && (eof || root < 0))
                        {
                            Emit(pos, safe);
                            pos += safe;
                            return Step.Produced;
                        }

                        break;
                    }

                default:
                    if (FilterNext(data))
                    {
                        return Step.Produced;
                    }

                    break;
            }

            if (eof)
            {
                if (end > pos)
                {
                    Emit(pos, end - pos);
                    pos = end;
                    return Step.Produced;
                }

                return Step.End;
            }

            return Step.NeedInput;
        }
    }

    /// <summary>Filters the next element of the body; false when more input is needed.</summary>
    private bool FilterNext(ReadOnlySpan<byte> data)
    {
        int lt = data.IndexOf((byte)'<');
        if (lt < 0)
        {
            pendingNewlines += data.Count((byte)'\n');
            pos = end;
            return pendingNewlines > 0;
        }

        ReadOnlySpan<byte> rest = data[lt..];
        if (rest.StartsWith("</HealthData"u8))
        {
            pendingNewlines += data[..lt].Count((byte)'\n');
            pos += lt;
            phase = Phase.Tail;
            return true;
        }

        if (rest.StartsWith("<!--"u8))
        {
            int close = rest.IndexOf("-->"u8);
            if (close < 0)
            {
                return false;
            }

            pendingNewlines += data[..(lt + close + 3)].Count((byte)'\n');
            pos += lt + close + 3;
            return true;
        }

        int next = rest.Length > 1 ? rest[1..].IndexOf((byte)'<') : -1;
        if (next < 0 && !eof)
        {
            return false;
        }

        ReadOnlySpan<byte> element = next < 0 ? rest : rest[..(next + 1)];
        bool keep = StartsElement(rest, "<Workout"u8) || StartsElement(rest, "<ActivitySummary"u8)
            || (StartsElement(rest, "<Record"u8) && IsReadType(element));
        int gt = element.LastIndexOf((byte)'>');
        pendingNewlines += data[..lt].Count((byte)'\n');
        if (keep || gt < 0)
        {
            // Kept start tags pass on made self-closing; anything malformed passes verbatim so the XmlReader reports it at its line.
            int length = gt < 0 ? element.Length : gt + 1;
            bool selfClosed = gt > 0 && element[gt - 1] == (byte)'/';
            if (keep && gt >= 0 && !selfClosed)
            {
                Emit(pos + lt, gt);
                outSelfClose = true;
            }
            else
            {
                Emit(pos + lt, length);
            }

            afterNewlines = element[length..].Count((byte)'\n');
        }
        else
        {
            pendingNewlines += element.Count((byte)'\n');
        }

        pos += lt + element.Length;
        return true;
    }

    private void Emit(int start, int length)
    {
        outStart = start;
        outLength = length;
    }

    /// <summary>Moves the unread input to the front, or grows the buffer for a huge element (called when nothing is pending).</summary>
    private void Compact()
    {
        int kept = end - pos;
        if (pos > 0)
        {
            Buffer.BlockCopy(buffer, pos, buffer, 0, kept);
            pos = 0;
            end = kept;
        }

        if (end == buffer.Length)
        {
            if (buffer.Length >= MaxElementBytes)
            {
                throw new WearableImportException(fileName, null, null, $"an element is larger than {MaxElementBytes} bytes; the file is not a well-formed Apple Health export.");
            }

            byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            Buffer.BlockCopy(buffer, 0, larger, 0, end);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
    }

    private void Filled(int count)
    {
        eof = count == 0;
        end += count;
    }
}

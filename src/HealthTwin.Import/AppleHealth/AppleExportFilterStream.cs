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
/// <para>
/// The scan costs a vectorised search per element, plus a type comparison per <c>Record</c>: dropped elements are
/// skipped without looking for their end, and the line breaks of a dropped run are counted once, in bulk.
/// <see cref="FillAsync"/> reads input ahead asynchronously, so that a synchronous <see cref="Read(Span{byte})"/>
/// (the XmlReader's) is served from memory; only a kept element larger than what was read ahead makes it wait for
/// the input synchronously.
/// </para>
/// </summary>
internal sealed class AppleExportFilterStream : Stream
{
    /// <summary>The default input buffer: 1 MiB.</summary>
    public const int DefaultBufferSize = 1 << 20;

    private const int MaxElementBytes = 16 << 20;

    /// <summary>Bytes needed after a '&lt;' to tell the element: "&lt;ActivitySummary" and the character after it.</summary>
    private const int LongestName = 17;

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
    private byte[] buffer;
    private int pos, end;
    private bool eof;
    private Phase phase = Phase.Prolog;

    // What is ready to hand out, in this order: a run of line breaks, a slice of the buffer, the rest of "/>".
    private int pendingNewlines;
    private int outStart, outLength;
    private int selfCloseLeft;

    /// <summary>Creates the filter.</summary>
    /// <param name="inner">The export.xml (read forward only, not closed).</param>
    /// <param name="fileName">The file's name, for errors.</param>
    /// <param name="bufferSize">The input buffer (grows for an element larger than it, up to 16 MiB).</param>
    public AppleExportFilterStream(Stream inner, string fileName, int bufferSize = DefaultBufferSize)
    {
        this.inner = inner;
        this.fileName = fileName;
        buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
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

    /// <summary>Input bytes read ahead and not yet filtered.</summary>
    public int Buffered => end - pos;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>
    /// Reads input ahead until at least <paramref name="minBytes"/> unread bytes are buffered (at most the buffer's
    /// size) or the input has ended, so that the synchronous reads that follow need no I/O.
    /// </summary>
    /// <param name="minBytes">How much input to have ready.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task that completes when the input is buffered.</returns>
    public async ValueTask FillAsync(int minBytes, CancellationToken cancellationToken)
    {
        while (!eof && end - pos < minBytes)
        {
            Compact(grow: false);
            if (end == buffer.Length)
            {
                return;
            }

            Filled(await inner.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false));
        }
    }

    public override int Read(Span<byte> destination)
    {
        int written = 0;
        while (true)
        {
            // Drain stops only when the destination is full or nothing is pending.
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
                Compact(grow: true);
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
                Compact(grow: true);
                Filled(await inner.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false));
            }
        }
    }

    /// <summary>Copies what is pending into the destination; stops only when the destination is full or nothing is left.</summary>
    private int Drain(Span<byte> destination)
    {
        int written = 0;
        if (pendingNewlines > 0)
        {
            int n = Math.Min(pendingNewlines, destination.Length);
            destination[..n].Fill((byte)'\n');
            written = n;
            pendingNewlines -= n;
        }

        if (pendingNewlines == 0 && outLength > 0)
        {
            int n = Math.Min(outLength, destination.Length - written);
            buffer.AsSpan(outStart, n).CopyTo(destination[written..]);
            written += n;
            outStart += n;
            outLength -= n;
        }

        while (pendingNewlines == 0 && outLength == 0 && selfCloseLeft > 0 && written < destination.Length)
        {
            destination[written++] = selfCloseLeft == 2 ? (byte)'/' : (byte)'>';
            selfCloseLeft--;
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

    /// <summary>
    /// Skips dropped elements up to the next kept start tag (made pending) or the root end tag; false when more input
    /// is needed first.
    /// </summary>
    private bool FilterNext(ReadOnlySpan<byte> data)
    {
        int at = 0;
        while (true)
        {
            int found = data[at..].IndexOf((byte)'<');
            if (found < 0)
            {
                return Drop(data, data.Length);
            }

            int lt = at + found;
            ReadOnlySpan<byte> rest = data[lt..];
            if (rest.Length < LongestName && !eof)
            {
                return Drop(data, lt);
            }

            if (rest.StartsWith("</HealthData"u8))
            {
                Drop(data, lt);
                phase = Phase.Tail;
                return true;
            }

            if (rest.StartsWith("<!--"u8) || rest.StartsWith("<![CDATA["u8))
            {
                // A comment or CDATA section may hold '<': skip it whole.
                int close = rest[1] == (byte)'!' && rest[2] == (byte)'-' ? rest.IndexOf("-->"u8) : rest.IndexOf("]]>"u8);
                if (close < 0)
                {
                    return eof ? Pass(data, lt, rest.Length) : Drop(data, lt);
                }

                at = lt + close + 3;
                continue;
            }

            bool record = StartsElement(rest, "<Record"u8);
            if (!record && !StartsElement(rest, "<Workout"u8) && !StartsElement(rest, "<ActivitySummary"u8))
            {
                at = lt + 1;
                continue;
            }

            // Attribute values cannot hold '<', so the element runs to the next '<' and its start tag to the last '>' before it.
            int next = rest[1..].IndexOf((byte)'<');
            if (next < 0 && !eof)
            {
                return Drop(data, lt);
            }

            ReadOnlySpan<byte> element = next < 0 ? rest : rest[..(next + 1)];
            if (record && !IsReadType(element))
            {
                at = lt + element.Length;
                continue;
            }

            int gt = element.LastIndexOf((byte)'>');
            if (gt < 0)
            {
                return Pass(data, lt, element.Length); // malformed: passed verbatim so the XmlReader reports it at its line
            }

            Drop(data, lt);
            if (element[gt - 1] == (byte)'/')
            {
                Emit(pos, gt + 1);
            }
            else
            {
                Emit(pos, gt);
                selfCloseLeft = 2;
            }

            pos += gt + 1;
            return true;
        }
    }

    /// <summary>Drops the first <paramref name="count"/> bytes, keeping only their line breaks; true when that gives output.</summary>
    private bool Drop(ReadOnlySpan<byte> data, int count)
    {
        pendingNewlines += data[..count].Count((byte)'\n');
        pos += count;
        return pendingNewlines > 0;
    }

    /// <summary>Passes bytes from <paramref name="start"/> on verbatim, after the line breaks of what comes before them.</summary>
    private bool Pass(ReadOnlySpan<byte> data, int start, int length)
    {
        Drop(data, start);
        Emit(pos, length);
        pos += length;
        return true;
    }

    private void Emit(int start, int length)
    {
        outStart = start;
        outLength = length;
    }

    /// <summary>
    /// Moves what is still needed (pending output and unread input) to the front, and with <paramref name="grow"/>
    /// doubles a full buffer for an element larger than it.
    /// </summary>
    private void Compact(bool grow)
    {
        int from = outLength > 0 ? Math.Min(outStart, pos) : pos;
        if (from > 0)
        {
            Buffer.BlockCopy(buffer, from, buffer, 0, end - from);
            pos -= from;
            end -= from;
            outStart = outLength > 0 ? outStart - from : 0;
        }

        if (grow && end == buffer.Length)
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

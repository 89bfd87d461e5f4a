using System.Text;
using HealthTwin.Import.AppleHealth;
using HealthTwin.Import.Tests.Support;

namespace HealthTwin.Import.Tests.AppleHealth;

public sealed class AppleExportFilterStreamTests
{
    [Theory]
    [InlineData(1, 1 << 20)]      // one byte per read: a tag's "/>" is handed out across reads
    [InlineData(7, 1 << 20)]
    [InlineData(4096, 64)]        // a 64-byte input buffer that has to grow for every tag and move pending output
    [InlineData(4096, 1 << 20)]
    public async Task Read_AnyReadSizeAndBufferSize_SameOutput(int readSize, int bufferSize)
    {
        byte[] export = Sample.Bytes(Sample.AppleIpyhealth);
        string expected = await FilterAsync(export, 1 << 16, 1 << 20, sync: false);

        string sync = await FilterAsync(export, readSize, bufferSize, sync: true);
        string async = await FilterAsync(export, readSize, bufferSize, sync: false);

        sync.Should().Be(expected);
        async.Should().Be(expected);
    }

    [Fact]
    public async Task Read_IpyhealthExport_KeepsOnlyTheReadRecordsOnTheirOriginalLines()
    {
        string[] input = Sample.Text(Sample.AppleIpyhealth).Split('\n');

        string[] output = (await FilterAsync(Sample.Bytes(Sample.AppleIpyhealth), 1 << 16, 1 << 20, sync: false)).Split('\n');

        output.Should().HaveSameCount(input, "every dropped line break is kept, so the XmlReader reports input line numbers");
        string[] kept = [.. output.Where(l => l.Contains("<Record", StringComparison.Ordinal))];
        kept.Should().NotBeEmpty().And.OnlyContain(l =>
            l.Contains("StepCount", StringComparison.Ordinal) || l.Contains("HeartRateVariabilitySDNN", StringComparison.Ordinal)
            || l.Contains("AppleExerciseTime", StringComparison.Ordinal) || l.Contains("RestingHeartRate", StringComparison.Ordinal)
            || l.Contains("SleepAnalysis", StringComparison.Ordinal));
        for (int line = 0; line < output.Length; line++)
        {
            string tag = output[line].Trim();
            if (tag.StartsWith("<Record", StringComparison.Ordinal) || tag.StartsWith("<Workout", StringComparison.Ordinal) || tag.StartsWith("<ActivitySummary", StringComparison.Ordinal))
            {
                input[line].Should().Contain(tag.EndsWith("/>", StringComparison.Ordinal) ? tag[..^2].TrimEnd('/') : tag, $"line {line + 1} keeps its tag");
            }
        }

        output.Should().Contain(l => l.Contains("<Workout", StringComparison.Ordinal)).And.Contain(l => l.Contains("<ActivitySummary", StringComparison.Ordinal));
        output.Should().NotContain(l => l.Contains("HKQuantityTypeIdentifierHeartRate\"", StringComparison.Ordinal), "heart-rate samples are dropped");
    }

    [Fact]
    public async Task Read_RecordInsideACommentOrCdata_IsDropped()
    {
        string xml = "<?xml version=\"1.0\"?>\n<HealthData locale=\"en\">\n<!-- <Record type=\"HKQuantityTypeIdentifierStepCount\" value=\"1\"/> -->\n"
            + "<Note><![CDATA[<Record type=\"HKQuantityTypeIdentifierStepCount\" value=\"2\"/>]]></Note>\n"
            + "<Record type=\"HKQuantityTypeIdentifierStepCount\" value=\"3\">\n <MetadataEntry key=\"k\" value=\"v\"/>\n</Record>\n</HealthData>\n";

        string output = await FilterAsync(Encoding.UTF8.GetBytes(xml), 5, 32, sync: false);

        output.Should().Be("<?xml version=\"1.0\"?>\n<HealthData locale=\"en\">\n\n\n<Record type=\"HKQuantityTypeIdentifierStepCount\" value=\"3\"/>\n\n\n</HealthData>\n");
    }

    [Fact]
    public async Task FillAsync_ThenSynchronousReads_NeedNoMoreInput()
    {
        byte[] export = Sample.Bytes(Sample.AppleIpyhealth);
        var counting = new CountingStream(export);
        await using var filter = new AppleExportFilterStream(counting, "export.xml");

        await filter.FillAsync(export.Length, CancellationToken.None);
        int asyncReads = counting.AsyncReads;
        byte[] buffer = new byte[4096];
        while (filter.Read(buffer) > 0)
        {
        }

        asyncReads.Should().BePositive();
        counting.SyncReads.Should().BeLessThanOrEqualTo(1, "at most the read that sees the end of the input");
        filter.Buffered.Should().Be(0);
    }

    private static async Task<string> FilterAsync(byte[] input, int readSize, int bufferSize, bool sync)
    {
        await using var filter = new AppleExportFilterStream(new MemoryStream(input), "export.xml", bufferSize);
        using var output = new MemoryStream();
        byte[] buffer = new byte[readSize];
        while (true)
        {
            int read = sync ? filter.Read(buffer, 0, buffer.Length) : await filter.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            output.Write(buffer, 0, read);
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    private sealed class CountingStream(byte[] data) : MemoryStream(data)
    {
        public int SyncReads { get; private set; }

        public int AsyncReads { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            SyncReads++;
            return base.Read(buffer);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            AsyncReads++;
            return base.ReadAsync(buffer, cancellationToken);
        }
    }
}

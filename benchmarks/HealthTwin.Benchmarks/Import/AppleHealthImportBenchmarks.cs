using BenchmarkDotNet.Attributes;
using HealthTwin.Import;
using HealthTwin.Import.AppleHealth;

namespace HealthTwin.Benchmarks.Import;

/// <summary>
/// Streaming an Apple Health export.xml through the importer (XmlReader, per-day totals only). Throughput in MB/s is
/// the file size divided by the mean; the size is set by <c>HEALTHTWIN_APPLE_MB</c> (default 64 MB). Peak working
/// set is measured by the <c>apple-import</c> harness in a fresh process.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AppleHealthImportBenchmarks
{
    private string path = string.Empty;

    /// <summary>The file size in bytes.</summary>
    public long Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        long mb = long.TryParse(Environment.GetEnvironmentVariable("HEALTHTWIN_APPLE_MB"), out long v) ? v : 64;
        path = Path.Combine(Path.GetTempPath(), $"healthtwin-bench-export-{mb}mb.xml");
        if (!File.Exists(path) || new FileInfo(path).Length < mb * 1024 * 1024 * 0.99)
        {
            AppleHealthExportGenerator.Write(path, mb * 1024 * 1024);
        }

        Bytes = new FileInfo(path).Length;
        Console.WriteLine($"// export.xml: {Bytes / 1024.0 / 1024.0:0.0} MB");
    }

    [Benchmark]
    public async Task<int> ImportExportXml()
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var context = new WearableReadContext("export.xml", null);
        await new AppleHealthImporter().ReadAsync(stream, context, CancellationToken.None);
        return context.Days.Count;
    }
}

using System.Diagnostics;
using System.Globalization;
using HealthTwin.Import;
using HealthTwin.Import.AppleHealth;

namespace HealthTwin.Benchmarks.Import;

/// <summary>
/// <c>apple-generate PATH MB</c> writes a synthetic export.xml; <c>apple-import PATH</c> imports it once in this
/// (fresh) process and prints MB/s, days, and the process's peak working set (VmHWM), so the peak covers the whole
/// import and nothing else the process did before.
/// </summary>
internal static class AppleImportHarness
{
    public static int Generate(TextWriter output, string path, long mb)
    {
        var watch = Stopwatch.StartNew();
        long bytes = AppleHealthExportGenerator.Write(path, mb * 1024 * 1024);
        output.WriteLine($"wrote {path}: {bytes / 1024.0 / 1024.0:0.0} MB in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    public static async Task<int> ImportAsync(TextWriter output, string path)
    {
        long bytes = new FileInfo(path).Length;
        long before = PeakWorkingSet();
        var watch = Stopwatch.StartNew();
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var context = new WearableReadContext(Path.GetFileName(path), null);
        await new AppleHealthImporter().ReadAsync(stream, context, CancellationToken.None);
        watch.Stop();
        long peak = PeakWorkingSet();
        double mbps = bytes / 1024.0 / 1024.0 / watch.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{bytes / 1024.0 / 1024.0:0.0} MB in {watch.Elapsed.TotalSeconds:0.00} s = {mbps:0.0} MB/s; {context.Days.Count} days, {context.Skipped.Count} skipped; peak working set {peak / 1024.0 / 1024.0:0.0} MB (before import {before / 1024.0 / 1024.0:0.0} MB); GC heap {GC.GetTotalMemory(false) / 1024.0 / 1024.0:0.0} MB"));
        return 0;
    }

    /// <summary>VmHWM from /proc/self/status on Linux (the true peak resident set), else <see cref="Process.PeakWorkingSet64"/>.</summary>
    private static long PeakWorkingSet()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (string line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}

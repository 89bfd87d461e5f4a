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

    /// <summary>
    /// Imports the file once. Prints wall-clock MB/s and also MB per CPU-second of this process (all threads), which
    /// the other sessions sharing the machine's 2 cores disturb much less than the wall clock. With
    /// <c>--filter-only</c> it only drains <see cref="AppleExportFilterStream"/> (the pre-filter's share of the cost).
    /// </summary>
    public static async Task<int> ImportAsync(TextWriter output, string path, bool filterOnly = false)
    {
        long bytes = new FileInfo(path).Length;
        long before = PeakWorkingSet();
        using var self = Process.GetCurrentProcess();
        TimeSpan cpuBefore = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var context = new WearableReadContext(Path.GetFileName(path), null);
        long passed = 0;
        if (filterOnly)
        {
            await using var filter = new AppleExportFilterStream(stream, "export.xml");
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = await filter.ReadAsync(buffer)) > 0)
            {
                passed += read;
            }
        }
        else
        {
            await new AppleHealthImporter().ReadAsync(stream, context, CancellationToken.None);
        }

        watch.Stop();
        self.Refresh();
        double cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        long peak = PeakWorkingSet();
        double mb = bytes / 1024.0 / 1024.0;
        string what = filterOnly ? $"filter only: passed on {passed / 1024.0 / 1024.0:0.0} MB ({100.0 * passed / bytes:0.0} %)" : $"{context.Days.Count} days, {context.Skipped.Count} skipped";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mb:0.0} MB in {watch.Elapsed.TotalSeconds:0.00} s = {mb / watch.Elapsed.TotalSeconds:0.0} MB/s; CPU {cpu:0.00} s = {mb / cpu:0.0} MB per CPU-second; {what}; peak working set {peak / 1024.0 / 1024.0:0.0} MB (before import {before / 1024.0 / 1024.0:0.0} MB); GC heap {GC.GetTotalMemory(false) / 1024.0 / 1024.0:0.0} MB"));
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

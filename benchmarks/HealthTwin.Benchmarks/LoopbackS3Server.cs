using System.Diagnostics;
using System.Globalization;

namespace HealthTwin.Benchmarks;

/// <summary>
/// The repository's loopback S3 server (fauxqs through <c>eng/s3/serve.mjs</c> on the pinned Node 22, in memory, on a
/// free 127.0.0.1 port). It exits when its stdin closes, so a benchmark that dies leaves nothing behind.
/// </summary>
public sealed class LoopbackS3Server : IAsyncDisposable
{
    private readonly Process _process;

    private LoopbackS3Server(Process process, Uri serviceUrl)
    {
        _process = process;
        ServiceUrl = serviceUrl;
    }

    public Uri ServiceUrl { get; }

    /// <summary>The process id of the server (for reporting its CPU time).</summary>
    public Process Process => _process;

    public static async Task<LoopbackS3Server> StartAsync()
    {
        string root = RepositoryRoot();
        string node = Environment.GetEnvironmentVariable("HEALTHTWIN_S3_NODE") is { Length: > 0 } configured
            ? configured
            : await RunAsync("bash", Path.Combine(root, "eng", "s3", "install.sh"));
        var info = new ProcessStartInfo(node, Path.Combine(root, "eng", "s3", "serve.mjs"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["S3_PORT"] = "0";
        Process process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        const string Ready = "listening on http://127.0.0.1:";
        string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith(Ready, StringComparison.Ordinal))
        {
            string error = await process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"serve.mjs did not start: '{line}' {error}");
        }

        int port = int.Parse(line.AsSpan(Ready.Length), CultureInfo.InvariantCulture);
        return new LoopbackS3Server(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    /// <summary>The folder with HealthTwin.sln above the benchmark's binaries.</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HealthTwin.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HealthTwin.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<string> RunAsync(string file, string argument)
    {
        var info = new ProcessStartInfo(file, argument) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using Process process = Process.Start(info) ?? throw new InvalidOperationException(file + " did not start");
        string output = await process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"{argument} failed: {error}");
    }
}

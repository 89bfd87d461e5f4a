using System.Diagnostics;
using System.Text.Json;

namespace HealthTwin.Samples.WebApi.Tests.AppClient;

/// <summary>
/// Runs <c>eng/supabase/app-client.mjs</c> (the app's calls through the real, pinned <c>@supabase/supabase-js</c>) on
/// the pinned Node 22 against a host listening on loopback, and returns the JSON it prints. Node and the package come
/// from <c>HEALTHTWIN_S3_NODE</c> / <c>HEALTHTWIN_SUPABASE_CLIENT</c> (set by eng/test.sh), else from the install
/// scripts of the repository this assembly was built from.
/// </summary>
internal static class SupabaseAppClient
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static (string Node, string Folder)? _located;

    public static async Task<JsonElement> RunAsync(Uri hostUrl, string userToken, string anonKey, string script = "app-client.mjs")
    {
        (string node, string folder) = await LocateAsync();
        var info = new ProcessStartInfo(node)
        {
            ArgumentList = { Path.Combine(folder, script) },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["HEALTHTWIN_URL"] = hostUrl.AbsoluteUri.TrimEnd('/'),
                ["HEALTHTWIN_TOKEN"] = userToken,
                ["HEALTHTWIN_ANON_KEY"] = anonKey,
                ["NODE_OPTIONS"] = string.Empty,
                ["NO_PROXY"] = "127.0.0.1,localhost",
            },
        };
        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {node}.");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within 2 minutes; stderr: {await stderr}");
        }

        string output = await stdout;
        process.ExitCode.Should().Be(0, $"{script} must exit 0; stderr: {await stderr}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static async Task<(string Node, string Folder)> LocateAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (_located is { } known)
            {
                return known;
            }

            string? node = Environment.GetEnvironmentVariable("HEALTHTWIN_S3_NODE");
            string? folder = Environment.GetEnvironmentVariable("HEALTHTWIN_SUPABASE_CLIENT");
            if (!File.Exists(node) || !Directory.Exists(folder))
            {
                string root = FindRepositoryRoot();
                node = (await RunAsync("bash", Path.Combine(root, "eng", "s3", "install.sh"))).Trim();
                folder = (await RunAsync("bash", Path.Combine(root, "eng", "supabase", "install.sh"))).Trim();
            }

            _located = (node!, folder!);
            return _located.Value;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HealthTwin.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"HealthTwin.sln not found above {AppContext.BaseDirectory}; set HEALTHTWIN_S3_NODE and HEALTHTWIN_SUPABASE_CLIENT.");
    }

    private static async Task<string> RunAsync(string program, string script)
    {
        var info = new ProcessStartInfo(program) { ArgumentList = { script }, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"Could not run {program}.");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {await stderr}");
        }

        return stdout;
    }
}

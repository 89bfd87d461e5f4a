using System.Diagnostics;
using System.Text;

namespace HealthTwin.Packaging.Tests;

/// <summary>
/// Packs HealthTwin.Agents and HealthTwin.Aws once (a unique pre-release version, so a package cache never serves a
/// stale build) into a temp feed, and runs the .NET CLI for the consumer apps. Restores go to a private packages
/// folder with the machine's cache as fallback, so the packed versions never enter the shared cache.
/// </summary>
public sealed class PackedPackagesFixture : IAsyncLifetime
{
    public string RepositoryRoot { get; } = FindRoot();

    public string WorkFolder { get; } = Directory.CreateTempSubdirectory("healthtwin-packaging-").FullName;

    public string Feed => Path.Combine(WorkFolder, "feed");

    public string Version { get; } = "0.1.0-consumer." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        foreach (string project in new[] { "src/HealthTwin.Agents/HealthTwin.Agents.csproj", "src/HealthTwin.Aws/HealthTwin.Aws.csproj" })
        {
            CliResult pack = await DotnetAsync(RepositoryRoot, "pack", Path.Combine(RepositoryRoot, project), "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nologo");
            pack.ExitCode.Should().Be(0, pack.Output);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(WorkFolder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Writes a consumer project from the template folder <paramref name="template"/> with the feed and version filled in.</summary>
    public string CreateConsumer(string name, string template, IReadOnlyDictionary<string, string>? extraFiles = null)
    {
        string folder = Path.Combine(WorkFolder, name);
        Directory.CreateDirectory(folder);
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Consumers", template)))
        {
            string text = File.ReadAllText(file)
                .Replace("$HEALTHTWIN_VERSION$", Version, StringComparison.Ordinal)
                .Replace("$HEALTHTWIN_FEED$", Feed, StringComparison.Ordinal)
                .Replace("$HEALTHTWIN_PACKAGES$", Path.Combine(WorkFolder, "packages"), StringComparison.Ordinal)
                .Replace("$MACHINE_PACKAGES$", MachinePackages(), StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(file).Replace(".template", string.Empty, StringComparison.Ordinal)), text);
        }

        foreach ((string file, string text) in extraFiles ?? new Dictionary<string, string>())
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }

        return folder;
    }

    public static async Task<CliResult> RunAsync(string fileName, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["MSBuildSDKsPath"] = null;
        start.Environment["MSBUILD_EXE_PATH"] = null;
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(timeout.Token);
        output.Append(await stdout).Append(await stderr);
        return new CliResult(process.ExitCode, output.ToString());
    }

    public static Task<CliResult> DotnetAsync(string workingDirectory, params string[] args) => RunAsync("dotnet", workingDirectory, args);

    private static string MachinePackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HealthTwin.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HealthTwin.sln was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The exit code and the combined output of a CLI run.</summary>
public sealed record CliResult(int ExitCode, string Output);

using System.Globalization;
using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Serialization;
using HealthTwin.Import;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthTwin.Samples.Console;

/// <summary>
/// <c>import PATH... [--format F] [--time-zone Z]</c>: reads wearable exports, writes the merged days as a JSON array
/// in the app's <c>DailyMetrics</c> shape to standard output and the import summary to standard error, so
/// <c>import export.zip &gt; days.json</c> then <c>--input days.json</c> works.
/// </summary>
internal static class ImportCommand
{
    public const string Usage = """
        Usage: dotnet run --project samples/HealthTwin.Samples.Console -- import PATH... [--format F] [--time-zone Z]
          PATH                an export file: Apple Health export.zip/export.xml, Oura trends CSV or API JSON, WHOOP CSVs or
                              API JSON (or their zip), Garmin Connect JSON, Fitbit JSON, Open mHealth JSON, FHIR R4 JSON
          --format <f>        read every file as this format instead of detecting it: apple-health, oura-csv, oura-api,
                              whoop-csv, whoop-api, garmin, fitbit, open-mhealth, fhir
          --time-zone <zone>  the user's IANA time zone for dating records (default: each record's own UTC offset)
        The days go to standard output as a JSON array; the summary goes to standard error.
        """;

    private const int MaxSkippedShown = 20;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        List<string> paths = [];
        WearableFormat? format = null;
        string? zone = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--format" when i + 1 < args.Length:
                    format = ParseFormat(args[++i]);
                    if (format is null)
                    {
                        await error.WriteLineAsync($"--format '{args[i]}' is unknown.");
                        await error.WriteLineAsync(Usage);
                        return ConsoleApp.InputError;
                    }

                    break;
                case "--time-zone" when i + 1 < args.Length:
                    zone = args[++i];
                    break;
                case "--help" or "-h":
                    await error.WriteLineAsync(Usage);
                    return 0;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        await error.WriteLineAsync($"'{args[i]}' is not an import option (or its value is missing).");
                        await error.WriteLineAsync(Usage);
                        return ConsoleApp.InputError;
                    }

                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count == 0)
        {
            await error.WriteLineAsync("import needs at least one file.");
            await error.WriteLineAsync(Usage);
            return ConsoleApp.InputError;
        }

        foreach (string path in paths.Where(p => !File.Exists(p)))
        {
            await error.WriteLineAsync($"{path}: no such file.");
            return ConsoleApp.InputError;
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
        IConfiguration configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        services.AddHealthTwin().AddWearableImport(configuration.GetSection("HealthTwin:Import")).AddFhirImport();
        await using ServiceProvider provider = services.BuildServiceProvider();

        WearableImportResult result;
        try
        {
            result = await provider.GetRequiredService<WearableImporter>().ImportAsync(
                paths.Select(WearableFile.FromPath), new WearableImportRequest { Format = format, TimeZone = zone }, cancellationToken);
        }
        catch (Exception ex) when (ex is WearableImportException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(ex.Message);
            return ConsoleApp.InputError;
        }

        await WriteSummaryAsync(error, result);
        if (result.Days.Count == 0)
        {
            await error.WriteLineAsync("No day with any metric was found, so nothing was written.");
            return ConsoleApp.InputError;
        }

        await output.WriteLineAsync(JsonSerializer.Serialize([.. result.Days], HealthTwinJson.GetTypeInfo<DailyMetrics[]>()));
        return 0;
    }

    internal static WearableFormat? ParseFormat(string text) => text.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal) switch
    {
        "garmin" => WearableFormat.GarminConnect,
        "fhir" => WearableFormat.FhirR4,
        "omh" => WearableFormat.OpenMHealth,
        "apple" => WearableFormat.AppleHealth,
        var name => Enum.TryParse(name, ignoreCase: true, out WearableFormat f) && Enum.IsDefined(f) ? f : null,
    };

    private static async Task WriteSummaryAsync(TextWriter error, WearableImportResult result)
    {
        foreach (ImportedFileSummary file in result.Files)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{file.File}: {file.Format}, {file.Days} source days, {file.Skipped} records skipped"));
        }

        foreach (SkippedRecord skipped in result.Skipped.Take(MaxSkippedShown))
        {
            await error.WriteLineAsync("  skipped " + skipped);
        }

        if (result.Skipped.Count > MaxSkippedShown)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  … and {result.Skipped.Count - MaxSkippedShown} more skipped records"));
        }

        foreach (string note in result.Notes)
        {
            await error.WriteLineAsync("  note: " + note);
        }

        string range = result.Days.Count == 0 ? string.Empty
            : $" ({result.Days[0].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {result.Days[^1].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Imported {result.Days.Count} days{range} from {result.Files.Count} files; {result.Skipped.Count} records skipped."));
    }
}

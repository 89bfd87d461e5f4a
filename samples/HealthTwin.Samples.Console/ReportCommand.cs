using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Serialization;
using HealthTwin.Agents.Storage;
using HealthTwin.Agents.Synthetic;
using HealthTwin.Aws.Bedrock;
using HealthTwin.Reports;
using HealthTwin.Reports.Insights;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthTwin.Samples.Console;

/// <summary>
/// <c>report --month YYYY-MM | --year YYYY [--out FILE] [--html] [--insights]</c>: stores the scenario's (or the input
/// file's) days, makes the report (or, with <c>--insights</c>, the stand-alone AI insights document, which needs
/// <c>--bedrock</c>), stores it under the user's <c>reports/</c> and writes a copy to <c>--out</c> (default: the stored
/// file name in the current folder). With <c>--bedrock</c> the report's AI section carries Amazon Bedrock's narrative.
/// The other options (<c>--scenario</c>, <c>--input</c>, <c>--user</c>, <c>--s3</c>) mean what they mean for the
/// default command.
/// </summary>
internal static class ReportCommand
{
    public const string Name = "report";

    public const string Usage = """
        Usage: dotnet run --project samples/HealthTwin.Samples.Console -- report --month YYYY-MM | --year YYYY [options]
          --month YYYY-MM     a monthly report (stored as reports/monthly-YYYY-MM.pdf)
          --year YYYY         an annual report (stored as reports/annual-YYYY.pdf)
          --out <file>        where to write a copy (default: the stored file name in the current folder)
          --html              one self-contained HTML page instead of a PDF
          --insights          the AI insights document (reports/insights-monthly-YYYY-MM.pdf); needs --bedrock
          --bedrock           Amazon Bedrock writes the AI narrative (standard AWS configuration)
          --scenario, --input, --user, --s3   as for the default command
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ReportPeriod? period = null;
        string? outFile = null;
        bool html = false;
        bool insights = false;
        var rest = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--month":
                    string? month = Next();
                    if (month is null || month.Length != 7 || !ReportPeriod.TryParse(month, out period))
                    {
                        return await FailAsync(error, $"--month '{month}' is not a month; use YYYY-MM (for example 2025-01).");
                    }

                    break;
                case "--year":
                    string? year = Next();
                    if (year is null || year.Length != 4 || !ReportPeriod.TryParse(year, out period))
                    {
                        return await FailAsync(error, $"--year '{year}' is not a year; use YYYY (for example 2024).");
                    }

                    break;
                case "--out":
                    outFile = Next();
                    if (string.IsNullOrWhiteSpace(outFile))
                    {
                        return await FailAsync(error, "--out needs a file name.");
                    }

                    break;
                case "--html":
                    html = true;
                    break;
                case "--insights":
                    insights = true;
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        (ConsoleArguments? arguments, string? problem) = ConsoleArguments.Parse(rest);
        if (arguments is { Help: true })
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        if (period is null || arguments is null || !StorageKeys.IsValidUserId(arguments.UserId))
        {
            return await FailAsync(error, problem ?? (period is null ? "report needs --month YYYY-MM or --year YYYY." : $"--user '{arguments?.UserId}' is not a valid user id."));
        }

        if (insights && !arguments.Bedrock)
        {
            return await FailAsync(error, "--insights needs an AI provider: add --bedrock (Amazon Bedrock with the standard AWS configuration).");
        }

        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        // Warnings and errors on stderr, but no exception blocks: a failing model is reported in one sentence (or in the
        // report's AI section), so the chat pipeline's and the generator's own failure logs are left out here.
        builder.Logging.ClearProviders()
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None)
            .AddFilter("Microsoft.Hosting", LogLevel.None)
            .AddFilter("Microsoft.Extensions.AI", LogLevel.None)
            .AddFilter(typeof(HealthReportGenerator).FullName, LogLevel.Error);
        IHealthTwinBuilder healthTwin = builder.Services.AddHealthTwin(builder.Configuration.GetSection(HealthTwinOptions.SectionName));
        healthTwin.AddHealthReports(builder.Configuration.GetSection(HealthReportOptions.SectionName));
        AwsSwitches.Apply(arguments, healthTwin, builder.Configuration);
        if (arguments.Bedrock)
        {
            // The report's AI section (and the --insights document) through the Bedrock agents' keyed chat client.
            healthTwin.AddReportInsights(BedrockChatClient.ServiceKey, o => o.Name ??= "Amazon Bedrock");
            builder.Services.Configure<ReportInsightsOptions>(builder.Configuration.GetSection($"{HealthTwinOptions.SectionName}:{HealthReportOptions.SectionName}:{ReportInsightsOptions.SectionName}"));
        }

        using IHost host = builder.Build();
        try
        {
            (IReadOnlyList<DailyMetrics>? history, UserProfile profile) = await HistoryAsync(arguments, period, host.Services.GetRequiredService<TimeProvider>(), error, cancellationToken);
            if (history is null)
            {
                return ConsoleApp.InputError;
            }

            await host.StartAsync(cancellationToken);
            await host.Services.GetRequiredService<IMetricsStore>().SaveAsync(arguments.UserId, history, cancellationToken);
            HealthReportGenerator generator = host.Services.GetRequiredService<HealthReportGenerator>();
            ReportFormat format = html ? ReportFormat.Html : ReportFormat.Pdf;
            StoredHealthReport stored = insights
                ? await generator.GenerateInsightsAsync(arguments.UserId, period, profile, format, cancellationToken)
                : await generator.GenerateAsync(arguments.UserId, period, profile, format, cancellationToken);
            UserFileDownload? download = await host.Services.GetRequiredService<IUserFileStore>().DownloadAsync(arguments.UserId, UserFileCategory.Reports, stored.FileName, cancellationToken)
                ?? throw new HealthReportException($"The stored report {stored.Key} could not be read back.");
            string path = Path.GetFullPath(outFile ?? stored.FileName);
            await using (download)
            {
                await using FileStream file = File.Create(path);
                await download.Content.CopyToAsync(file, cancellationToken);
            }

            await output.WriteLineAsync($"Stored {stored.Key} ({stored.Size:N0} bytes){(stored.DownloadUrl is { } url ? $"; download: {url}" : string.Empty)}");
            await output.WriteLineAsync($"Wrote {path}");
            await host.StopAsync(cancellationToken);
            return 0;
        }
        catch (HealthReportException ex) when (ex.Failure is HealthReportFailure.InsightsUnavailable or HealthReportFailure.InsightsNotConfigured)
        {
            await error.WriteLineAsync(ex.Message);
            return ConsoleApp.ConfigurationError;
        }
        catch (HealthReportException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ConsoleApp.InputError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"The report could not be written: {ex.Message}");
            return ConsoleApp.InputError;
        }
        catch (Exception ex) when (AwsSwitches.DescribeConfigurationProblem(ex) is { } sentence)
        {
            await error.WriteLineAsync(sentence);
            return ConsoleApp.ConfigurationError;
        }
    }

    /// <summary>The input file's days, or the scenario's days up to the period's end (or today) with 90 days of look-back.</summary>
    private static async Task<(IReadOnlyList<DailyMetrics>? History, UserProfile Profile)> HistoryAsync(ConsoleArguments arguments, ReportPeriod period, TimeProvider clock, TextWriter error, CancellationToken cancellationToken)
    {
        if (arguments.InputFile is { } path)
        {
            try
            {
                await using FileStream stream = File.OpenRead(path);
                return (await HealthTwinJson.ReadMetricsAsync(stream, cancellationToken), new UserProfile());
            }
            catch (Exception ex) when (ex is HealthDataValidationException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"{path}: {ex.Message}");
                return (null, new UserProfile());
            }
        }

        DateOnly today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        DateOnly end = period.End < today ? period.End : today;
        if (end < period.Start)
        {
            await error.WriteLineAsync($"{period.Label} has not started yet; pick a period up to {today:yyyy-MM}.");
            return (null, new UserProfile());
        }

        int days = end.DayNumber - period.Start.DayNumber + 1 + 90;
        return (SyntheticHistory.Generate(arguments.Scenario, end, days), SyntheticHistory.RecommendedProfile(arguments.Scenario));
    }

    private static async Task<int> FailAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        await error.WriteLineAsync(Usage);
        return ConsoleApp.InputError;
    }
}

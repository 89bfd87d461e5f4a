using System.Text.Json;
using HealthTwin.Agents;
using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Serialization;
using HealthTwin.Agents.Storage;
using HealthTwin.Agents.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace HealthTwin.Samples.Console;

/// <summary>The console sample: builds or reads a history, stores it, analyses it and prints a report.</summary>
internal static class ConsoleApp
{
    /// <summary>Exit code for bad arguments or a bad input file.</summary>
    public const int InputError = 2;

    /// <summary>Exit code for a configuration problem (for example missing AWS credentials).</summary>
    public const int ConfigurationError = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length > 0 && args[0] == ReportCommand.Name)
        {
            return await ReportCommand.RunAsync(args[1..], output, error, cancellationToken);
        }

        (ConsoleArguments? arguments, string? problem) = ConsoleArguments.Parse(args);
        if (arguments is { Help: true })
        {
            await output.WriteLineAsync(ConsoleArguments.Usage);
            return 0;
        }

        if (arguments is null || !StorageKeys.IsValidUserId(arguments.UserId))
        {
            // One line: what is wrong and where to look; no usage block, no stack trace.
            await error.WriteLineAsync((problem ?? $"--user '{arguments?.UserId}' is not a valid user id (letters, digits, '-', '_', '.', '@').") + " Run with --help for the options.");
            return InputError;
        }

        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });

        // Warnings and errors on stderr; the host's own start-up failure block and the Bedrock fallback warnings are
        // left out: their configuration problems are reported below in one sentence.
        builder.Logging.ClearProviders()
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None)
            .AddFilter("Microsoft.Hosting", LogLevel.None)
            .AddFilter(typeof(HealthTwin.Aws.AI.BedrockAnalysisService).FullName, LogLevel.Error);
        IHealthTwinBuilder healthTwin = builder.Services.AddHealthTwin(builder.Configuration.GetSection(HealthTwinOptions.SectionName));
        AwsSwitches.Apply(arguments, healthTwin, builder.Configuration);

        using IHost host = builder.Build();
        IReadOnlyList<DailyMetrics> history;
        UserProfile profile;
        string title;
        if (arguments.InputFile is { } path)
        {
            try
            {
                await using FileStream stream = File.OpenRead(path);
                history = await HealthTwinJson.ReadMetricsAsync(stream, cancellationToken);
            }
            catch (Exception ex) when (ex is HealthDataValidationException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"{path}: {ex.Message}");
                return InputError;
            }

            if (history.Count == 0)
            {
                await error.WriteLineAsync($"{path}: the file holds no days; expected a JSON array of daily metrics.");
                return InputError;
            }

            profile = new UserProfile();
            title = $"HealthTwin report for {arguments.UserId} from {Path.GetFileName(path)}";
        }
        else
        {
            TimeProvider clock = host.Services.GetRequiredService<TimeProvider>();
            DateOnly today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            history = SyntheticHistory.Generate(arguments.Scenario, today, arguments.Days);
            profile = SyntheticHistory.RecommendedProfile(arguments.Scenario);
            title = $"HealthTwin report for {arguments.UserId}: synthetic scenario {arguments.Scenario}";
        }

        try
        {
            await host.StartAsync(cancellationToken);
            IMetricsStore store = host.Services.GetRequiredService<IMetricsStore>();
            await store.SaveAsync(arguments.UserId, history, cancellationToken);
            DateOnly first = history.Min(d => d.Date), last = history.Max(d => d.Date);
            IReadOnlyList<DailyMetrics> stored = await store.LoadAsync(arguments.UserId, first, last, cancellationToken);

            AgentContext context = host.Services.GetRequiredService<AgentContextFactory>().Create(arguments.UserId, profile, stored);
            AgentAnalysis analysis = await host.Services.GetRequiredService<AgentOrchestrator>().AnalyzeAsync(context, cancellationToken);
            DailyPlan plan = PlannerAgent.CreatePlan(context);
            if (AwsSwitches.DescribeFallback(analysis) is { } fallback)
            {
                await error.WriteLineAsync(fallback);
            }

            if (arguments.Json)
            {
                var report = new ConsoleReport(context.Readiness, context.BurnoutRisk, plan, analysis);
                await output.WriteLineAsync(JsonSerializer.Serialize(report, ConsoleJsonContext.Default.ConsoleReport));
            }
            else
            {
                IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
                ReportRenderer.Render(console, title, context, plan, analysis);
            }

            await host.StopAsync(cancellationToken);
            return 0;
        }
        catch (Exception ex) when (AwsSwitches.DescribeConfigurationProblem(ex) is { } sentence)
        {
            await error.WriteLineAsync(sentence);
            return ConfigurationError;
        }
    }
}

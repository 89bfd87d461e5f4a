using HealthTwin.Agents.Synthetic;

namespace HealthTwin.Samples.Console;

/// <summary>The command line of the console sample.</summary>
internal sealed record ConsoleArguments
{
    public SyntheticScenario Scenario { get; init; } = SyntheticScenario.ExamWeekStress;

    public string? InputFile { get; init; }

    public bool Json { get; init; }

    public bool Bedrock { get; init; }

    public bool S3 { get; init; }

    public string UserId { get; init; } = "demo-user";

    public int Days { get; init; } = 30;

    public bool Help { get; init; }

    public const string Usage = """
        Usage: dotnet run --project samples/HealthTwin.Samples.Console -- [options]
               dotnet run --project samples/HealthTwin.Samples.Console -- import PATH... [--format F] [--time-zone Z]
          --scenario <name>   well-recovered | exam-week-stress (default) | overreaching-athlete | chronic-short-sleeper | sick-day | ring-only | phone-only
          --input <file>      a JSON array of daily metrics in the app's shape instead of a scenario
          --days <n>          days of synthetic history, 7-365 (default 30)
          --user <id>         the user id the data is stored under (default demo-user)
          --json              machine-readable output
          --bedrock           add the Amazon Bedrock agents (standard AWS configuration)
          --s3                store metrics in Amazon S3 (HealthTwin:S3:BucketName or AWS_S3_BUCKET_NAME)
          --help, -h          this help
        Commands:
          report --month YYYY-MM | --year YYYY [--out FILE] [--html] [--insights]   a PDF (or HTML) health report, stored under reports/
                              (--insights: the AI insights document, with --bedrock)
        Exit codes: 0 done, 2 bad arguments or input file, 3 configuration problem (AWS credentials, bucket, options) or AI insights unavailable.
        """;

    /// <summary>Parses the arguments; on failure returns an error sentence instead.</summary>
    public static (ConsoleArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        var result = new ConsoleArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? Next() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            string Missing(string example) => $"{arg} needs a value, for example {arg} {example}.";
            switch (arg)
            {
                case "--help" or "-h" or "-?":
                    return (result with { Help = true }, null);
                case "--json":
                    result = result with { Json = true };
                    break;
                case "--bedrock":
                    result = result with { Bedrock = true };
                    break;
                case "--s3":
                    result = result with { S3 = true };
                    break;
                case "--scenario":
                    string? name = Next();
                    if (name is null)
                    {
                        return (null, Missing("exam-week-stress"));
                    }

                    SyntheticScenario? scenario = ParseScenario(name);
                    if (scenario is null)
                    {
                        return (null, $"--scenario '{name}' is unknown; use well-recovered, exam-week-stress, overreaching-athlete, chronic-short-sleeper, sick-day, ring-only or phone-only.");
                    }

                    result = result with { Scenario = scenario.Value };
                    break;
                case "--input":
                    string? file = Next();
                    if (file is null)
                    {
                        return (null, Missing("metrics.json"));
                    }

                    result = result with { InputFile = file };
                    break;
                case "--user":
                    string? user = Next();
                    if (user is null)
                    {
                        return (null, Missing("demo-user"));
                    }

                    result = result with { UserId = user };
                    break;
                case "--days":
                    string? daysText = Next();
                    if (daysText is null)
                    {
                        return (null, Missing("30"));
                    }

                    if (!int.TryParse(daysText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int days) || days is < 7 or > 365)
                    {
                        return (null, "--days must be a whole number from 7 to 365.");
                    }

                    result = result with { Days = days };
                    break;
                default:
                    return (null, $"Unknown option '{arg}'.");
            }
        }

        return (result, null);
    }

    private static SyntheticScenario? ParseScenario(string? name) => name switch
    {
        "well-recovered" => SyntheticScenario.WellRecovered,
        "exam-week-stress" => SyntheticScenario.ExamWeekStress,
        "overreaching-athlete" => SyntheticScenario.OverreachingAthlete,
        "chronic-short-sleeper" => SyntheticScenario.ChronicShortSleeper,
        "sick-day" => SyntheticScenario.SickDay,
        "ring-only" => SyntheticScenario.RingOnly,
        "phone-only" => SyntheticScenario.PhoneOnly,
        _ => null,
    };
}

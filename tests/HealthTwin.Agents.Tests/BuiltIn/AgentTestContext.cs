using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>
/// Builds contexts through <see cref="AgentContextFactory"/> with a fake clock, and runs agents synchronously. The
/// contexts follow the original app's rules unless a test passes other <see cref="RuleOptions"/>: the agent tests
/// built on <see cref="Week"/> encode the original app's decisions (a supplied baseline, one week of history).
/// </summary>
internal static class AgentTestContext
{
    /// <summary>Noon UTC on <see cref="TestData.Today"/>: no time-of-day rule fires at this hour.</summary>
    public static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A baseline with round numbers so percentages at the thresholds are exact.</summary>
    public static readonly Baseline RoundBaseline = TestData.Baseline(hrv: 100, restingHr: 50, sleepHours: 7.5, efficiency: 90, stress: 40);

    public static AgentContext Create(
        IEnumerable<DailyMetrics> history,
        UserProfile? profile = null,
        Baseline? baseline = null,
        AlertThresholds? thresholds = null,
        DateTimeOffset? now = null,
        ContextData? contextData = null,
        SleepEnvironment? sleepEnvironment = null,
        RuleOptions? rules = null)
    {
        var options = new HealthTwinOptions { Rules = rules ?? RuleOptions.OriginalApp() };
        if (thresholds is not null)
        {
            options.Alerts = thresholds;
        }

        var factory = new AgentContextFactory(new FakeTimeProvider(now ?? Noon), Options.Create(options));
        bool invalid = baseline is not null && baseline.Validate().Count > 0;
        AgentContext context = factory.Create(
            "u1",
            profile ?? TestData.Profile(),
            history,
            new AgentContextOptions { Baseline = invalid ? null : baseline, ContextData = contextData, SleepEnvironment = sleepEnvironment });
        return invalid ? WithRawBaseline(context, baseline!) : context;
    }

    /// <summary>
    /// A copy of <paramref name="context"/> with <paramref name="baseline"/> set as is. The factory rejects a baseline
    /// with zero, NaN or infinite values (see AgentContextFactoryTests); agents must still never divide by one that a
    /// host builds into a context by hand, which this lets the robustness tests check.
    /// </summary>
    public static AgentContext WithRawBaseline(AgentContext context, Baseline baseline) => new()
    {
        UserId = context.UserId,
        Profile = context.Profile,
        AllMetrics = context.AllMetrics,
        Baseline = baseline,
        AnalyzedAt = context.AnalyzedAt,
        LocalTime = context.LocalTime,
        Thresholds = context.Thresholds,
        Rules = context.Rules,
        ContextData = context.ContextData,
        SleepEnvironment = context.SleepEnvironment,
    };

    /// <summary>
    /// Six unremarkable days at the <see cref="RoundBaseline"/> values, then <paramref name="today"/>; the baseline is
    /// supplied, so only today's values move the rules.
    /// </summary>
    public static AgentContext Week(
        Func<DailyMetrics, DailyMetrics> today,
        UserProfile? profile = null,
        AlertThresholds? thresholds = null,
        DateTimeOffset? now = null,
        ContextData? contextData = null,
        SleepEnvironment? sleepEnvironment = null,
        Baseline? baseline = null,
        HealthTwin.Agents.Rules.RuleOptions? rules = null) =>
        Create(WeekHistory(today), profile, baseline ?? RoundBaseline, thresholds, now, contextData, sleepEnvironment, rules);

    public static List<DailyMetrics> WeekHistory(Func<DailyMetrics, DailyMetrics> today) =>
        TestData.History(7, (d, i) =>
        {
            DailyMetrics normal = d with { Hrv = 100, RestingHr = 50, SleepHours = 7.5, SleepEfficiency = 90, StressScore = 40 };
            return i == 6 ? today(normal) : normal;
        });

    /// <summary>Today's local instant at <paramref name="hour"/>:<paramref name="minute"/> UTC.</summary>
    public static DateTimeOffset At(int hour, int minute = 0) => new(2025, 3, 14, hour, minute, 0, TimeSpan.Zero);

    public static IReadOnlyList<AgentRecommendation> Run(IAIAgent agent, AgentContext context)
    {
        ValueTask<IReadOnlyList<AgentRecommendation>> pending = agent.AnalyzeAsync(context, CancellationToken.None);
        if (!pending.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException($"{agent.Id} did not complete synchronously; built-in agents are synchronous.");
        }

        return pending.Result;
    }

    /// <summary>The rule part of each recommendation id (<c>agent:rule:date</c>).</summary>
    public static string[] RuleIds(IReadOnlyList<AgentRecommendation> recommendations)
    {
        var rules = new string[recommendations.Count];
        for (int i = 0; i < rules.Length; i++)
        {
            string[] parts = recommendations[i].Id.Split(':');
            parts.Should().HaveCount(3);
            rules[i] = parts[1];
        }

        return rules;
    }

    public static AgentRecommendation Single(IReadOnlyList<AgentRecommendation> recommendations, string rule)
    {
        AgentRecommendation[] matches = recommendations.Where(r => r.Id.Split(':')[1] == rule).ToArray();
        matches.Should().ContainSingle($"exactly one recommendation of rule '{rule}' is expected");
        return matches[0];
    }

    /// <summary>
    /// Changes today so that readiness lands exactly on <paramref name="score"/> (a multiple of 5 between 35 and 100)
    /// without touching the burnout markers (the 3- and 7-day means stay normal) or today's training load.
    /// </summary>
    public static DailyMetrics WithReadiness(DailyMetrics today, int score) => score switch
    {
        100 => today,
        90 => today with { Hrv = 90 },                                               // HRV −10 % → −10
        85 => today with { MoodScore = 2 },                                          // −15
        80 => today with { RestingHr = 56 },                                         // resting HR +12 % → −20
        75 => today with { Hrv = 80 },                                               // HRV −20 % → −25
        70 => today with { Hrv = 80, StressScore = 80 },                             // −25 −10 (stress)
        65 => today with { Hrv = 80, SleepEfficiency = 80 },                         // −25 −10 (sleep score 80)
        60 => today with { Hrv = 80, MoodScore = 2 },                                // −25 −15
        55 => today with { Hrv = 80, RestingHr = 56 },                               // −25 −20
        50 => today with { Hrv = 80, MoodScore = 2, StressScore = 80 },              // −25 −15 −10
        45 => today with { Hrv = 80, RestingHr = 56, StressScore = 80 },             // −25 −20 −10
        40 => today with { Hrv = 80, RestingHr = 56, MoodScore = 2 },                // −25 −20 −15
        35 => today with { Hrv = 80, RestingHr = 56, StressScore = 80, SleepEfficiency = 80 }, // −25 −20 −10 −10
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, "unsupported test readiness"),
    };

    public static AgentContext WeekWithReadiness(int score, Func<DailyMetrics, DailyMetrics>? also = null, UserProfile? profile = null, HealthTwin.Agents.Rules.RuleOptions? rules = null)
    {
        AgentContext context = Week(d => (also ?? (x => x))(WithReadiness(d, score)), profile, rules: rules);
        context.Readiness.Score.Should().Be(score, "the test day is built for that readiness");
        context.BurnoutRisk.Level.Should().Be(BurnoutLevel.Green, "the test day must not move the burnout markers");
        return context;
    }

    /// <summary><see cref="Create"/> with the evidence-based preset unless <paramref name="rules"/> says otherwise.</summary>
    public static AgentContext CreateEvidence(
        IEnumerable<DailyMetrics> history,
        UserProfile? profile = null,
        Baseline? baseline = null,
        AlertThresholds? thresholds = null,
        DateTimeOffset? now = null,
        ContextData? contextData = null,
        SleepEnvironment? sleepEnvironment = null,
        RuleOptions? rules = null) =>
        Create(history, profile, baseline, thresholds, now, contextData, sleepEnvironment, rules ?? new RuleOptions());

    /// <summary><see cref="Week"/> with the evidence-based preset unless <paramref name="rules"/> says otherwise.</summary>
    public static AgentContext WeekEvidence(
        Func<DailyMetrics, DailyMetrics> today,
        UserProfile? profile = null,
        AlertThresholds? thresholds = null,
        DateTimeOffset? now = null,
        ContextData? contextData = null,
        SleepEnvironment? sleepEnvironment = null,
        Baseline? baseline = null,
        RuleOptions? rules = null) =>
        Week(today, profile, thresholds, now, contextData, sleepEnvironment, baseline, rules ?? new RuleOptions());

    /// <summary>
    /// <see cref="RoundBaseline"/> with the day-to-day spreads the evidence-based rules need: 0.1 on the ln HRV scale
    /// (HRV 80 ms is 2.2 SD below 100 ms) and 2 bpm (56 bpm is 3 SD above 50 bpm).
    /// </summary>
    public static readonly Baseline RoundEvidenceBaseline = RoundBaseline with { HrvLnSd = 0.1, RestingHrSd = 2 };

    /// <summary>
    /// Changes today so that the evidence-based readiness lands exactly on <paramref name="score"/> (a multiple of 5
    /// between 35 and 100) against <see cref="RoundEvidenceBaseline"/>: HRV 80 −10 (2.2 SD below), resting HR 56 −20
    /// (3 SD above), mood 2 −15, stress 80 −10, efficiency 80 −10 (sleep score 80 against the 7 h need), efficiency 65 −20.
    /// </summary>
    public static DailyMetrics WithEvidenceReadiness(DailyMetrics today, int score) => score switch
    {
        100 => today,
        90 => today with { Hrv = 80 },
        85 => today with { MoodScore = 2 },
        80 => today with { RestingHr = 56 },
        75 => today with { Hrv = 80, MoodScore = 2 },
        70 => today with { Hrv = 80, RestingHr = 56 },
        65 => today with { RestingHr = 56, MoodScore = 2 },
        60 => today with { Hrv = 80, RestingHr = 56, StressScore = 80 },
        55 => today with { Hrv = 80, RestingHr = 56, MoodScore = 2 },
        50 => today with { Hrv = 80, RestingHr = 56, StressScore = 80, SleepEfficiency = 80 },
        45 => today with { Hrv = 80, RestingHr = 56, MoodScore = 2, StressScore = 80 },
        40 => today with { Hrv = 80, RestingHr = 56, StressScore = 80, SleepEfficiency = 65 },
        35 => today with { Hrv = 80, RestingHr = 56, MoodScore = 2, StressScore = 80, SleepEfficiency = 80 },
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, "unsupported test readiness"),
    };

    /// <summary><see cref="WeekWithReadiness"/> for the evidence-based preset (or <paramref name="rules"/>), against <see cref="RoundEvidenceBaseline"/>.</summary>
    public static AgentContext WeekWithReadinessEvidence(int score, Func<DailyMetrics, DailyMetrics>? also = null, UserProfile? profile = null, RuleOptions? rules = null)
    {
        AgentContext context = Week(d => (also ?? (x => x))(WithEvidenceReadiness(d, score)), profile, baseline: RoundEvidenceBaseline, rules: rules ?? new RuleOptions());
        context.Readiness.Score.Should().Be(score, "the test day is built for that readiness");
        context.BurnoutRisk.Level.Should().Be(BurnoutLevel.Green, "the test day must not move the burnout markers");
        return context;
    }
}

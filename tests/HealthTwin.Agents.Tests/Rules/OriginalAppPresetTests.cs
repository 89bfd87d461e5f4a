using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Agents.Tests.Rules;

/// <summary>
/// The original app's preset, end to end: configuration <c>HealthTwin:Rules:Preset = OriginalApp</c>, dependency
/// injection, the context factory (baseline = mean of the 14 most recent days, today included) and the orchestrator with
/// all ten agents, on full-data days built from the rules of <c>AGENTS-SPEC.md</c>. Every expected number is computed by
/// hand in the comments; each test lists the complete set of recommendations it expects unless it says otherwise.
/// </summary>
public sealed class OriginalAppPresetTests
{
    private static readonly DateOnly Today = new(2025, 3, 14);

    /// <summary>A full-data day at the values that move no rule.</summary>
    private static DailyMetrics Normal(int daysAgo) => new()
    {
        Date = Today.AddDays(-daysAgo),
        SleepHours = 8,
        SleepEfficiency = 90,
        Hrv = 60,
        RestingHr = 55,
        Steps = 8000,
        WorkoutMinutes = 30,
        TrainingLoad = 40,
        StressScore = 40,
        MoodScore = 4,
        EnergyScore = 4,
    };

    [Fact]
    public async Task Analyze_HardDayForAStressedUser_EveryRuleAsTheSpecStatesIt()
    {
        // 13 normal days, then today: sleep 6 h at 80 %, HRV 48, resting HR 60, load 85, stress 80, mood 2, energy 3,
        // 4000 steps. Baseline (14 days, today included): sleep 110/14 = 7.857 h, efficiency 1250/14 = 89.29 %,
        // HRV 828/14 = 59.14, resting HR 775/14 = 55.36, stress 600/14 = 42.86.
        // Readiness: sleep score 6 / 7.857 × 80 = 61.1 < 70 → −20; HRV −18.8 % → −25; resting HR +8.4 % → −10;
        // load 85 → −15; mood 2 → −15; stress 80 → −10: 100 − 95 = 5.
        // Burnout: 3-day HRV 56 ≥ 0.85 × 59.14; 3-day resting HR 56.7 ≤ 1.1 × 55.36; 7-day efficiency 88.6 ≥ 0.9 × 89.29;
        // 7-day stress 45.7 ≤ 70 → 0 points, green. Anomalies: HRV −18.8 %, efficiency −10.4 %.
        // Forecast: 3-day stress 53.3 (+24.4 %) → 25 points every day: low, no alert, no training window (25 ≥ 20).
        // Recovery: 0.4 × 0.8116 + 0.3 × 0.7636 + 0.3 × (1 − 0.0839) = 82.9 % → 83 (no status).
        // Injury: load 85 → +25, stress 80 → +15 = 40 (medium, no alert). Sleep debt: 7 × 7.857 − 54 = 1.0 h.
        List<DailyMetrics> history = Days(13);
        history.Add(Normal(0) with { SleepHours = 6, SleepEfficiency = 80, Hrv = 48, RestingHr = 60, TrainingLoad = 85, StressScore = 80, MoodScore = 2, EnergyScore = 3, Steps = 4000 });

        (AgentAnalysis analysis, AgentContext context) = await RunAsync(history, At(18, 30));

        context.Readiness.Score.Should().Be(5);
        context.Readiness.Explanations.Should().Equal(
            "Poor sleep: sleep score 61.1 (−20)",
            "HRV 18.8 % below baseline (−25)",
            "Resting HR 8.4 % above baseline (−10)",
            "High training load 85 (−15)",
            "Low mood or energy (2/5, 3/5) (−15)",
            "High stress 80 (−10)");
        context.BurnoutRisk.Score.Should().Be(0);
        context.BurnoutRisk.Level.Should().Be(BurnoutLevel.Green);
        context.SleepDebt.Hours.Should().BeApproximately(1.0, 1e-9);
        context.SleepDebt.NeedSource.Should().Be(SleepNeedSource.Baseline);
        InjuryRiskAgent.Assess(context).Score.Should().Be(40);
        RecoveryPredictionAgent.Predict(context).RecoveryPercent.Should().Be(83);
        PredictiveAnalyticsAgent.Predict(context).Should().OnlyContain(p => p.Score == 25 && p.Level == RiskLevel.Low);

        DailyPlan plan = PlannerAgent.CreatePlan(context);
        plan.Intensity.Should().Be(TrainingIntensity.Rest);
        plan.Priorities.Should().Equal("Full recovery day", "Keep balance and consistency");
        plan.MicroInterventions.Should().Equal(
            "5 min box breathing between tasks", "10 min walk outdoors at lunch", "Take the stairs instead of the lift", "Hydrate: about 2 L of water through the day");
        plan.SleepAdvice.Should().Be("Sleep debt is small: keep about 7.9 h tonight, in bed by 22:30.");

        Ids(analysis).Should().BeEquivalentTo(
            "planner:daily-plan",
            "fitness-coach:recovery-walk",
            "fitness-coach:mobility",
            "burnout-guardian:stress-relief",
            "burnout-guardian:anomaly-hrv",
            "burnout-guardian:anomaly-sleep-efficiency",
            "breathing-coach:coherent-breathing",
            "breathing-coach:box-breathing",
            "context-awareness:evening-wind-down");
        Find(analysis, "burnout-guardian:stress-relief").Should().Match<AgentRecommendation>(r => r.Type == RecommendationType.Stress && r.Priority == RecommendationPriority.Medium);
        Find(analysis, "burnout-guardian:anomaly-hrv").Should().Match<AgentRecommendation>(r => r.Type == RecommendationType.Alert && r.Priority == RecommendationPriority.High);
        Find(analysis, "context-awareness:evening-wind-down").Should().Match<AgentRecommendation>(r => r.Type == RecommendationType.Stress && r.Priority == RecommendationPriority.Medium);
    }

    [Fact]
    public async Task Analyze_OverreachingWeek_RedBurnoutSleepDebtCriticalForecastAndInjuryRisk()
    {
        // 7 days A (sleep 8, eff 92, HRV 70, rHR 52, load 80, stress 50, workout 60), 4 days B (7, 85, 60, 56, 85, 60,
        // mood/energy 3, workout 70), 3 days C ending today (5.5, 78, 45, 64, 82, 78, mood/energy 2, workout 75).
        // Baseline: sleep 100.5/14 = 7.179, efficiency 87.0, HRV 865/14 = 61.79, resting HR 780/14 = 55.71, stress 58.86.
        // Burnout: 3-day HRV 45 < 52.52 → +30; 3-day resting HR 64 > 61.29 → +25; 7-day efficiency 82 ≥ 78.3; 7-day stress
        // 67.7 ≤ 70 → 55: red. Readiness: 59.8 → −20, HRV −27.2 % → −25, rHR +14.9 % → −20, load 82 → −15, mood → −15,
        // stress 78 → −10 → 0. Sleep debt: 7 × 7.179 − 44.5 = 5.75 h → aim for 7.7 h.
        // Forecast: HRV −27.2 % (30), stress +32.5 % (25), sleep −23.4 % (25), 7-day load 83.7 (20) = 100: critical.
        // Recovery: 0.4 × 0.7283 + 0.3 × 0.7662 + 0.3 × 0.8513 = 77.7 % → 78 (no status, no deload).
        // Injury: 25 + 20 + 15 + 15 + 15 + 10 = 100 (critical); workout minutes 505 vs 420 the week before: +20.2 % → spike.
        List<DailyMetrics> history = [];
        for (int ago = 13; ago >= 0; ago--)
        {
            history.Add(ago >= 7
                ? Normal(ago) with { SleepEfficiency = 92, Hrv = 70, RestingHr = 52, TrainingLoad = 80, StressScore = 50, WorkoutMinutes = 60 }
                : ago >= 3
                    ? Normal(ago) with { SleepHours = 7, SleepEfficiency = 85, Hrv = 60, RestingHr = 56, TrainingLoad = 85, StressScore = 60, MoodScore = 3, EnergyScore = 3, WorkoutMinutes = 70 }
                    : Normal(ago) with { SleepHours = 5.5, SleepEfficiency = 78, Hrv = 45, RestingHr = 64, TrainingLoad = 82, StressScore = 78, MoodScore = 2, EnergyScore = 2, WorkoutMinutes = 75 });
        }

        (AgentAnalysis analysis, AgentContext context) = await RunAsync(history, At(14, 0));

        context.BurnoutRisk.Score.Should().Be(55);
        context.BurnoutRisk.Level.Should().Be(BurnoutLevel.Red);
        context.Readiness.Score.Should().Be(0);
        context.SleepDebt.Hours.Should().BeApproximately(5.75, 1e-9);
        PlannerAgent.CreatePlan(context).Should().Match<DailyPlan>(p =>
            p.Intensity == TrainingIntensity.Rest
            && p.SleepAdvice == "You are 5.8 h short over the last 7 days: aim for 7.7 h tonight, in bed by 22:30."
            && p.Priorities.SequenceEqual(new[] { "Full recovery day", "Mental recovery and stress reduction", "Pay back sleep debt with an earlier bedtime" }));
        PredictiveAnalyticsAgent.Predict(context).Should().OnlyContain(p => p.Score == 100 && p.Level == RiskLevel.Critical);
        RecoveryPredictionAgent.Predict(context).Should().Match<RecoveryPrediction>(r => r.RecoveryPercent == 78 && !r.DeloadRecommended);
        InjuryRiskAgent.Assess(context).Score.Should().Be(100);

        Ids(analysis).Should().BeEquivalentTo(
            "planner:daily-plan",
            "sleep:sleep-debt",
            "fitness-coach:recovery-walk",
            "fitness-coach:mobility",
            "burnout-guardian:burnout-risk",
            "burnout-guardian:stress-relief",
            "burnout-guardian:anomaly-resting-hr",
            "burnout-guardian:anomaly-hrv",
            "burnout-guardian:anomaly-sleep-efficiency",
            "predictive-analytics:burnout-forecast",
            "breathing-coach:coherent-breathing",
            "breathing-coach:box-breathing",
            "injury-risk:injury-risk",
            "injury-risk:load-spike");
        AgentRecommendation burnout = Find(analysis, "burnout-guardian:burnout-risk");
        burnout.Title.Should().Be("Burnout risk: red");
        burnout.Rationale.Should().Contain("Consider consulting a healthcare professional");
        AgentRecommendation forecast = Find(analysis, "predictive-analytics:burnout-forecast");
        forecast.Priority.Should().Be(RecommendationPriority.High);
        forecast.Rationale.Should().Contain("on 2025-03-15 (in 1 day, score 100)");
        Find(analysis, "injury-risk:load-spike").Priority.Should().Be(RecommendationPriority.High);
    }

    [Theory]
    [InlineData(10, 64, true)]      // 0.4 × 0.1 + 0.3 + 0.3 = 64 %
    [InlineData(11.25, 64.5, true)] // 64.5 % is shown as 65 % but is below 65: the app's deload card stays
    [InlineData(12.25, 64.9, true)]
    [InlineData(12.5, 65, false)]
    public async Task Analyze_RecoveryAroundSixtyFive_DeloadComparesTheUnroundedRecovery(double hrv, double recovery, bool deload)
    {
        // The host's baseline (HRV 100, sleep 8, resting HR 55): recovery = 0.4 × HRV / 100 + 0.3 × 1 + 0.3 × 1.
        // Every day of the week at load 80 (> 75).
        List<DailyMetrics> history = Days(6, d => d with { Hrv = 100, TrainingLoad = 80 });
        history.Add(Normal(0) with { Hrv = hrv, TrainingLoad = 80 });
        var baseline = new Baseline { Hrv = 100, RestingHr = 55, SleepHours = 8, SleepEfficiency = 90, StressScore = 40, DaysUsed = 14 };

        (AgentAnalysis analysis, AgentContext context) = await RunAsync(history, At(12, 0), options: new AgentContextOptions { Baseline = baseline });

        RecoveryPrediction prediction = RecoveryPredictionAgent.Predict(context);
        prediction.RecoveryPercent.Should().Be((int)Math.Round(recovery, MidpointRounding.AwayFromZero));
        prediction.DeloadRecommended.Should().Be(deload);
        Ids(analysis).Should().Contain("recovery-prediction:recovery-status");
        if (deload)
        {
            AgentRecommendation card = Find(analysis, "recovery-prediction:deload");
            card.Priority.Should().Be(RecommendationPriority.High);
            card.Type.Should().Be(RecommendationType.Training);
            card.Rationale.Should().Contain($"recovery is only {recovery.ToString(System.Globalization.CultureInfo.InvariantCulture)} %");
        }
        else
        {
            Ids(analysis).Should().NotContain("recovery-prediction:deload");
        }
    }

    [Fact]
    public async Task Analyze_ColdRainyMorningAfterAShortNight_EnergisingBreathingIsATrainingCard()
    {
        // 07:30, 3 °C and rain, no workout yet, 5.5 h of sleep, energy 2.
        List<DailyMetrics> history = Days(13);
        history.Add(Normal(0) with { SleepHours = 5.5, EnergyScore = 2, WorkoutMinutes = 0, TrainingLoad = 0 });
        var options = new AgentContextOptions { ContextData = new ContextData { Weather = new Weather(3, WeatherCondition.Rain) } };

        (AgentAnalysis analysis, _) = await RunAsync(history, At(7, 30), options: options);
        (AgentAnalysis evidence, _) = await RunAsync(history, At(7, 30), options: options, preset: "EvidenceBased");

        Find(analysis, "breathing-coach:energising-breathing").Should().Match<AgentRecommendation>(r => r.Type == RecommendationType.Training && r.Priority == RecommendationPriority.Medium);
        Find(evidence, "breathing-coach:energising-breathing").Type.Should().Be(RecommendationType.Break, "the evidence-based default keeps it a break");
        Find(analysis, "context-awareness:cold-weather").Should().Match<AgentRecommendation>(r => r.Type == RecommendationType.Training && r.Priority == RecommendationPriority.Medium);
        Find(analysis, "context-awareness:indoor-workout").Should().Match<AgentRecommendation>(r => r.Type == RecommendationType.Training && r.Priority == RecommendationPriority.Low);
        Find(analysis, "context-awareness:low-energy-morning").Should().Match<AgentRecommendation>(r => r.Type == RecommendationType.Sleep && r.Priority == RecommendationPriority.High);
    }

    [Fact]
    public async Task Analyze_HotEveningAfterAWeekOfPoorSleep_SleepCardsAndHeatAdvisory()
    {
        // 21:30, 30 °C. Efficiency 90 for 7 days, 78 for 6, today 74: 7-day mean 77.4 < 80 and today < 75.
        // Baseline efficiency (630 + 468 + 74) / 14 = 83.7: today −11.6 % → anomaly. Stress 40: no wind-down.
        List<DailyMetrics> history = Days(13, d => d.Date < Today.AddDays(-6) ? d : d with { SleepEfficiency = 78 });
        history.Add(Normal(0) with { SleepEfficiency = 74 });
        var options = new AgentContextOptions { ContextData = new ContextData { Weather = new Weather(30, WeatherCondition.Clear) } };

        (AgentAnalysis analysis, _) = await RunAsync(history, At(21, 30), options: options);

        Ids(analysis).Should().Contain([
            "sleep:sleep-quality",
            "sleep-environment:environment-check",
            "sleep-environment:bedroom-reminder",
            "breathing-coach:sleep-breathing",
            "context-awareness:hot-weather",
            "burnout-guardian:anomaly-sleep-efficiency",
        ]).And.NotContain("context-awareness:evening-wind-down");
        Find(analysis, "sleep:sleep-quality").Should().Match<AgentRecommendation>(r => r.Type == RecommendationType.Sleep && r.Priority == RecommendationPriority.Medium);
        Find(analysis, "sleep-environment:environment-check").Priority.Should().Be(RecommendationPriority.Medium);
        Find(analysis, "sleep-environment:bedroom-reminder").Priority.Should().Be(RecommendationPriority.Low);
        Find(analysis, "breathing-coach:sleep-breathing").Should().Match<AgentRecommendation>(r => r.Type == RecommendationType.Sleep && r.Priority == RecommendationPriority.Medium);
    }

    [Fact]
    public async Task Analyze_WellRecovered_StrengthSessionAndThreeTrainingWindows()
    {
        // Fourteen identical normal days: readiness 100, load 40 < 60, goal build muscle → 60 min strength.
        // Forecast 0 points every day → the first three days are training windows.
        (AgentAnalysis analysis, AgentContext context) = await RunAsync(Days(13, today: true), At(12, 0), new UserProfile { Age = 30, Goal = FitnessGoal.BuildMuscle });

        context.Readiness.Score.Should().Be(100);
        PlannerAgent.CreatePlan(context).Intensity.Should().Be(TrainingIntensity.Strength);
        Ids(analysis).Should().BeEquivalentTo("planner:daily-plan", "fitness-coach:hard-session", "predictive-analytics:training-windows");
        Find(analysis, "fitness-coach:hard-session").Should().Match<AgentRecommendation>(r => r.Title == "60 min strength training" && r.Priority == RecommendationPriority.High);
        Find(analysis, "predictive-analytics:training-windows").Rationale.Should().Contain("Sat 2025-03-15, Sun 2025-03-16, Mon 2025-03-17");
    }

    [Fact]
    public async Task Analyze_YellowBurnoutWithFullReadiness_PlanIsLightAndTheCoachSuggestsNoHardSession()
    {
        // HRV 60 for 11 days, 40 on the two days before today, 60 today. Baseline HRV 800/14 = 57.14; 3-day mean 46.7
        // < 0.85 × 57.14 = 48.6 → 30 points: yellow. Today +5.0 % (not above 5): readiness 100.
        // The app's coach would have said "60 min strength"; the preset's coach follows the planner (the one deliberate
        // difference from the app, issue 12 item 8). Forecast: 3-day HRV −18.3 % → 30 points, medium, no alert.
        List<DailyMetrics> history = Days(13, d => d.Date >= Today.AddDays(-2) ? d with { Hrv = 40 } : d);
        history.Add(Normal(0));

        (AgentAnalysis analysis, AgentContext context) = await RunAsync(history, At(12, 0), new UserProfile { Age = 30, Goal = FitnessGoal.BuildMuscle });

        context.Readiness.Score.Should().Be(100);
        context.BurnoutRisk.Level.Should().Be(BurnoutLevel.Yellow);
        PlannerAgent.CreatePlan(context).Intensity.Should().Be(TrainingIntensity.Light);
        Ids(analysis).Should().BeEquivalentTo("planner:daily-plan", "burnout-guardian:burnout-risk");
        Find(analysis, "planner:daily-plan").Rationale.Should().Contain("Light movement").And.Contain("Burnout risk is yellow (30 points: ");
    }

    private static async Task<(AgentAnalysis Analysis, AgentContext Context)> RunAsync(
        List<DailyMetrics> history,
        DateTimeOffset now,
        UserProfile? profile = null,
        AgentContextOptions? options = null,
        string preset = "OriginalApp")
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["HealthTwin:Rules:Preset"] = preset })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        services.AddHealthTwin(configuration.GetSection("HealthTwin"));
        await using ServiceProvider provider = services.BuildServiceProvider();
        AgentContext context = provider.GetRequiredService<AgentContextFactory>().Create("preset-user", profile ?? new UserProfile { Age = 30 }, history, options);
        context.Rules.IsOriginalApp.Should().Be(preset == "OriginalApp");
        AgentAnalysis analysis = await provider.GetRequiredService<AgentOrchestrator>().AnalyzeAsync(context, CancellationToken.None);
        analysis.Agents.Should().HaveCount(10).And.OnlyContain(a => a.Status == AgentRunStatus.Succeeded);
        return (analysis, context);
    }

    /// <summary><paramref name="count"/> normal days before today (oldest first), changed by <paramref name="change"/>; with <paramref name="today"/>, today too.</summary>
    private static List<DailyMetrics> Days(int count, Func<DailyMetrics, DailyMetrics>? change = null, bool today = false)
    {
        var days = new List<DailyMetrics>();
        for (int ago = count; ago >= (today ? 0 : 1); ago--)
        {
            days.Add(change is null ? Normal(ago) : change(Normal(ago)));
        }

        return days;
    }

    private static DateTimeOffset At(int hour, int minute) => new(2025, 3, 14, hour, minute, 0, TimeSpan.Zero);

    private static string[] Ids(AgentAnalysis analysis) =>
        [.. analysis.Recommendations.Select(r => r.Id[..r.Id.LastIndexOf(':')])];

    private static AgentRecommendation Find(AgentAnalysis analysis, string agentAndRule) =>
        analysis.Recommendations.Should().ContainSingle(r => r.Id == agentAndRule + ":2025-03-14", $"{agentAndRule} is expected").Subject;
}

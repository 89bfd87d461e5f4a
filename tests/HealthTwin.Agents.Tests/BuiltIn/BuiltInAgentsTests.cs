using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Serialization;
using HealthTwin.Agents.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>Properties every built-in agent must have, checked over many contexts.</summary>
public sealed class BuiltInAgentsTests
{
    private static readonly string[] Ids =
    [
        "breathing-coach", "burnout-guardian", "context-awareness", "fitness-coach", "injury-risk",
        "planner", "predictive-analytics", "recovery-prediction", "sleep", "sleep-environment",
    ];

    public static IAIAgent[] All() =>
    [
        new PlannerAgent(), new SleepAgent(), new FitnessCoachAgent(), new BurnoutGuardianAgent(), new PredictiveAnalyticsAgent(),
        new ContextAwarenessAgent(), new BreathingCoachAgent(), new SleepEnvironmentAgent(), new RecoveryPredictionAgent(), new InjuryRiskAgent(),
    ];

    [Fact]
    public void AddHealthTwin_Default_RegistersAllTenBuiltInAgentsOnce()
    {
        var services = new ServiceCollection();
        services.AddHealthTwin();
        services.AddHealthTwin();
        using ServiceProvider provider = services.BuildServiceProvider();

        IAIAgent[] agents = provider.GetServices<IAIAgent>().ToArray();

        agents.Select(a => a.Id).Order(StringComparer.Ordinal).Should().Equal(Ids);
        agents.Select(a => a.GetType()).Should().OnlyHaveUniqueItems().And.OnlyContain(t => t.Namespace == "HealthTwin.Agents.BuiltIn");
        agents.Should().OnlyContain(a => !string.IsNullOrWhiteSpace(a.Name) && !string.IsNullOrWhiteSpace(a.Description));
    }

    public static TheoryData<string> Cases => new()
    {
        "well-recovered", "exam-week", "overreaching", "short-sleeper", "sick-day",
        "single-day", "zero-baseline", "nan-baseline", "sdnn-today", "extremes-high", "extremes-low", "gappy-history",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnalyzeAsync_AnyContext_WellFormedRecommendationsWithFiniteEvidence(string name)
    {
        foreach (AgentContext context in Contexts(name))
        {
            foreach (IAIAgent agent in All())
            {
                IReadOnlyList<AgentRecommendation> recommendations = Run(agent, context);

                recommendations.Select(r => r.Id).Should().OnlyHaveUniqueItems();
                foreach (AgentRecommendation r in recommendations)
                {
                    string[] parts = r.Id.Split(':');
                    parts.Should().HaveCount(3);
                    r.Id.Should().Be(RecommendationId.Create(agent.Id, parts[1], context.Today.Date));
                    r.Agent.Should().Be(agent.Id);
                    r.CreatedAt.Should().Be(context.AnalyzedAt);
                    r.Source.Should().Be(AgentRecommendation.LocalSource);
                    r.Title.Should().NotBeNullOrWhiteSpace();
                    r.Rationale.Should().NotBeNullOrWhiteSpace().And.NotContain("NaN").And.NotContain("∞").And.NotContain("Infinity");
                    r.Actions.Select(a => a.Kind).Should().Equal(RecommendationActionKind.Accept, RecommendationActionKind.Snooze, RecommendationActionKind.Reject);
                    r.Evidence.Should().NotBeEmpty($"{r.Id} must say why it was made");
                    foreach (Evidence e in r.Evidence)
                    {
                        e.Metric.Should().NotBeNullOrWhiteSpace();
                        new[] { e.Value, e.Baseline, e.DeltaPercent, e.Threshold }.Should().OnlyContain(v => v == null || double.IsFinite(v.Value), $"evidence {e.Metric} of {r.Id}");
                    }
                }

                Action serialize = () => HealthTwinJson.Serialize(recommendations);
                serialize.Should().NotThrow();
            }

            PlannerAgent.CreatePlan(context).SleepDebtHours.Should().Match(v => v == null || (double.IsFinite(v.Value) && v >= 0));
            RecoveryPredictionAgent.Predict(context).RecoveryPercent.Should().Match(v => v == null || (v >= 0 && v <= 100));
            InjuryRisk risk = InjuryRiskAgent.Assess(context);
            risk.Score.Should().BeInRange(0, 100);
            (risk.WeekOverWeekWorkoutChangePercent is null || double.IsFinite(risk.WeekOverWeekWorkoutChangePercent.Value)).Should().BeTrue();
            PredictiveAnalyticsAgent.Predict(context).Should().HaveCount(7).And.OnlyContain(p => p.Score >= 0 && p.Score <= 100 && p.DaysOfData >= 0);
        }
    }

    [Fact]
    public async Task AnalyzeAsync_CancelledToken_Throws()
    {
        AgentContext context = Week(d => d);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        foreach (IAIAgent agent in All())
        {
            Func<Task> act = async () => await agent.AnalyzeAsync(context, cancelled.Token);
            await act.Should().ThrowAsync<OperationCanceledException>();
        }
    }

    [Fact]
    public async Task AnalyzeAsync_NullContext_Throws()
    {
        foreach (IAIAgent agent in All())
        {
            Func<Task> act = async () => await agent.AnalyzeAsync(null!, CancellationToken.None);
            await act.Should().ThrowAsync<ArgumentNullException>();
        }
    }

    [Fact]
    public void PublicStaticHelpers_NullContext_ThrowArgumentNullExceptionForContext()
    {
        // Each would otherwise fail later with a NullReferenceException that names no argument.
        ((Action)(() => InjuryRiskAgent.Assess(null!))).Should().Throw<ArgumentNullException>().WithParameterName("context");
        ((Action)(() => PlannerAgent.CreatePlan(null!))).Should().Throw<ArgumentNullException>().WithParameterName("context");
        ((Action)(() => PredictiveAnalyticsAgent.Predict(null!))).Should().Throw<ArgumentNullException>().WithParameterName("context");
        ((Action)(() => RecoveryPredictionAgent.Predict(null!))).Should().Throw<ArgumentNullException>().WithParameterName("context");
    }

    private static IEnumerable<AgentContext> Contexts(string name)
    {
        DateTimeOffset[] hours = [At(0), At(7), At(12), At(18), At(20, 30), At(21, 30), At(23, 59)];
        var weather = new ContextData { Weather = new Weather(-5, WeatherCondition.Snow) };
        var bedroom = new SleepEnvironment { TemperatureCelsius = 25, HumidityPercent = 20, NoiseDb = 50, LightLux = 30, Co2Ppm = 2000 };
        IEnumerable<AgentContext> AtAllHours(IReadOnlyList<DailyMetrics> history, UserProfile? profile = null, Baseline? baseline = null) =>
            hours.Select(h => Create(history, profile, baseline, now: h, contextData: weather, sleepEnvironment: bedroom));

        SyntheticScenario? scenario = name switch
        {
            "well-recovered" => SyntheticScenario.WellRecovered,
            "exam-week" => SyntheticScenario.ExamWeekStress,
            "overreaching" => SyntheticScenario.OverreachingAthlete,
            "short-sleeper" => SyntheticScenario.ChronicShortSleeper,
            "sick-day" => SyntheticScenario.SickDay,
            _ => null,
        };
        if (scenario is { } s)
        {
            return AtAllHours(SyntheticHistory.Generate(s, TestData.Today), SyntheticHistory.RecommendedProfile(s));
        }

        Baseline zero = new() { Hrv = 0, RestingHr = 0, SleepHours = 0, SleepEfficiency = 0, StressScore = 0 };
        Baseline nan = new() { Hrv = double.NaN, RestingHr = double.PositiveInfinity, SleepHours = double.NaN, SleepEfficiency = double.NegativeInfinity, StressScore = double.NaN };
        return name switch
        {
            "single-day" => AtAllHours([TestData.Day() with { SleepHours = 3, StressScore = 95, EnergyScore = 1, TrainingLoad = 95 }]),
            "zero-baseline" => AtAllHours(TestData.History(20, (d, _) => d with { SleepHours = 0, SleepEfficiency = 0, StressScore = 0, WorkoutMinutes = 0 }), baseline: zero),
            "nan-baseline" => AtAllHours(TestData.History(20), baseline: nan),
            "sdnn-today" => AtAllHours(TestData.History(20, (d, i) => i == 19 ? d with { Hrv = 20, HrvMethod = HrvMethod.Sdnn } : d)),
            "extremes-high" => AtAllHours(TestData.History(20, (d, _) => d with
            {
                SleepHours = 24, SleepEfficiency = 100, Hrv = 1000, RestingHr = 250, Steps = int.MaxValue, WorkoutMinutes = 1440,
                TrainingLoad = 100, StressScore = 100, MoodScore = 5, EnergyScore = 5,
            }), TestData.Profile() with { SleepNeedHours = 14 }),
            "extremes-low" => AtAllHours(TestData.History(20, (d, i) => d with
            {
                SleepHours = 0, SleepEfficiency = 0, Hrv = i == 19 ? 0.001 : 1000, RestingHr = i == 19 ? 250 : 20, Steps = 0, WorkoutMinutes = i < 10 ? 1 : 1440,
                TrainingLoad = 0, StressScore = 0, MoodScore = 1, EnergyScore = 1,
            })),
            _ => AtAllHours(TestData.History(40).Where((_, i) => i % 3 != 1).ToList()),
        };
    }
}

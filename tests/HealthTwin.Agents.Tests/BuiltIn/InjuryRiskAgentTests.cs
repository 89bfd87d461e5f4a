using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

public sealed class InjuryRiskAgentTests
{
    private readonly InjuryRiskAgent _agent = new();

    [Theory]
    [InlineData("load", 80, 0)]
    [InlineData("load", 80.1, 25)]
    [InlineData("hrv", 80.1, 0)]   // −19.9 %
    [InlineData("hrv", 80, 0)]     // −20 %
    [InlineData("hrv", 79.9, 20)]  // −20.1 %
    [InlineData("sleep", 6.1, 0)]
    [InlineData("sleep", 6, 0)]
    [InlineData("sleep", 5.9, 15)]
    [InlineData("heart", 54.95, 0)] // +9.9 %
    [InlineData("heart", 55, 0)]    // +10 %
    [InlineData("heart", 55.05, 15)] // +10.1 %
    [InlineData("stress", 74.9, 0)]
    [InlineData("stress", 75, 0)]
    [InlineData("stress", 75.1, 15)]
    public void Assess_FactorAroundItsThreshold_PointsOnlyBeyond(string factor, double value, int points)
    {
        InjuryRisk risk = InjuryRiskAgent.Assess(Week(d => factor switch
        {
            "load" => d with { TrainingLoad = value },
            "hrv" => d with { Hrv = value },
            "sleep" => d with { SleepHours = value },
            "heart" => d with { RestingHr = value },
            _ => d with { StressScore = value },
        }));

        risk.Score.Should().Be(points);
        risk.Factors.Should().HaveCount(points > 0 ? 1 : 0);
    }

    [Theory]
    [InlineData(70, 0)]
    [InlineData(70.1, 10)]
    public void Assess_LoadOnEachOfTheLastThreeDaysAroundSeventy_TenPointsAndJoints(double load, int points)
    {
        List<DailyMetrics> history = WeekHistory(d => d);
        for (int i = 4; i < 7; i++)
        {
            history[i] = history[i] with { TrainingLoad = load };
        }

        InjuryRisk risk = InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline));

        risk.Score.Should().Be(points);
        risk.Areas.Should().Equal(points > 0 ? ["joints", "tendons"] : Array.Empty<string>());
    }

    [Fact]
    public void Assess_OneOfTheLastThreeDaysEasy_NoConsecutivePoints()
    {
        List<DailyMetrics> history = WeekHistory(d => d with { TrainingLoad = 75 });
        history[5] = history[5] with { TrainingLoad = 30 };
        history[4] = history[4] with { TrainingLoad = 75 };

        InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline)).Score.Should().Be(0);
    }

    [Fact]
    public void Assess_OnlyTwoDaysPresent_NoConsecutivePoints()
    {
        List<DailyMetrics> history = Days(2, (d, _) => d with { TrainingLoad = 78 });

        InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline)).Score.Should().Be(0);
    }

    [Theory]
    [InlineData(75, new string[0])]
    [InlineData(75.1, new[] { "lower body", "connective tissue" })]
    public void Assess_TodaysLoadAroundSeventyFive_LowerBodyAtRisk(double load, string[] areas)
    {
        InjuryRiskAgent.Assess(Week(d => d with { TrainingLoad = load })).Areas.Should().Equal(areas);
    }

    [Fact]
    public void Assess_ThreeHardDaysEndingAboveSeventyFive_JointsAndLowerBodyAtRisk()
    {
        List<DailyMetrics> history = WeekHistory(d => d);
        for (int i = 4; i < 7; i++)
        {
            history[i] = history[i] with { TrainingLoad = i == 6 ? 76 : 71 };
        }

        InjuryRisk risk = InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline));

        risk.Score.Should().Be(10);
        risk.Areas.Should().Equal("joints", "tendons", "lower body", "connective tissue");
    }

    public static TheoryData<string, int, RiskLevel, RecommendationPriority?> Levels => new()
    {
        { "load", 25, RiskLevel.Low, null },
        { "sleep+heart", 30, RiskLevel.Medium, null },
        { "load+hrv", 45, RiskLevel.Medium, null },
        { "hrv+sleep+heart", 50, RiskLevel.High, RecommendationPriority.Medium },
        { "load+hrv+sleep", 60, RiskLevel.High, RecommendationPriority.Medium },
        { "load+hrv+sleep+heart", 75, RiskLevel.Critical, RecommendationPriority.High },
        { "load+hrv+sleep+heart+stress", 90, RiskLevel.Critical, RecommendationPriority.High },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void AnalyzeAsync_ScoreAroundHighAndCritical_AlertOnlyFromHigh(string factors, int score, RiskLevel level, RecommendationPriority? priority)
    {
        AgentContext context = Week(d => d with
        {
            TrainingLoad = factors.Contains("load", StringComparison.Ordinal) ? 85 : d.TrainingLoad,
            Hrv = factors.Contains("hrv", StringComparison.Ordinal) ? 70 : d.Hrv,
            SleepHours = factors.Contains("sleep", StringComparison.Ordinal) ? 5 : d.SleepHours,
            RestingHr = factors.Contains("heart", StringComparison.Ordinal) ? 60 : d.RestingHr,
            StressScore = factors.Contains("stress", StringComparison.Ordinal) ? 90 : d.StressScore,
        });

        InjuryRisk risk = InjuryRiskAgent.Assess(context);
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, context);

        risk.Score.Should().Be(score);
        risk.Level.Should().Be(level);
        if (priority is null)
        {
            recommendations.Should().BeEmpty();
        }
        else
        {
            AgentRecommendation alert = recommendations.Should().ContainSingle().Subject;
            alert.Id.Should().Be("injury-risk:injury-risk:2025-03-14");
            alert.Type.Should().Be(RecommendationType.Alert);
            alert.Priority.Should().Be(priority);
            alert.Evidence.Where(e => e.Metric is not ("acuteChronicLoadRatio" or "loadMonotony")).Should().HaveCount(1 + risk.Factors.Count);
            alert.Evidence.Should().ContainSingle(e => e.Metric == "loadMonotony" && e.Threshold == 2)
                .Which.Value.Should().Be(factors.Contains("load", StringComparison.Ordinal) ? 2.95 : 10, "six days at 40 and today 85: mean 46.43 / SD 15.75; seven identical loads are maximally monotonous (the cap)");
            alert.Evidence.Should().NotContain(e => e.Metric == "acuteChronicLoadRatio", "the ratio needs 28 days");
            alert.Rationale.Should().NotContain("/100").And.NotContain("score").And.Contain("not an injury probability");
        }
    }

    [Theory]
    [InlineData(35.9, false)]
    [InlineData(36, false)]   // +20 %
    [InlineData(36.1, true)]
    public void AnalyzeAsync_OriginalAppWeekOverWeekMinutesAroundTwentyPercent_HighSpikeOnlyAbove(double minutes, bool expected)
    {
        List<DailyMetrics> history = Days(14, (d, i) => d with { WorkoutMinutes = i < 7 ? 30 : minutes });

        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, RulesTestContext.Original(history));

        if (expected)
        {
            AgentRecommendation spike = recommendations.Should().ContainSingle().Subject;
            spike.Id.Should().Be("injury-risk:load-spike:2025-03-14");
            spike.Type.Should().Be(RecommendationType.Training);
            spike.Priority.Should().Be(RecommendationPriority.High);
            spike.Evidence.Should().ContainSingle(e => e.Metric == "workoutMinutes" && e.Threshold == 20);
            spike.Rationale.Should().NotContain("at most").And.Contain("Buist 2008");
        }
        else
        {
            recommendations.Should().BeEmpty();
        }
    }

    [Fact]
    public void Assess_OnlySevenDays_NoWeekOverWeekComparison()
    {
        // The original app compared within a 7-day window and so never fired; with no earlier week there is nothing to compare.
        List<DailyMetrics> history = Days(7, (d, i) => d with { WorkoutMinutes = i < 3 ? 10 : 90 });

        InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline)).WeekOverWeekWorkoutChangePercent.Should().BeNull();
    }

    [Fact]
    public void Assess_LongHistory_ComparesLastSevenDaysWithTheSevenBefore()
    {
        List<DailyMetrics> history = Days(30, (d, i) => d with { WorkoutMinutes = i switch { < 16 => 99, < 23 => 40, _ => 60 } });

        InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline)).WeekOverWeekWorkoutChangePercent.Should().Be(50);
    }

    [Fact]
    public void Assess_GapsInTheEarlierWeek_MeanPerDayPresent()
    {
        // Earlier week: only 3 days present (40 min each); last 7 days: 50 min each → +25 %, not +192 % as sums would say.
        List<DailyMetrics> history = Days(14, (d, i) => d with { WorkoutMinutes = i < 7 ? 40 : 50 });
        history.RemoveAt(5);
        history.RemoveAt(3);
        history.RemoveAt(1);
        history.RemoveAt(0);

        InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline)).WeekOverWeekWorkoutChangePercent.Should().Be(25);
    }

    [Fact]
    public void Assess_EarlierWeekWithoutWorkouts_NoComparison()
    {
        List<DailyMetrics> history = Days(14, (d, i) => d with { WorkoutMinutes = i < 7 ? 0 : 60 });

        InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline)).WeekOverWeekWorkoutChangePercent.Should().BeNull();
    }

    [Fact]
    public void Assess_EarlierDataOlderThanTheWeekBefore_NoComparison()
    {
        List<DailyMetrics> history = Days(7);
        history.Insert(0, TestData.Day(TestData.Today.AddDays(-20)) with { WorkoutMinutes = 5 });

        InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline)).WeekOverWeekWorkoutChangePercent.Should().BeNull();
    }

    [Fact]
    public void Assess_ThresholdsChanged_SleepAndRestingHrRulesFollow()
    {
        Func<DailyMetrics, DailyMetrics> day = d => d with { SleepHours = 6.5, RestingHr = 53 };

        InjuryRiskAgent.Assess(Week(day)).Score.Should().Be(0);
        InjuryRiskAgent.Assess(Week(day, thresholds: new AlertThresholds { MinSleepHours = 7, RestingHrIncreasePercent = 5 })).Score.Should().Be(30);
    }

    [Fact]
    public void AnalyzeAsync_RatioOnePointFiveThree_SpikeFlagWithTheCaveatNeverARiskScore()
    {
        // 28 days at 20, then 7 at 70: EWMA acute 63.328 / chronic 41.438 = 1.528 (worked example in the docs).
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, RulesTestContext.Evidence(HardWeek(70)));

        AgentRecommendation spike = recommendations.Should().ContainSingle().Subject;
        spike.Id.Should().Be("injury-risk:load-spike:2025-03-14");
        spike.Type.Should().Be(RecommendationType.Training);
        spike.Priority.Should().Be(RecommendationPriority.Medium);
        spike.Title.Should().Be("Training load spike");
        spike.Evidence.Should().ContainSingle(e => e.Metric == "acuteChronicLoadRatio").Which.Should().BeEquivalentTo(new { Value = 1.53, Threshold = 1.5 });
        spike.Rationale.Should().Contain("acute:chronic workload ratio is 1.53").And.Contain("7-day load (63.3").And.Contain("28-day load (41.4)")
            .And.Contain("Impellizzeri 2020").And.Contain("not an injury probability");
        spike.Rationale.Should().NotContain("/100").And.NotContain("risk score").And.NotContain("at most");
    }

    [Theory]
    [InlineData(64.7, false)] // ratio 1.49966
    [InlineData(64.8, true)]  // ratio 1.50023
    public void AnalyzeAsync_RatioAroundOnePointFive_SpikeOnlyAbove(double hardWeek, bool expected)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, RulesTestContext.Evidence(HardWeek(hardWeek)));

        RuleIds(recommendations).Contains(InjuryRiskAgent.SpikeRule).Should().Be(expected);
    }

    [Fact]
    public void AnalyzeAsync_RatioAboveAConfiguredThreshold_Only()
    {
        AgentContext context = RulesTestContext.Evidence(HardWeek(70), trainingLoad: o => o.SpikeRatioAbove = 1.6);

        Run(_agent, context).Should().BeEmpty();
        context.TrainingLoad.LoadSpike.Should().BeFalse();
    }

    [Fact]
    public void AnalyzeAsync_OriginalAppHardWeekWithSteadyMinutes_NoSpike()
    {
        // The original app only compared workout minutes, which stay at 30 here.
        Run(_agent, RulesTestContext.Original(HardWeek(70))).Should().BeEmpty();
    }

    [Theory]
    [InlineData(35.9, 20, false)]
    [InlineData(36, 20, false)]
    [InlineData(36.1, 20, true)]
    [InlineData(36.1, 50, false)]
    public void AnalyzeAsync_NoTrainingLoad_FallsBackToWorkoutMinutesWithTheConfiguredRise(double minutes, double risePercent, bool expected)
    {
        List<DailyMetrics> history = Days(14, (d, i) => d.Without(HealthMetric.TrainingLoad) with { WorkoutMinutes = i < 7 ? 30 : minutes });

        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, RulesTestContext.Evidence(history, trainingLoad: o => o.WorkoutMinutesRiseAbovePercent = risePercent));

        if (expected)
        {
            AgentRecommendation spike = recommendations.Should().ContainSingle().Subject;
            spike.Priority.Should().Be(RecommendationPriority.Medium);
            spike.Evidence.Should().ContainSingle(e => e.Metric == "workoutMinutes" && e.Threshold == risePercent);
            spike.Rationale.Should().Contain("training load not recorded, so volume was compared instead").And.Contain("Buist 2008").And.NotContain("at most");
        }
        else
        {
            recommendations.Should().BeEmpty();
        }
    }

    [Fact]
    public void AnalyzeWithOutcomeAsync_LoadHistoryTooShortAndNoEarlierWeek_SaysTheRatioIsCalibrating()
    {
        AgentOutcome outcome = Outcome(RulesTestContext.Evidence(Days(7)));

        SkippedRule skipped = outcome.SkippedRules.Should().ContainSingle(s => s.Rule == InjuryRiskAgent.SpikeRule).Subject;
        skipped.MissingMetrics.Should().Equal(HealthMetric.TrainingLoad, HealthMetric.WorkoutMinutes);
        skipped.Reason.Should().Be("calibrating: the acute:chronic workload ratio needs 28 days of load history (7 of 28 days so far), and no earlier week of workout minutes to compare with: the load-spike check was not judged");
    }

    [Fact]
    public void AnalyzeWithOutcomeAsync_NeitherLoadNorMinutes_NamesBoth()
    {
        AgentOutcome outcome = Outcome(RulesTestContext.Evidence(Days(30, (d, _) => d.Without(HealthMetric.TrainingLoad, HealthMetric.WorkoutMinutes))));

        outcome.SkippedRules.Should().ContainSingle(s => s.Rule == InjuryRiskAgent.SpikeRule)
            .Which.Reason.Should().Be("training load not recorded, and workout minutes not recorded: the load-spike check was not judged");
    }

    [Fact]
    public void AnalyzeWithOutcomeAsync_LoadWithGaps_SaysWhichDaysAreUnknown()
    {
        List<DailyMetrics> history = Days(40);
        history.RemoveRange(20, 8); // eight calendar days without a record, 12 to 19 days ago

        AgentOutcome outcome = Outcome(RulesTestContext.Evidence(history));

        outcome.SkippedRules.Should().BeEmpty("workout minutes of the week before were compared instead");
        RulesTestContext.Evidence(history).TrainingLoad.AcuteChronicRatio.Should().BeNull();
        history.RemoveRange(history.Count - 14, 7); // and the week before the last one
        Outcome(RulesTestContext.Evidence(history)).SkippedRules.Should().ContainSingle(s => s.Rule == InjuryRiskAgent.SpikeRule)
            .Which.Reason.Should().StartWith("training load unknown on 0 of the last 7 days and 15 of the last 28, too many for the acute:chronic workload ratio");
    }

    [Theory]
    [InlineData(false, "Several warning signs at once")]
    [InlineData(true, "High injury risk")]
    public void AnalyzeAsync_HighRiskInEachPreset_TitleOfThePresetAndNoScoreText(bool original, string title)
    {
        List<DailyMetrics> history = AgentTestContext.WeekHistory(d => d with { Hrv = 70, SleepHours = 5, RestingHr = 60 });
        AgentContext context = original ? RulesTestContext.Original(history) : RulesTestContext.Evidence(history);

        AgentRecommendation alert = Run(_agent, context).Should().ContainSingle().Subject;

        alert.Title.Should().Be(title);
        alert.Rationale.Should().StartWith("3 warning signs at once: Marked HRV drop, Too little sleep, Elevated resting heart rate.")
            .And.EndWith("This counts warning signs in your data; it is not an injury probability or a diagnosis.");
        alert.Rationale.Should().NotContain("/100").And.NotContain("score");
        alert.Evidence[0].Should().BeEquivalentTo(new { Metric = "injuryRisk", Value = 50.0, Threshold = 50.0 });
        alert.Evidence[0].Note.Should().Contain("not a probability");
    }

    private static AgentOutcome Outcome(AgentContext context)
    {
        ValueTask<AgentOutcome> pending = new InjuryRiskAgent().AnalyzeWithOutcomeAsync(context, CancellationToken.None);
        if (!pending.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("The injury-risk agent is synchronous.");
        }

        return pending.Result;
    }

    /// <summary>28 days at load 20, then 7 at <paramref name="load"/>, at the round baseline's HRV and resting HR.</summary>
    private static List<DailyMetrics> HardWeek(double load) => Days(35, (d, i) => d with { TrainingLoad = i < 28 ? 20 : load });

    /// <summary>Consecutive days at the round baseline's HRV and resting HR, so only the tested values add points.</summary>
    private static List<DailyMetrics> Days(int count, Func<DailyMetrics, int, DailyMetrics>? change = null) =>
        TestData.History(count, (d, i) =>
        {
            DailyMetrics normal = d with { Hrv = 100, RestingHr = 50 };
            return change is null ? normal : change(normal, i);
        });
}

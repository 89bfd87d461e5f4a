using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>Every calculator with each metric missing: no exception, never computed from zeros, coverage names exactly what is missing.</summary>
public sealed class PartialDayCalculatorTests
{
    /// <summary>These partial-day tests run the original app's rules; the evidence-based rules have their own partial-day tests.</summary>
    private static readonly RuleOptions Original = RuleOptions.OriginalApp();

    private static readonly Baseline Round = TestData.Baseline(hrv: 100, restingHr: 50, sleepHours: 7.5, efficiency: 90, stress: 40);

    private static DailyMetrics Normal(DateOnly? date = null) =>
        TestData.Day(date) with { Hrv = 100, RestingHr = 50, SleepHours = 7.5, SleepEfficiency = 90, StressScore = 40 };

    public static TheoryData<HealthMetric, int> ReadinessPenalties => new()
    {
        { HealthMetric.SleepHours, 80 },      // 5 h: sleep score 60 → −20
        { HealthMetric.SleepEfficiency, 80 }, // 60 %: sleep score 60 → −20
        { HealthMetric.Hrv, 75 },             // −20 % → −25
        { HealthMetric.RestingHr, 80 },       // +12 % → −20
        { HealthMetric.TrainingLoad, 85 },    // 90 → −15
        { HealthMetric.StressScore, 90 },     // 80 → −10
        { HealthMetric.MoodScore, 85 },       // 2 → −15
        { HealthMetric.EnergyScore, 85 },     // 2 → −15
    };

    [Theory]
    [MemberData(nameof(ReadinessPenalties))]
    public void Readiness_PenalisedMetricMissing_NoPenaltyAndCoverageNamesExactlyIt(HealthMetric metric, int penalised)
    {
        DailyMetrics bad = metric switch
        {
            HealthMetric.SleepHours => Normal() with { SleepHours = 5 },
            HealthMetric.SleepEfficiency => Normal() with { SleepEfficiency = 60 },
            HealthMetric.Hrv => Normal() with { Hrv = 80 },
            HealthMetric.RestingHr => Normal() with { RestingHr = 56 },
            HealthMetric.TrainingLoad => Normal() with { TrainingLoad = 90 },
            HealthMetric.StressScore => Normal() with { StressScore = 80 },
            HealthMetric.MoodScore => Normal() with { MoodScore = 2 },
            _ => Normal() with { EnergyScore = 2 },
        };

        ReadinessScore present = ReadinessCalculator.Compute(bad, Round, null, Original);
        ReadinessScore missing = ReadinessCalculator.Compute(bad.Without(metric), Round, null, Original);

        present.Score.Should().Be(penalised);
        present.Coverage.IsComplete.Should().BeTrue();
        missing.Score.Should().Be(100, "a metric that was not measured costs no points and is never read as 0");
        missing.Coverage.Missing.Should().Equal(metric);
        missing.Coverage.Used.Should().NotContain(metric);
        missing.Coverage.Summary.Should().Contain(MetricText.Name(metric));
    }

    [Fact]
    public void Readiness_NoRecoveryMarker_ScoreUnknownAndNothingCountsAsUsed()
    {
        DailyMetrics day = Normal().Without(HealthMetric.SleepHours, HealthMetric.SleepEfficiency, HealthMetric.Hrv, HealthMetric.RestingHr);

        ReadinessScore score = ReadinessCalculator.Compute(day, Round, null, Original);

        score.Score.Should().BeNull();
        score.Explanations.Should().BeEmpty();
        score.Coverage.Missing.Should().Equal(HealthMetric.SleepHours, HealthMetric.SleepEfficiency, HealthMetric.Hrv, HealthMetric.RestingHr);
        score.Coverage.Used.Should().BeEmpty("load, stress and mood alone do not describe recovery, so no score was built from them");
        score.Coverage.Summary.Should().Be("The readiness could not be judged: sleep duration, sleep efficiency, HRV and resting heart rate not recorded.");
    }

    [Fact]
    public void Readiness_NoMetricButOneRecoveryMarker_ScoreFromItAlone()
    {
        ReadinessScore score = ReadinessCalculator.Compute(Normal().Only(HealthMetric.Hrv) with { Hrv = 80 }, Round, null, Original);

        score.Score.Should().Be(75);
        score.Coverage.Used.Should().Equal(HealthMetric.Hrv);
        score.Coverage.Missing.Should().HaveCount(7);
    }

    [Fact]
    public void Readiness_EfficiencyDerivedFromTimeInBed_SleepJudged()
    {
        // 6 h of 8 h in bed: 75 % → sleep score 6 × 75 / 7.5 = 60 → −20.
        DailyMetrics day = Normal() with { SleepHours = 6, TimeInBedHours = 8, SleepEfficiency = null };

        ReadinessScore score = ReadinessCalculator.Compute(day, Round, null, Original);

        score.Score.Should().Be(80);
        score.Coverage.IsComplete.Should().BeTrue();
        ReadinessCalculator.SleepScore(day, Round).Should().Be(60);
    }

    [Fact]
    public void Readiness_RecordedButNoBaseline_CoverageNamesItAsWithoutBaseline()
    {
        ReadinessScore score = ReadinessCalculator.Compute(Normal() with { Hrv = 50 }, Round.Without(HealthMetric.Hrv), null, Original);

        score.Score.Should().Be(100, "an HRV without a baseline is not compared with anything");
        score.Coverage.Missing.Should().Equal(HealthMetric.Hrv);
        score.Coverage.Summary.Should().Contain("no baseline yet");
    }

    public static TheoryData<HealthMetric> BurnoutInputs => new(
        HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.SleepEfficiency, HealthMetric.StressScore, HealthMetric.MoodScore, HealthMetric.EnergyScore);

    [Theory]
    [MemberData(nameof(BurnoutInputs))]
    public void Burnout_MetricMissingOnEveryDay_LevelStillJudgedAndCoverageNamesExactlyIt(HealthMetric metric)
    {
        List<DailyMetrics> history = TestData.History(7, (d, _) => (Normal(d.Date)).Without(metric));

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, Round, null, Original);

        risk.Level.Should().Be(BurnoutLevel.Green);
        risk.Score.Should().Be(0);
        risk.Coverage.Missing.Should().Equal(metric);
        risk.Coverage.Summary.Should().Contain(MetricText.Name(metric));
    }

    [Theory]
    [InlineData(HealthMetric.Hrv)]
    [InlineData(HealthMetric.RestingHr)]
    [InlineData(HealthMetric.StressScore)]
    public void Burnout_MarkerInputMissing_MarkerAddsNoPoints(HealthMetric metric)
    {
        List<DailyMetrics> history = TestData.History(7, (d, _) => Normal(d.Date) with { Hrv = 70, RestingHr = 60, StressScore = 80, MoodScore = 2 });

        BurnoutRisk all = BurnoutRiskCalculator.Compute(history, Round, null, Original);
        BurnoutRisk without = BurnoutRiskCalculator.Compute(history.Select(d => d.Without(metric)).ToList(), Round, null, Original);

        all.Score.Should().Be(80);
        without.Score.Should().Be(80 - (metric switch { HealthMetric.Hrv => 30, _ => 25 }));
    }

    [Fact]
    public void Burnout_NoMarkerMetric_LevelUnknown()
    {
        List<DailyMetrics> history = TestData.History(7, (d, _) => d.Only(HealthMetric.Steps, HealthMetric.WorkoutMinutes));

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, Baseline.Unknown, null, Original);

        risk.Level.Should().BeNull();
        risk.Score.Should().Be(0);
        risk.Reasons.Should().BeEmpty();
        risk.Coverage.Used.Should().BeEmpty();
        risk.Coverage.Summary.Should().StartWith("The burnout risk could not be judged");
    }

    [Fact]
    public void Burnout_RestingHrOnOneOfThreeDays_MeanOverThatDayOnly()
    {
        // Only today has a resting HR (60 = +20 %): a mean over 3 days with zeros would be 20 bpm and add nothing.
        List<DailyMetrics> history = TestData.History(7, (d, i) => i == 6 ? Normal(d.Date) with { RestingHr = 60 } : Normal(d.Date).Without(HealthMetric.RestingHr));

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, Round, null, Original);

        risk.Score.Should().Be(25);
        risk.Level.Should().Be(BurnoutLevel.Yellow);
        risk.Coverage.IsComplete.Should().BeTrue();
    }

    [Theory]
    [InlineData(HealthMetric.RestingHr, "hrv", "sleepEfficiency")]
    [InlineData(HealthMetric.Hrv, "restingHr", "sleepEfficiency")]
    [InlineData(HealthMetric.SleepEfficiency, "restingHr", "hrv")]
    public void Anomalies_MetricMissingToday_OnlyTheOthersDetected(HealthMetric metric, string first, string second)
    {
        DailyMetrics today = Normal() with { RestingHr = 60, Hrv = 70, SleepEfficiency = 70 };

        AnomalyDetector.Detect(today, Round, null, Original).Select(a => a.Metric).Should().Equal("restingHr", "hrv", "sleepEfficiency");
        AnomalyDetector.Detect(today.Without(metric), Round, null, Original).Select(a => a.Metric).Should().Equal(first, second);
        AnomalyDetector.Detect(today, Round.Without(metric), null, Original).Select(a => a.Metric).Should().Equal(first, second);
    }

    [Fact]
    public void Anomalies_DayWithoutAnyCompared_NoneAndNoException()
    {
        AnomalyDetector.Detect(Normal().Only(HealthMetric.Steps), Round, null, Original).Should().BeEmpty();
        AnomalyDetector.Detect(Normal(), Baseline.Unknown, null, Original).Should().BeEmpty();
    }

    [Fact]
    public void SleepDebt_NightsWithoutSleep_AddNoDebt()
    {
        UserProfile profile = TestData.Profile() with { SleepNeedHours = 8 };
        List<DailyMetrics> history = TestData.History(7, (d, i) => i is 1 or 3 or 5 ? d.Without(HealthMetric.SleepHours) : d with { SleepHours = 7 });

        SleepDebt debt = SleepDebtCalculator.Compute(history, profile, Round);

        debt.Should().Be(new SleepDebt(4, 8, 4) { NeedSource = SleepNeedSource.Profile });
    }

    [Fact]
    public void SleepDebt_NoNightWithSleep_Unknown()
    {
        List<DailyMetrics> history = TestData.History(7, (d, _) => d.Without(HealthMetric.SleepHours));

        SleepDebtCalculator.Compute(history, TestData.Profile() with { SleepNeedHours = 8 }, Round).Should().Be(new SleepDebt(null, 8, 0) { NeedSource = SleepNeedSource.Profile });
    }

    [Fact]
    public void SleepDebt_OriginalAppNoNeedAndNoSleepBaseline_UnknownButNightsCounted()
    {
        List<DailyMetrics> history = TestData.History(7, (d, _) => d with { SleepHours = 5 });

        SleepDebtCalculator.Compute(history, TestData.Profile(), Round.Without(HealthMetric.SleepHours), HealthTwin.Agents.Rules.RuleOptions.OriginalApp())
            .Should().Be(new SleepDebt(null, null, 7));
    }

    [Fact]
    public void TrainingLoad_RecordedDaysWithoutLoad_AreRestDaysByDefault()
    {
        // Ten days at 50, then nine recorded days without a load value (rest days: load 0) and today with 0.
        List<DailyMetrics> withRest = TestData.History(20, (d, i) => i < 10 ? d with { TrainingLoad = 50 } : i < 19 ? d.Without(HealthMetric.TrainingLoad) : d with { TrainingLoad = 0 });
        List<DailyMetrics> withZeros = TestData.History(20, (d, i) => d with { TrainingLoad = i < 10 ? 50 : 0 });

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(withRest);

        (summary.LoadDays, summary.RestDays, summary.UnrecordedDays).Should().Be((11, 9, 0));
        TrainingLoadSummary zeros = TrainingLoadCalculator.Compute(withZeros);
        (summary.AcuteLoad, summary.ChronicLoad, summary.Fitness, summary.Fatigue, summary.Form, summary.Monotony)
            .Should().Be((zeros.AcuteLoad, zeros.ChronicLoad, zeros.Fitness, zeros.Fatigue, zeros.Form, zeros.Monotony));
        summary.AcuteLoad.Should().Be(2.666, "ten rest days bring the 7-day load down: 50 × (0.75^10 − 0.75^20) / (1 − 0.75^20)");
    }

    [Fact]
    public void TrainingLoad_DaysWithoutLoadAsUnknown_DoNotLowerTheAverages()
    {
        List<DailyMetrics> withGaps = TestData.History(12, (d, i) => i is 4 or 8 ? d.Without(HealthMetric.TrainingLoad) : d with { TrainingLoad = 50 });

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(withGaps, new TrainingLoadRuleOptions { DayWithoutLoad = DayWithoutLoadTreatment.Unknown });

        summary.AcuteLoad.Should().Be(50, "days without a load value are then unknown, not days of zero load");
        summary.ChronicLoad.Should().Be(50);
        (summary.LoadDays, summary.RestDays, summary.UnrecordedDays).Should().Be((10, 0, 2));
        summary.Monotony.Should().BeNull("the last 7 days include an unknown one");
    }

    [Fact]
    public void TrainingLoad_OneUnrecordedDayInTheWeek_RestDayInTheMonotony()
    {
        // 40, 41, 42, rest, 44, 45, 46: the recorded day without a load counts as 0 in Foster's week.
        List<DailyMetrics> history = TestData.History(7, (d, i) => i == 3 ? d.Without(HealthMetric.TrainingLoad) : d with { TrainingLoad = 40 + i });

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        summary.Monotony.Should().Be(2.428); // mean 258 / 7 = 36.857, population SD 15.179
        summary.LoadDays.Should().Be(6);
        summary.RestDays.Should().Be(1);
    }

    [Fact]
    public void TrainingLoad_NoLoadAndNoHrv_EverythingUnknownWithoutException()
    {
        List<DailyMetrics> history = TestData.History(30, (d, _) => d.Only(HealthMetric.Steps));

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        summary.Should().BeEquivalentTo(new TrainingLoadSummary { LoadDays = 0 });
        summary.LoadSpike.Should().BeFalse();
        summary.HighMonotony.Should().BeFalse();
    }
}

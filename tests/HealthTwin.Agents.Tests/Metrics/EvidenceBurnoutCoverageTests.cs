using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.EvidenceData;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The evidence-based burnout screening with markers missing or on too few days, at the red boundary and with non-round
/// means (survivors of the 2026-11-30 mutation run): a marker recorded on its own is judged from it alone, the coverage
/// says whether a marker was not recorded or has too few days, and each reason shows its means with one decimal.
/// </summary>
public sealed class EvidenceBurnoutCoverageTests
{
    private const string SelfReportSources = " (counts on its own: Meeusen et al. 2013, Saw et al. 2016)";

    private static BurnoutRisk Compute(List<DailyMetrics> history) =>
        BurnoutRiskCalculator.Compute(history, BaselineCalculator.Compute(history, EvidenceRules), null, EvidenceRules);

    [Theory]
    [InlineData("The burnout risk was judged from HRV only: resting heart rate, sleep efficiency, stress score, mood and energy not recorded.", HealthMetric.Hrv)]
    [InlineData("The burnout risk was judged from resting heart rate only: HRV, sleep efficiency, stress score, mood and energy not recorded.", HealthMetric.RestingHr)]
    [InlineData("The burnout risk was judged from sleep efficiency only: HRV, resting heart rate, stress score, mood and energy not recorded.", HealthMetric.SleepEfficiency)]
    [InlineData("The burnout risk was judged from stress score only: HRV, resting heart rate, sleep efficiency, mood and energy not recorded.", HealthMetric.StressScore)]
    [InlineData("The burnout risk was judged from mood only: HRV, resting heart rate, sleep efficiency, stress score and energy not recorded.", HealthMetric.MoodScore)]
    [InlineData("The burnout risk was judged from energy only: HRV, resting heart rate, sleep efficiency, stress score and mood not recorded.", HealthMetric.EnergyScore)]
    [InlineData("The burnout risk was judged from HRV and resting heart rate only: sleep efficiency, stress score, mood and energy not recorded.", HealthMetric.Hrv, HealthMetric.RestingHr)]
    [InlineData("The burnout risk was judged from HRV and sleep efficiency only: resting heart rate, stress score, mood and energy not recorded.", HealthMetric.Hrv, HealthMetric.SleepEfficiency)]
    [InlineData("The burnout risk was judged from HRV and stress score only: resting heart rate, sleep efficiency, mood and energy not recorded.", HealthMetric.Hrv, HealthMetric.StressScore)]
    [InlineData("The burnout risk was judged from resting heart rate and mood only: HRV, sleep efficiency, stress score and energy not recorded.", HealthMetric.RestingHr, HealthMetric.MoodScore)]
    public void Compute_OnlyTheseMarkersRecorded_JudgedFromThemAlone(string summary, params HealthMetric[] metrics)
    {
        // 21 usual days carrying only the given metrics: each marker judged is at its usual, so the level is green.
        BurnoutRisk risk = Compute(TestData.History(21, (d, _) => d.Only(metrics)));

        risk.Level.Should().Be(BurnoutLevel.Green);
        risk.Score.Should().Be(0);
        risk.Reasons.Should().Equal("Markers stable");
        risk.Coverage.Used.Should().Equal(metrics);
        risk.Coverage.Summary.Should().Be(summary);
    }

    [Theory]
    [InlineData(HealthMetric.Hrv, 60.0, 0, 0, "The burnout risk was judged from resting heart rate, sleep efficiency, stress score, mood and energy only: HRV not recorded.")]
    [InlineData(HealthMetric.Hrv, 60.0, 2, 0, "The burnout risk was judged from resting heart rate, sleep efficiency, stress score, mood and energy only: HRV has no baseline yet (too few days with a value yet).")]
    [InlineData(HealthMetric.Hrv, 60.0, 3, 0, "The burnout risk was judged from all its inputs.")]
    [InlineData(HealthMetric.SleepEfficiency, 70.0, 0, 0, "The burnout risk was judged from HRV, resting heart rate, stress score, mood and energy only: sleep efficiency not recorded.")]
    [InlineData(HealthMetric.SleepEfficiency, 70.0, 2, 0, "The burnout risk was judged from HRV, resting heart rate, stress score, mood and energy only: sleep efficiency has no baseline yet (too few days with a value yet).")]
    [InlineData(HealthMetric.SleepEfficiency, 70.0, 3, 20, "The burnout risk was judged from all its inputs.")]
    [InlineData(HealthMetric.StressScore, 75.0, 0, 0, "The burnout risk was judged from HRV, resting heart rate, sleep efficiency, mood and energy only: stress score not recorded.")]
    [InlineData(HealthMetric.StressScore, 75.0, 2, 0, "The burnout risk was judged from HRV, resting heart rate, sleep efficiency, mood and energy only: stress score has no baseline yet (too few days with a value yet).")]
    [InlineData(HealthMetric.StressScore, 75.0, 3, 15, "The burnout risk was judged from all its inputs.")]
    public void Compute_WeeklyMarkerOnFewDays_NotRecordedOrTooFewDaysThenJudgedFromThree(HealthMetric metric, double value, int days, int expected, string summary)
    {
        // 14 usual days, then a week with the metric (at value) on its last `days` days only; the usual efficiency 90 %.
        List<DailyMetrics> history = TestData.History(21, (d, i) => i < 14 ? d : i >= 21 - days ? With(d, metric, value) : d.Without(metric));
        Baseline usual = BaselineCalculator.Compute(history, EvidenceRules) with { SleepEfficiency = 90 };

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, usual, null, EvidenceRules);

        risk.Score.Should().Be(expected);
        risk.Level.Should().Be(BurnoutLevel.Green);
        risk.Coverage.Summary.Should().Be(summary);
    }

    [Theory]
    [InlineData(HealthMetric.RestingHr, 20, "7-day mean sleep efficiency 70 % is more than 10 % below your usual 90 %", "The burnout risk was judged from HRV, sleep efficiency, stress score, mood and energy only: resting heart rate has no baseline yet (too few days with a value yet).")]
    [InlineData(HealthMetric.SleepEfficiency, 25, "3-day mean resting HR 70 bpm is 5.8 standard errors above your usual 60 bpm", "The burnout risk was judged from HRV, resting heart rate, stress score, mood and energy only: sleep efficiency has no baseline yet (too few days with a value yet).")]
    public void Compute_NoUsualValue_MarkerNotJudgedAndNamedWithoutBaseline(HealthMetric metric, int points, string reason, string summary)
    {
        // Resting HR 70 (5.8 standard errors above 60) and efficiency 70 % (22 % below 90 %) would each add points
        // against a usual value; the one without a usual value adds none.
        List<DailyMetrics> history = TestData.History(21, (d, i) => i < 14 ? d : d with { RestingHr = 70, SleepEfficiency = 70 });
        Baseline usual = (BaselineCalculator.Compute(history, EvidenceRules) with { RestingHr = 60, RestingHrSd = 3, SleepEfficiency = 90 }).Without(metric);

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, usual, null, EvidenceRules);

        risk.Score.Should().Be(points);
        risk.Reasons.Should().Equal(reason);
        risk.Coverage.Missing.Should().Equal(metric);
        risk.Coverage.Summary.Should().Be(summary);
    }

    [Theory]
    [InlineData(false, 45, BurnoutLevel.Yellow)] // resting HR 25 + efficiency 20
    [InlineData(true, 50, BurnoutLevel.Red)] // resting HR 25 + low mood 25: exactly the red boundary
    public void Compute_AroundTheRedBoundary_AdviceOnlyFromFifty(bool lowMood, int points, BurnoutLevel level)
    {
        // Resting HR as in EvidenceBurnoutTests (3-day mean 64: 2.1 standard errors above the usual 60.3 bpm), plus a
        // week of 70 % efficiency against a usual 90 % or a week of mood 2/5.
        List<double> restingHr = [.. Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? 57.0 : 63.0), 60, 63, 63, 66];
        List<DailyMetrics> history = RestingHrDays(restingHr);
        for (int i = history.Count - 7; i < history.Count; i++)
        {
            history[i] = lowMood ? history[i] with { MoodScore = 2 } : history[i] with { SleepEfficiency = 70 };
        }

        Baseline usual = BaselineCalculator.Compute(history, EvidenceRules) with { SleepEfficiency = 90 };

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, usual, null, EvidenceRules);

        risk.Score.Should().Be(points);
        risk.Level.Should().Be(level);
        risk.Reasons.Should().Equal(lowMood
            ? ["3-day mean resting HR 64 bpm is 2.1 standard errors above your usual 60.3 bpm", "Low self-reported wellbeing over the week: mood 2/5" + SelfReportSources, "Consider consulting a healthcare professional"]
            : ["3-day mean resting HR 64 bpm is 2.1 standard errors above your usual 60.3 bpm", "7-day mean sleep efficiency 70 % is more than 10 % below your usual 90 %"]);
    }

    [Fact]
    public void Compute_NonRoundMeans_ReasonsWithOneDecimal()
    {
        // Last 3 days resting HR 64, 64, 65 (64.33, (64.33 − 60) ÷ (3 ÷ √3) = 2.50 standard errors); over the week
        // efficiency 70 × 6 and 71 (70.14), stress 75 × 6 and 76 (75.14), mood 2 × 6 and 3 (2.14), energy 2 × 5 and
        // 3 × 2 (2.29); usual efficiency 90.37 %, maximum stress 70.44.
        List<DailyMetrics> history = TestData.History(21, (d, i) => i < 14 ? d : d with
        {
            RestingHr = i == 20 ? 65 : i >= 18 ? 64 : 60,
            SleepEfficiency = i == 20 ? 71 : 70,
            StressScore = i == 20 ? 76 : 75,
            MoodScore = i == 20 ? 3 : 2,
            EnergyScore = i >= 19 ? 3 : 2,
        });
        Baseline usual = BaselineCalculator.Compute(history, EvidenceRules) with { RestingHr = 60, RestingHrSd = 3, SleepEfficiency = 90.37 };

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, usual, new AlertThresholds { MaxStressScore = 70.44 }, EvidenceRules);

        risk.Reasons.Should().Equal(
            "3-day mean resting HR 64.3 bpm is 2.5 standard errors above your usual 60 bpm",
            "7-day mean sleep efficiency 70.1 % is more than 10 % below your usual 90.4 %",
            "Low self-reported wellbeing over the week: mood 2.1/5, energy 2.3/5" + SelfReportSources,
            "7-day mean stress 75.1 is above 70.4",
            "Consider consulting a healthcare professional");
        risk.Score.Should().Be(85);
    }

    [Theory]
    [InlineData(HealthMetric.MoodScore, "Low self-reported wellbeing over the week: mood 2/5" + SelfReportSources, "The burnout risk was judged from HRV, resting heart rate, sleep efficiency, stress score and mood only: energy not recorded.")]
    [InlineData(HealthMetric.EnergyScore, "Low self-reported wellbeing over the week: energy 2/5" + SelfReportSources, "The burnout risk was judged from HRV, resting heart rate, sleep efficiency, stress score and energy only: mood not recorded.")]
    public void Compute_OnlyOneSelfReportEverRecorded_LowWeekCountsAlone(HealthMetric reported, string reason, string summary)
    {
        HealthMetric other = reported == HealthMetric.MoodScore ? HealthMetric.EnergyScore : HealthMetric.MoodScore;
        List<DailyMetrics> history = TestData.History(21, (d, i) => (i < 14 ? d : With(d, reported, 2)).Without(other));

        BurnoutRisk risk = Compute(history);

        risk.Score.Should().Be(25);
        risk.Level.Should().Be(BurnoutLevel.Yellow);
        risk.Reasons.Should().Equal(reason);
        risk.Coverage.Summary.Should().Be(summary);
    }

    private static DailyMetrics With(DailyMetrics day, HealthMetric metric, double value) => metric switch
    {
        HealthMetric.Hrv => day with { Hrv = value },
        HealthMetric.SleepEfficiency => day with { SleepEfficiency = value },
        HealthMetric.StressScore => day with { StressScore = value },
        HealthMetric.MoodScore => day with { MoodScore = (int)value },
        HealthMetric.EnergyScore => day with { EnergyScore = (int)value },
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "not a weekly marker of these tests"),
    };
}

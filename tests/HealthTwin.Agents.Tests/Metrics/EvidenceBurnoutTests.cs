using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using static HealthTwin.Agents.Tests.EvidenceData;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The evidence-based burnout screening: self-report counts on its own (Meeusen 2013, Saw 2016), HRV by its normal
/// range, resting HR in standard errors of a 3-day mean. Expected values computed by hand (python3 as a calculator).
/// </summary>
public sealed class EvidenceBurnoutTests
{
    private static BurnoutRisk Compute(List<DailyMetrics> history, RuleOptions? rules = null)
    {
        rules ??= EvidenceRules;
        return BurnoutRiskCalculator.Compute(history, BaselineCalculator.Compute(history, rules), null, rules);
    }

    /// <summary>21 unremarkable days; <paramref name="lastWeek"/> changes each of the last 7.</summary>
    private static List<DailyMetrics> WithLastWeek(Func<DailyMetrics, int, DailyMetrics> lastWeek) =>
        TestData.History(21, (d, i) => i >= 14 ? lastWeek(d, i - 14) : d);

    [Fact]
    public void Compute_WeekOfMoodAndEnergyOneWithStress65_YellowNotGreen()
    {
        // The case: a week of mood 1/5 and energy 1/5 with stress 65. Every device marker is at its usual.
        List<DailyMetrics> history = WithLastWeek((d, _) => d with { MoodScore = 1, EnergyScore = 1, StressScore = 65 });

        BurnoutRisk evidence = Compute(history);
        BurnoutRisk original = Compute(history, OriginalRules);

        evidence.Level.Should().Be(BurnoutLevel.Yellow);
        evidence.Score.Should().Be(25);
        evidence.Reasons.Should().Equal("Low self-reported wellbeing over the week: mood 1/5, energy 1/5 (counts on its own: Meeusen et al. 2013, Saw et al. 2016)");
        evidence.Coverage.IsComplete.Should().BeTrue();
        original.Level.Should().Be(BurnoutLevel.Green, "the original app counts mood and energy only with stress above 70");
    }

    [Theory]
    [InlineData(false, new[] { 2, 3, 2, 3, 2, 3 }, 0)] // mean 2.5: at the bound, not low
    [InlineData(false, new[] { 2, 3, 2, 3, 2, 2 }, 25)] // mean 14 / 6 = 2.33: low
    [InlineData(false, new[] { 3, 3, 3, 3, 3, 2 }, 0)] // mean 2.83
    [InlineData(true, new[] { 2, 3, 2, 3, 2, 3 }, 0)] // energy: the same bound
    [InlineData(true, new[] { 2, 3, 2, 3, 2, 2 }, 25)]
    public void Compute_SelfReportBoundary(bool energy, int[] values, int expected)
    {
        // Mood (or energy) on the last 6 days (the 7th day of the week has none); the other a steady 4.
        List<DailyMetrics> history = WithLastWeek((d, i) =>
        {
            int? value = i == 0 ? null : values[i - 1];
            return energy ? d with { EnergyScore = value } : d with { MoodScore = value };
        });

        Compute(history).Score.Should().Be(expected);
    }

    [Theory]
    [InlineData(2, BurnoutLevel.Green)] // two reports are too few for a weekly mean
    [InlineData(3, BurnoutLevel.Yellow)]
    public void Compute_SelfReportNeedsThreeDays(int reports, BurnoutLevel expected)
    {
        List<DailyMetrics> history = WithLastWeek((d, i) => i >= 7 - reports ? d with { MoodScore = 1, EnergyScore = 1 } : d with { MoodScore = null, EnergyScore = null });

        BurnoutRisk risk = Compute(history);

        risk.Level.Should().Be(expected);
        if (reports == 2)
        {
            risk.Coverage.Missing.Should().Equal(HealthMetric.MoodScore, HealthMetric.EnergyScore);
            risk.Coverage.Summary.Should().Contain("mood and energy have no baseline yet (too few days with a value yet)");
        }
    }

    [Theory]
    [InlineData(81.0, 0)] // exactly 10 % below the usual 90 %: not more than 10 %
    [InlineData(80.9, 20)] // 10.1 % below
    [InlineData(72.0, 20)]
    public void Compute_WeeklyEfficiencyAroundTenPercentBelow_TwentyPointsOnlyAbove(double efficiency, int expected)
    {
        List<DailyMetrics> history = WithLastWeek((d, _) => d with { SleepEfficiency = efficiency });
        Baseline usual = BaselineCalculator.Compute(history, EvidenceRules) with { SleepEfficiency = 90 };

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, usual, null, EvidenceRules);

        risk.Score.Should().Be(expected);
        risk.Reasons.Should().Equal(expected == 0
            ? ["Markers stable"]
            : [$"7-day mean sleep efficiency {efficiency:0.#} % is more than 10 % below your usual 90 %"]);
        risk.Coverage.IsComplete.Should().BeTrue();
    }

    [Theory]
    [InlineData(2, 0)] // two nights are too few for a weekly mean: efficiency not judged
    [InlineData(3, 20)]
    public void Compute_EfficiencyNeedsThreeNights(int nights, int expected)
    {
        List<DailyMetrics> history = WithLastWeek((d, i) => i >= 7 - nights ? d with { SleepEfficiency = 70 } : d with { SleepEfficiency = null, SleepHours = null });
        Baseline usual = BaselineCalculator.Compute(history, EvidenceRules) with { SleepEfficiency = 90 };

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, usual, null, EvidenceRules);

        risk.Score.Should().Be(expected);
        risk.Coverage.Missing.Contains(HealthMetric.SleepEfficiency).Should().Be(nights < 3);
    }

    [Theory]
    [InlineData(false, 2, 0)] // two low moods are too few for a weekly mean; energy stays a usual 4
    [InlineData(false, 3, 25)]
    [InlineData(true, 2, 0)] // two low energies are too few; mood stays a usual 4
    [InlineData(true, 3, 25)]
    public void Compute_OneLowSelfReportAloneNeedsThreeDays(bool lowEnergy, int reports, int expected)
    {
        List<DailyMetrics> history = WithLastWeek((d, i) =>
        {
            int? low = i >= 7 - reports ? 1 : null;
            return lowEnergy ? d with { EnergyScore = low, MoodScore = 4 } : d with { MoodScore = low, EnergyScore = 4 };
        });

        Compute(history).Score.Should().Be(expected);
    }

    [Fact]
    public void Compute_HighStressAlone_FifteenPointsStillGreen()
    {
        BurnoutRisk risk = Compute(WithLastWeek((d, _) => d with { StressScore = 75 }));

        risk.Level.Should().Be(BurnoutLevel.Green);
        risk.Score.Should().Be(15);
        risk.Reasons.Should().Equal("7-day mean stress 75 is above 70");
    }

    [Theory]
    [InlineData(70, 0, "Markers stable")] // at the maximum: not above
    [InlineData(70.1, 15, "7-day mean stress 70.1 is above 70")] // just above: the text shows the decimal that decided
    public void Compute_StressAroundTheMaximum_ReasonShowsTheDecidingDecimal(double stress, int points, string reason)
    {
        BurnoutRisk risk = Compute(WithLastWeek((d, _) => d with { StressScore = stress }));

        risk.Score.Should().Be(points);
        risk.Reasons.Should().Equal(reason);
    }

    [Fact]
    public void Compute_HighStressAndLowMood_FortyYellow()
    {
        BurnoutRisk risk = Compute(WithLastWeek((d, _) => d with { StressScore = 75, MoodScore = 2, EnergyScore = 2 }));

        risk.Level.Should().Be(BurnoutLevel.Yellow);
        risk.Score.Should().Be(40);
        risk.Reasons.Should().Equal(
            "Low self-reported wellbeing over the week: mood 2/5, energy 2/5 (counts on its own: Meeusen et al. 2013, Saw et al. 2016)",
            "7-day mean stress 75 is above 70");
    }

    [Fact]
    public void Compute_HrvBelowNormalRange_ThirtyPoints()
    {
        // HRV only: 20 days dropping in the last 6, today 56 ms: the 7-day mean 50.35 ms is below 54.04–59.86 ms.
        List<DailyMetrics> history = HrvDays([62, 58, 65, 60, 57, 63, 59, 61, 64, 56, 60, 62, 58, 61, 50, 48, 52, 47, 49, 51, 56]);

        BurnoutRisk risk = Compute(history);

        risk.Score.Should().Be(30);
        risk.Level.Should().Be(BurnoutLevel.Yellow);
        risk.Reasons.Should().Equal("HRV 7-day mean 50.4 ms is below your normal range 54–59.9 ms (Plews: rolling mean of ln HRV against your longer-term mean ± a share of its SD)");
        risk.Coverage.Used.Should().Equal(HealthMetric.Hrv);
    }

    [Theory]
    [InlineData(65, 0)] // 3-day mean 63.67: 1.95 standard errors
    [InlineData(66, 25)] // 3-day mean 64: 2.14 standard errors
    public void Compute_RestingHrThreeDayMean_StandardErrors(double today, int expected)
    {
        // 19 previous days: 57 and 63 eight times each, 60, then 63 and 63: mean 60.315789, sample SD 2.982405;
        // standard error of a 3-day mean 2.982405 / √3 = 1.721892.
        List<double> values = [.. Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? 57.0 : 63.0), 60, 63, 63, today];

        BurnoutRisk risk = Compute(RestingHrDays(values));

        risk.Score.Should().Be(expected);
        if (expected > 0)
        {
            risk.Reasons.Should().Equal("3-day mean resting HR 64 bpm is 2.1 standard errors above your usual 60.3 bpm");
        }
    }

    [Fact]
    public void Compute_HrvBelowAndLowMood_RedWithAdvice()
    {
        List<DailyMetrics> history = HrvDays([62, 58, 65, 60, 57, 63, 59, 61, 64, 56, 60, 62, 58, 61, 50, 48, 52, 47, 49, 51, 56]);
        for (int i = history.Count - 7; i < history.Count; i++)
        {
            history[i] = history[i] with { MoodScore = 2, EnergyScore = 2 };
        }

        BurnoutRisk risk = Compute(history);

        risk.Level.Should().Be(BurnoutLevel.Red);
        risk.Score.Should().Be(55);
        risk.Reasons.Should().Equal(
            "HRV 7-day mean 50.4 ms is below your normal range 54–59.9 ms (Plews: rolling mean of ln HRV against your longer-term mean ± a share of its SD)",
            "Low self-reported wellbeing over the week: mood 2/5, energy 2/5 (counts on its own: Meeusen et al. 2013, Saw et al. 2016)",
            "Consider consulting a healthcare professional");
    }

    [Fact]
    public void Compute_NothingRecentlyRecorded_NotJudged()
    {
        // The last measured day is 10 days before today (a day of steps only): no weekly window holds a value.
        List<DailyMetrics> history = TestData.History(20);
        history.Add(new DailyMetrics { Date = TestData.Today.AddDays(10), Steps = 4000 });

        BurnoutRisk risk = Compute(history);

        risk.Level.Should().BeNull();
        risk.Reasons.Should().BeEmpty();
    }

    [Fact]
    public void Compute_StableWeek_MarkersStable()
    {
        BurnoutRisk risk = Compute(TestData.History(30));

        risk.Level.Should().Be(BurnoutLevel.Green);
        risk.Score.Should().Be(0);
        risk.Reasons.Should().Equal("Markers stable");
        risk.Coverage.IsComplete.Should().BeTrue();
    }
}

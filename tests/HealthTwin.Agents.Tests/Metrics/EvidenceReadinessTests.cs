using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using static HealthTwin.Agents.Tests.EvidenceData;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The evidence-based readiness: the HRV normal range and form reach the score, today's HRV and resting HR are judged
/// in standard deviations of the previous days. The days carry no sleep, so these tests do not depend on the sleep rule.
/// Expected values computed by hand (python3 as a calculator).
/// </summary>
public sealed class EvidenceReadinessTests
{
    /// <summary>An adult without an age on record: the sleep need is the 7 h adult floor.</summary>
    private static readonly UserProfile Adult = new() { Name = "Test" };

    /// <summary>Days 20 … 7 before today: a steady 56–65 ms; days 6 … 1: a sustained drop.</summary>
    private static readonly double[] PreviousHrv = [62, 58, 65, 60, 57, 63, 59, 61, 64, 56, 60, 62, 58, 61, 50, 48, 52, 47, 49, 51];

    /// <summary>Resting HR of the same 20 days: mean 60, sample SD √(126 / 19) = 2.575185.</summary>
    private static readonly double[] PreviousRestingHr = [60, 60, 60, 60, 60, 60, 57, 63, 57, 63, 57, 63, 57, 63, 57, 63, 57, 63, 57, 63];

    private static List<DailyMetrics> History(DailyMetrics today)
    {
        List<DailyMetrics> history = [];
        for (int i = 0; i < 20; i++)
        {
            history.Add(new DailyMetrics
            {
                Date = TestData.Today.AddDays(i - 20),
                Hrv = PreviousHrv[i],
                RestingHr = PreviousRestingHr[i],
                MoodScore = 4,
                EnergyScore = 4,
                StressScore = 40,
                TrainingLoad = 40,
            });
        }

        history.Add(today with { Date = TestData.Today });
        return history;
    }

    private static DailyMetrics Today(double hrv, double restingHr = 60) =>
        new() { Date = TestData.Today, Hrv = hrv, RestingHr = restingHr, MoodScore = 4, EnergyScore = 4, StressScore = 40, TrainingLoad = 40 };

    [Fact]
    public void Compute_HrvBelowItsNormalRange_NoLongerHundred()
    {
        // Today 56 ms is 0.15 SD below the usual (no daily point) and 1.2 % above the original app's 14-day mean (no
        // point there either: readiness 100). But the 7-day mean of ln HRV, e^3.919088 = 50.35 ms, is below the normal
        // range 54.04–59.86 ms (mean ln 4.040810 ∓ 0.5 × 0.102309): −15.
        List<DailyMetrics> history = History(Today(56));

        ReadinessScore evidence = ReadinessCalculator.Compute(history, Adult, null, null);
        ReadinessScore original = ReadinessCalculator.Compute(history, Adult, null, OriginalRules);

        evidence.Score.Should().Be(85);
        evidence.Explanations.Should().Equal("HRV 7-day mean 50.4 ms is below your normal range 54–59.9 ms (−15)");
        original.Score.Should().Be(100);
    }

    [Fact]
    public void Compute_WorkedExample_EveryEvidenceRuleAtOnce()
    {
        // Today: HRV 46 ms, z = (ln 46 − 4.040810) / 0.102309 = −2.07 → −10; 7-day mean 48.96 ms below 54.04 → −15;
        // resting HR 66, z = 6 / 2.575185 = 2.33 → −20; load 85 → −15; mood 2 → −15; stress 80 → −10.
        // 100 − 10 − 15 − 20 − 15 − 15 − 10 = 15.
        List<DailyMetrics> history = History(Today(46, 66) with { MoodScore = 2, EnergyScore = 3, StressScore = 80, TrainingLoad = 85 });

        ReadinessScore score = ReadinessCalculator.Compute(history, Adult, null, null);

        score.Score.Should().Be(15);
        score.Explanations.Should().Equal(
            "HRV 2.1 SD below your usual on the log scale (−10)",
            "HRV 7-day mean 49 ms is below your normal range 54–59.9 ms (−15)",
            "Resting HR 2.3 SD above your usual (−20)",
            "High training load 85 (−15)",
            "Low mood or energy (2/5, 3/5) (−15)",
            "High stress 80 (−10)");
        score.Coverage.Missing.Should().Equal(HealthMetric.SleepHours, HealthMetric.SleepEfficiency);
    }

    [Fact]
    public void Compute_WorkedExampleUnderTheOriginalApp_PercentRules()
    {
        // The original app on the same day: 14-day mean HRV incl. today 765 / 14 = 54.64 ms, today −15.8 % → −25;
        // resting HR mean 849 / 14 = 60.64, today +8.8 % → −10; then −15 −15 −10: 100 − 75 = 25.
        List<DailyMetrics> history = History(Today(46, 66) with { MoodScore = 2, EnergyScore = 3, StressScore = 80, TrainingLoad = 85 });

        ReadinessScore score = ReadinessCalculator.Compute(history, Adult, null, OriginalRules);

        score.Score.Should().Be(25);
        score.Explanations.Should().StartWith(["HRV 15.8 % below baseline (−25)", "Resting HR 8.8 % above baseline (−10)"]);
    }

    [Theory]
    [InlineData(65.15, 100)] // 1.99985 SD: just below the 2-SD point 60 + 2 × 2.575185 = 65.150370 bpm
    [InlineData(65.151, 80)] // 2.00025 SD: just above → −20
    [InlineData(66, 80)]
    public void Compute_RestingHrBoundary(double restingHr, int expected)
    {
        // HRV a steady 60 ms on every day, so only resting HR can cost points.
        List<DailyMetrics> history = [.. History(Today(60, restingHr)).Select(d => d with { Hrv = 60 })];

        ReadinessCalculator.Compute(history, Adult, null, null).Score.Should().Be(expected);
    }

    [Theory]
    [InlineData(-31, 100, 30, 90)] // form −31 % of fitness → −10
    [InlineData(-30, 100, 30, 100)] // at −30 %: not below
    [InlineData(-29.9, 100, 30, 100)]
    [InlineData(-50, 9.9, 30, 100)] // fitness below 10: too little load to judge form
    [InlineData(-50, 100, 13, 100)] // fewer load days than the calibration
    public void Compute_FormFromTrainingLoad(double form, double fitness, int loadDays, int expected)
    {
        DailyMetrics today = Today(60);
        Baseline baseline = new() { Hrv = 60, HrvLnSd = 0.1, RestingHr = 60, RestingHrSd = 2, RequiredDays = 14, WindowDays = 28 };
        var load = new TrainingLoadSummary { Form = form, Fitness = fitness, LoadDays = loadDays, FormSettled = true };

        ReadinessScore score = ReadinessCalculator.Compute(today, baseline, null, load, null, null, null);

        score.Score.Should().Be(expected);
        if (expected == 90)
        {
            score.Explanations.Should().Equal("Form -31 % of fitness: recent load well above what you are used to (−10)");
        }
    }

    [Fact]
    public void Compute_GoodRecoveryAboveOneSd_NoteWithoutPoints()
    {
        // 60 × e^0.15 with SD 0.1: 1.5 SD above the usual.
        Baseline baseline = new() { Hrv = 60, HrvLnSd = 0.1, RestingHr = 60, RestingHrSd = 2, RequiredDays = 14, WindowDays = 28 };

        ReadinessScore score = ReadinessCalculator.Compute(Today(60 * Math.Exp(0.15)), baseline);

        score.Score.Should().Be(100);
        score.Explanations.Should().Equal("Good recovery: HRV 1.5 SD above your usual");
    }

    [Fact]
    public void Compute_Calibrating_HrvAndRestingHrNotJudgedAndSaidSo()
    {
        // Ten days: no baseline and no normal range yet; mood still counts, and the score is null without a recovery marker.
        List<DailyMetrics> history = [.. History(Today(30, 90) with { MoodScore = 1 }).Skip(11)];

        ReadinessScore score = ReadinessCalculator.Compute(history, Adult, null, null);

        score.Score.Should().BeNull("no recovery marker could be judged yet");
        score.Coverage.Missing.Should().Contain([HealthMetric.Hrv, HealthMetric.RestingHr]);
        score.Coverage.Summary.Should().Contain("HRV and resting heart rate have no baseline yet");
    }

    [Fact]
    public void Compute_HostBaselineWithoutSpread_DailyRulesNotJudgedButRangeIs()
    {
        // A host baseline with means only (no HrvLnSd / RestingHrSd): the SD rules cannot run; the range still can.
        List<DailyMetrics> history = History(Today(56));
        Baseline host = new() { Hrv = 60, RestingHr = 60 };

        ReadinessScore score = ReadinessCalculator.Compute(history[^1], host, HrvNormalRangeCalculator.Compute(history), null, null, null, null);

        score.Score.Should().Be(85);
        score.Coverage.Missing.Should().Contain(HealthMetric.RestingHr).And.NotContain(HealthMetric.Hrv);
    }
}

using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Tests.Metrics;

public class ReadinessCalculatorTests
{
    private static readonly Baseline Base = TestData.Baseline(); // HRV 60, RHR 60, sleep 7.5 h, efficiency 90

    /// <summary>These tests encode the original app's rules; the evidence-based ones are in EvidenceReadinessTests.</summary>
    private static readonly RuleOptions Original = RuleOptions.OriginalApp();

    private static int Score(DailyMetrics day, AlertThresholds? thresholds = null) => ReadinessCalculator.Compute(day, Base, thresholds, Original).Score!.Value;

    [Fact]
    public void Compute_NormalDay_Is100WithGoodSleep()
    {
        ReadinessScore score = ReadinessCalculator.Compute(TestData.Day(), Base, null, Original);

        score.Score.Should().Be(100);
        score.Explanations.Should().ContainSingle().Which.Should().StartWith("Good sleep");
    }

    [Theory]
    [InlineData(69.9, 80)] // sleep score just below 70: poor (−20)
    [InlineData(70, 90)] // at 70: could be better (−10)
    [InlineData(84.9, 90)] // just below 85: could be better
    [InlineData(85, 100)] // at 85: good
    public void Compute_SleepScoreThresholds(double efficiency, int expected) =>
        Score(TestData.Day() with { SleepEfficiency = efficiency }).Should().Be(expected);

    [Theory]
    [InlineData(50.94, 75)] // −15.1 %: below the 15 % alert threshold (−25)
    [InlineData(51, 90)] // −15 % exactly: only the mild drop (−10)
    [InlineData(56.97, 90)] // −5.05 %: mild drop
    [InlineData(57, 100)] // −5 % exactly: nothing
    [InlineData(63, 100)] // +5 %: nothing
    public void Compute_HrvThresholds(double hrv, int expected) =>
        Score(TestData.Day() with { Hrv = hrv }).Should().Be(expected);

    [Fact]
    public void Compute_HrvJustAboveFivePercent_NotesGoodRecovery()
    {
        ReadinessScore score = ReadinessCalculator.Compute(TestData.Day() with { Hrv = 63.03 }, Base, null, Original);

        score.Score.Should().Be(100);
        score.Explanations.Should().Contain(e => e.StartsWith("Good recovery", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(66.06, 80)] // +10.1 %: above the 10 % alert threshold (−20)
    [InlineData(66, 90)] // +10 % exactly: mild (−10)
    [InlineData(63.03, 90)] // +5.05 %: mild
    [InlineData(63, 100)] // +5 % exactly: nothing
    public void Compute_RestingHrThresholds(double restingHr, int expected) =>
        Score(TestData.Day() with { RestingHr = restingHr }).Should().Be(expected);

    [Theory]
    [InlineData(79.9, 100)]
    [InlineData(80, 100)]
    [InlineData(80.1, 85)]
    public void Compute_TrainingLoadThreshold(double load, int expected) =>
        Score(TestData.Day() with { TrainingLoad = load }).Should().Be(expected);

    [Theory]
    [InlineData(3, 3, 100)]
    [InlineData(2, 3, 85)]
    [InlineData(3, 2, 85)]
    [InlineData(1, 1, 85)]
    public void Compute_MoodOrEnergyAtOrBelowTwo_Costs15(int mood, int energy, int expected) =>
        Score(TestData.Day() with { MoodScore = mood, EnergyScore = energy }).Should().Be(expected);

    [Theory]
    [InlineData(74.9, 100)]
    [InlineData(75, 100)]
    [InlineData(75.1, 90)]
    public void Compute_StressThreshold(double stress, int expected) =>
        Score(TestData.Day() with { StressScore = stress }).Should().Be(expected);

    [Fact]
    public void Compute_CustomHrvThreshold_ChangesTheOutcome()
    {
        var tolerant = new AlertThresholds { HrvDropPercent = 20 };

        Score(TestData.Day() with { Hrv = 50.94 }, tolerant).Should().Be(90);
    }

    [Fact]
    public void Compute_CustomRestingHrThreshold_ChangesTheOutcome()
    {
        var strict = new AlertThresholds { RestingHrIncreasePercent = 4 };

        Score(TestData.Day() with { RestingHr = 63 }, strict).Should().Be(80);
    }

    [Fact]
    public void Compute_EverythingBad_ClampsToZero()
    {
        DailyMetrics awful = TestData.Day() with { SleepHours = 3, SleepEfficiency = 50, Hrv = 30, RestingHr = 80, TrainingLoad = 95, MoodScore = 1, EnergyScore = 1, StressScore = 95 };

        ReadinessScore score = ReadinessCalculator.Compute(awful, Base, null, Original);

        score.Score.Should().Be(0);
        score.Explanations.Should().HaveCount(6);
    }

    [Fact]
    public void Compute_ZeroBaseline_NeverDividesByZero()
    {
        var zero = new Baseline { Hrv = 0, RestingHr = 0, SleepHours = 0, SleepEfficiency = 0, StressScore = 0 };

        ReadinessScore score = ReadinessCalculator.Compute(TestData.Day(), zero, null, Original);

        score.Score.Should().BeInRange(0, 100);
        ReadinessCalculator.SleepScore(TestData.Day(), zero).Should().Be(90);
        score.Explanations.Should().OnlyContain(e => !e.Contains("NaN", StringComparison.Ordinal) && !e.Contains('∞', StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_ExplanationsShowTheDecimalThatDecidedTheRule()
    {
        // 69.6 is poor (below 70): the text must not round it to "70".
        ReadinessScore score = ReadinessCalculator.Compute(TestData.Day() with { SleepEfficiency = 69.6, Hrv = 50.94, StressScore = 75.4 }, Base, null, Original);

        score.Explanations.Should().Contain("Poor sleep: sleep score 69.6 (−20)")
            .And.Contain("HRV 15.1 % below baseline (−25)")
            .And.Contain("High stress 75.4 (−10)");
    }
}

using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.EvidenceData;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// Which inputs the readiness was judged from on a partial day, the lines it writes (and does not write) without a
/// recovery marker, the sleep score's argument checks and sleep need, and the exact texts of the sleep, load and stress rules.
/// </summary>
public sealed class ReadinessCoverageTests
{
    private static readonly Baseline Base = TestData.Baseline(); // HRV 60, RHR 60, sleep 7.5 h, efficiency 90

    public static TheoryData<HealthMetric?, HealthMetric[]> UsedInputs => new()
    {
        // A full day uses all eight inputs.
        { null, [HealthMetric.SleepHours, HealthMetric.SleepEfficiency, HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.TrainingLoad, HealthMetric.StressScore, HealthMetric.MoodScore, HealthMetric.EnergyScore] },

        // Sleep hours without efficiency (or the reverse) cannot score sleep: the recorded half is not "used" either.
        { HealthMetric.SleepEfficiency, [HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.TrainingLoad, HealthMetric.StressScore, HealthMetric.MoodScore, HealthMetric.EnergyScore] },
        { HealthMetric.SleepHours, [HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.TrainingLoad, HealthMetric.StressScore, HealthMetric.MoodScore, HealthMetric.EnergyScore] },
        { HealthMetric.StressScore, [HealthMetric.SleepHours, HealthMetric.SleepEfficiency, HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.TrainingLoad, HealthMetric.MoodScore, HealthMetric.EnergyScore] },
    };

    [Theory]
    [MemberData(nameof(UsedInputs))]
    public void Compute_PartialDay_UsedNamesExactlyTheJudgedInputs(HealthMetric? missing, HealthMetric[] used)
    {
        DailyMetrics day = missing is { } metric ? TestData.Day().Without(metric) : TestData.Day();

        ReadinessScore original = ReadinessCalculator.Compute(day, Base, null, OriginalRules);
        ReadinessScore evidence = ReadinessCalculator.Compute(day, Base with { HrvLnSd = 0.1, RestingHrSd = 2 }, null, EvidenceRules);

        original.Coverage.Used.Should().Equal(used);
        evidence.Coverage.Used.Should().Equal(used);
        HealthMetric[] expectedMissing = missing is { } m ? [m] : [];
        original.Coverage.Missing.Should().Equal(expectedMissing);
        evidence.Coverage.Missing.Should().Equal(expectedMissing);
    }

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Compute_NoRecoveryMarkerButOtherRulesWouldFire_NoScoreAndNoLines(string rules)
    {
        // Load 90, stress 80 and mood 1 would cost points, but without sleep, HRV or resting HR nothing is scored.
        DailyMetrics day = TestData.Day().Without(HealthMetric.SleepHours, HealthMetric.Hrv, HealthMetric.RestingHr) with { TrainingLoad = 90, StressScore = 80, MoodScore = 1 };

        ReadinessScore score = ReadinessCalculator.Compute(day, Base, null, rules == "original" ? OriginalRules : EvidenceRules);

        score.Score.Should().BeNull();
        score.Explanations.Should().BeEmpty();
        score.Coverage.Used.Should().BeEmpty();
    }

    public static TheoryData<string> RuleSets => new("original", "evidence");

    [Fact]
    public void Compute_HistoryUnderTheOriginalApp_SleepScoredAgainstTheBaselineNotTheProfileNeed()
    {
        // The original app compares sleep with the baseline sleep (7.5 h: score 90); a need of 9 h would give 75 (−10).
        List<DailyMetrics> history = TestData.History(14);
        UserProfile profile = TestData.Profile() with { SleepNeedHours = 9 };

        ReadinessScore original = ReadinessCalculator.Compute(history, profile, null, OriginalRules);
        ReadinessScore evidence = ReadinessCalculator.Compute(history, profile, null, EvidenceRules);

        original.Score.Should().Be(100);
        original.Explanations.Should().Equal("Good sleep: sleep score 90");
        evidence.Explanations.Should().StartWith(["Sleep could be better: sleep score 75 (−10)"]);
    }

    [Theory]
    [InlineData(0, 72)] // no usable need: the baseline ratio 6 / 7.5 × 90
    [InlineData(-1, 72)]
    [InlineData(8, 67.5)] // 6 / 8 × 90
    [InlineData(5, 90)] // the need met: efficiency alone
    public void SleepScore_SleepNeed_UsedOnlyWhenPositive(double need, double expected)
    {
        ReadinessCalculator.SleepScore(TestData.Day() with { SleepHours = 6 }, Base, need).Should().Be(expected);
    }

    [Fact]
    public void SleepScore_NullArguments_ThrowNamingTheArgument()
    {
        FluentActions.Invoking(() => ReadinessCalculator.SleepScore(null!, Base)).Should().Throw<ArgumentNullException>().WithParameterName("today");
        FluentActions.Invoking(() => ReadinessCalculator.SleepScore(TestData.Day(), null!)).Should().Throw<ArgumentNullException>().WithParameterName("baseline");
    }

    [Fact]
    public void Compute_SleepLoadAndStressValues_ShownToOneDecimal()
    {
        DailyMetrics day = TestData.Day() with { SleepEfficiency = 88.88, TrainingLoad = 85.56, StressScore = 80.27 };

        ReadinessScore score = ReadinessCalculator.Compute(day, Base, null, OriginalRules);

        score.Explanations.Should().Equal("Good sleep: sleep score 88.9", "High training load 85.6 (−15)", "High stress 80.3 (−10)");
        score.Score.Should().Be(75);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)] // one line (good sleep): index 1 is past the end
    public void ExplanationLine_IndexOutsideTheLines_Throws(int index)
    {
        ReadinessScore score = ReadinessCalculator.Compute(TestData.Day(), Base, null, OriginalRules);

        FluentActions.Invoking(() => AppendLine(score.Explanations, index)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(index));
    }

    private static string AppendLine(IReadOnlyList<string> lines, int index)
    {
        var text = new InvariantText(0, 0);
        ((DeferredTextList)lines).Append(ref text, index);
        return text.ToStringAndClear();
    }
}

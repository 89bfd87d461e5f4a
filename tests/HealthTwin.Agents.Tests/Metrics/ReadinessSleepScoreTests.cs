using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The sleep score moves with the hours slept, not only with the efficiency (issue 16: a sleep score reduced to the
/// efficiency passed every test that slept exactly the baseline). Efficiency 100 % throughout, so every point of the
/// score below comes from the hours: evidence-based min(hours / need, 1) × efficiency, original app hours × efficiency /
/// baseline sleep. Against an 8 h need (or baseline): 5.59 h → 69.875 (poor), 5.6 h → 70 (could be better), 6.79 h →
/// 84.875 (could be better), 6.8 h → 85 (good).
/// </summary>
public sealed class ReadinessSleepScoreTests
{
    private const double EightHours = 8;

    /// <summary>A baseline sleeping 8 h, without day-to-day spreads (so the evidence-based HRV and resting-HR rules stay silent).</summary>
    private static readonly Baseline EightHourBaseline = TestData.Baseline(sleepHours: EightHours, efficiency: 100);

    private static DailyMetrics Night(double hours) => TestData.Day() with { SleepHours = hours, SleepEfficiency = 100 };

    [Theory]
    [InlineData(5.59, 69.875, 80, "Poor sleep: sleep score 69.9 (−20)")]
    [InlineData(5.6, 70, 90, "Sleep could be better: sleep score 70 (−10)")]
    [InlineData(6.79, 84.875, 90, "Sleep could be better: sleep score 84.9 (−10)")]
    [InlineData(6.8, 85, 100, "Good sleep: sleep score 85")]
    [InlineData(9, 100, 100, "Good sleep: sleep score 100")]
    public void Compute_EvidenceShortNightAtFullEfficiency_ScoredAgainstTheNeed(double hours, double sleepScore, int readiness, string explanation)
    {
        ReadinessScore score = ReadinessCalculator.Compute(Night(hours), EightHourBaseline, null, null, null, new RuleOptions(), EightHours);

        ReadinessCalculator.SleepScore(Night(hours), EightHourBaseline, EightHours).Should().BeApproximately(sleepScore, 1e-9);
        score.Score.Should().Be(readiness);
        score.Explanations.Should().Equal(explanation);
    }

    [Theory]
    [InlineData(5.59, 69.875, 80, "Poor sleep: sleep score 69.9 (−20)")]
    [InlineData(5.6, 70, 90, "Sleep could be better: sleep score 70 (−10)")]
    [InlineData(6.79, 84.875, 90, "Sleep could be better: sleep score 84.9 (−10)")]
    [InlineData(6.8, 85, 100, "Good sleep: sleep score 85")]
    public void Compute_OriginalAppShortNightAtFullEfficiency_ScoredAgainstTheBaselineSleep(double hours, double sleepScore, int readiness, string explanation)
    {
        ReadinessScore score = ReadinessCalculator.Compute(Night(hours), EightHourBaseline, null, RuleOptions.OriginalApp());

        ReadinessCalculator.SleepScore(Night(hours), EightHourBaseline).Should().BeApproximately(sleepScore, 1e-9);
        score.Score.Should().Be(readiness);
        score.Explanations.Should().Equal(explanation);
    }

    [Fact]
    public void Compute_SameEfficiencyDifferentHours_DifferentSleepScores()
    {
        // Efficiency 90 both nights: 4 h of an 8 h need scores 45, 8 h scores 90 (the efficiency).
        DailyMetrics shortNight = TestData.Day() with { SleepHours = 4, SleepEfficiency = 90 };
        DailyMetrics fullNight = TestData.Day() with { SleepHours = 8, SleepEfficiency = 90 };

        ReadinessCalculator.SleepScore(shortNight, EightHourBaseline, EightHours).Should().Be(45);
        ReadinessCalculator.SleepScore(fullNight, EightHourBaseline, EightHours).Should().Be(90);
        ReadinessCalculator.SleepScore(shortNight, EightHourBaseline).Should().Be(45);
        ReadinessCalculator.SleepScore(fullNight, EightHourBaseline).Should().Be(90);
    }

    [Fact]
    public void Compute_HistoryWithShortNightToday_EvidenceReadinessNamesTheSleepScore()
    {
        // Adult without an age: the 7 h adult floor is the need. Today 4.9 h at 100 %: 4.9 / 7 × 100 = 70 → −10.
        // The days before sleep 7 h at 100 %, so the sleep baseline is the need and only today's hours move the score.
        List<DailyMetrics> history = TestData.History(21, (d, i) => new DailyMetrics
        {
            Date = d.Date,
            SleepHours = i == 20 ? 4.9 : 7,
            SleepEfficiency = 100,
        });

        ReadinessScore score = ReadinessCalculator.Compute(history, new UserProfile { Name = "Test" }, null, null);

        score.Score.Should().Be(90);
        score.Explanations.Should().Equal("Sleep could be better: sleep score 70 (−10)");
    }
}

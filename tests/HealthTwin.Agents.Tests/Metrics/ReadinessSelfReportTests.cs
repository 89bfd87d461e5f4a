using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.EvidenceData;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// Readiness with only one of mood and energy recorded, and the whole-history overload's argument checks (survivors and
/// uncovered mutants of the 2026-11-30 mutation run).
/// </summary>
public sealed class ReadinessSelfReportTests
{
    [Theory]
    [InlineData(2, null, "Low mood (2/5) (−15)")]
    [InlineData(null, 1, "Low energy (1/5) (−15)")]
    [InlineData(2, 5, "Low mood or energy (2/5, 5/5) (−15)")]
    public void Compute_LowMoodOrEnergyOnlyOneRecorded_ExplainsTheOneThatWas(int? mood, int? energy, string expected)
    {
        List<DailyMetrics> history = TestData.History(14, (d, i) => i == 13 ? d with { MoodScore = mood, EnergyScore = energy } : d);

        ReadinessScore readiness = ReadinessCalculator.Compute(history, new UserProfile(), null, OriginalRules);

        readiness.Explanations.Should().Contain(expected);
        readiness.Score.Should().Be(85);
    }

    [Fact]
    public void Compute_EmptyHistory_ThrowsNamingTheHistory()
    {
        Action act = () => ReadinessCalculator.Compute([], new UserProfile(), null, OriginalRules);

        act.Should().Throw<ArgumentException>().WithMessage("The history must contain at least one day (today).")
            .Which.ParamName.Should().Be("history");
    }

    [Fact]
    public void Compute_NullArguments_ThrowNamingTheArgument()
    {
        FluentActions.Invoking(() => ReadinessCalculator.Compute(null!, new UserProfile(), null, OriginalRules))
            .Should().Throw<ArgumentNullException>().WithParameterName("history");
        FluentActions.Invoking(() => ReadinessCalculator.Compute(TestData.History(3), null!, null, OriginalRules))
            .Should().Throw<ArgumentNullException>().WithParameterName("profile");
    }
}

using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>
/// The last hard session is looked for over the previous 7 calendar days, the oldest day of the history included
/// (issue 16: skipping the history's first day and ending the lookback one day early both survived).
/// </summary>
public sealed class TrainingRulesTests
{
    [Theory]
    [InlineData(6, 60, TrainingIntensity.Strength)]
    [InlineData(7, 60, TrainingIntensity.Strength)]
    [InlineData(7, 49, TrainingIntensity.Hiit)]
    [InlineData(8, 60, null)]
    public void LastHardSession_HardDayOnTheHistorysFirstDay_FoundWithinSevenDaysBack(int daysBack, int minutes, TrainingIntensity? expected)
    {
        // The history's first day (daysBack days before today) has a load of 60, the only hard day; the others 40.
        AgentContext context = Create(TestData.History(daysBack + 1, (d, i) => i == 0 ? d with { TrainingLoad = 60, WorkoutMinutes = minutes } : d));

        TrainingRules.LastHardSession(context).Should().Be(expected);
    }

    [Theory]
    [InlineData(7, 60, TrainingIntensity.Hiit)]
    [InlineData(7, 49, TrainingIntensity.Strength)]
    [InlineData(8, 60, TrainingIntensity.Strength)]
    public void ChooseHardSession_MaintainAfterAHardDay_TheOtherModality(int daysBack, int minutes, TrainingIntensity expected)
    {
        AgentContext context = Create(
            TestData.History(daysBack + 1, (d, i) => i == 0 ? d with { TrainingLoad = 60, WorkoutMinutes = minutes } : d),
            profile: TestData.Profile() with { Goal = FitnessGoal.Maintain });

        TrainingRules.ChooseHardSession(context).Should().Be(expected);
    }
}

using System.Text.Json;
using HealthTwin.Agents.Serialization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Tests.Metrics;

public class BaselineAndSleepDebtTests
{
    [Fact]
    public void BaselineCompute_NoHistory_IsUnknown()
    {
        Baseline baseline = BaselineCalculator.Compute([], RuleOptions.OriginalApp());

        baseline.Should().Be(Baseline.Unknown);
        baseline.Hrv.Should().BeNull();
        baseline.RestingHr.Should().BeNull();
        baseline.SleepHours.Should().BeNull();
        baseline.SleepEfficiency.Should().BeNull();
        baseline.StressScore.Should().BeNull();
        baseline.DaysUsed.Should().Be(0);
    }

    [Fact]
    public void BaselineCompute_LongHistory_AveragesTheFourteenMostRecentDaysIncludingToday()
    {
        // 20 days: the first 6 have HRV 100, the last 14 have HRV 50 → only the last 14 count.
        List<DailyMetrics> history = TestData.History(20, (d, i) => d with { Hrv = i < 6 ? 100 : 50, RestingHr = 50 + i });

        Baseline baseline = BaselineCalculator.Compute(history, RuleOptions.OriginalApp());

        baseline.DaysUsed.Should().Be(14);
        baseline.Hrv.Should().Be(50);
        baseline.RestingHr.Should().Be(50 + ((6 + 19) / 2.0));
    }

    [Fact]
    public void BaselineCompute_MixedHrvMethods_AveragesOnlyTodaysMethod()
    {
        List<DailyMetrics> history = TestData.History(6, (d, i) => i % 2 == 0 ? d with { Hrv = 30, HrvMethod = HrvMethod.Sdnn } : d with { Hrv = 70 });

        Baseline baseline = BaselineCalculator.Compute(history, RuleOptions.OriginalApp());

        baseline.HrvMethod.Should().Be(HrvMethod.Rmssd);
        baseline.Hrv.Should().Be(70);
        baseline.HrvDays.Should().Be(3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void BaselineCompute_BelowMinimumDays_IsUnknown(int days)
    {
        Baseline baseline = BaselineCalculator.Compute(TestData.History(days), RuleOptions.OriginalApp());

        baseline.DaysUsed.Should().Be(days);
        baseline.Hrv.Should().BeNull();
        baseline.HrvDays.Should().Be(days);
        baseline.RestingHr.Should().BeNull();
        baseline.SleepHours.Should().BeNull();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void BaselineCompute_AtOrAboveMinimumDays_UsesTheDaysPresent(int days)
    {
        Baseline baseline = BaselineCalculator.Compute(TestData.History(days), RuleOptions.OriginalApp());

        baseline.DaysUsed.Should().Be(days);
        baseline.Hrv.Should().Be(60);
        baseline.HrvDays.Should().Be(days);
        baseline.RestingHr.Should().Be(60);
        baseline.SleepHours.Should().Be(7.5);
        baseline.SleepEfficiency.Should().Be(90);
        baseline.StressScore.Should().Be(40);
    }

    [Fact]
    public void SleepDebtCompute_ProfileNeed_IsUsedInsteadOfTheBaseline()
    {
        SleepDebt debt = SleepDebtCalculator.Compute(TestData.History(10), new UserProfile { SleepNeedHours = 8 }, TestData.Baseline(sleepHours: 7.5));

        debt.Days.Should().Be(7);
        debt.NeedHours.Should().Be(8);
        debt.Hours.Should().BeApproximately(3.5, 1e-9);
    }

    [Fact]
    public void SleepDebtCompute_OriginalAppNoProfileNeed_UsesTheBaseline()
    {
        SleepDebt debt = SleepDebtCalculator.Compute(
            TestData.History(7, (d, _) => d with { SleepHours = 7 }), new UserProfile(), TestData.Baseline(sleepHours: 7.5), HealthTwin.Agents.Rules.RuleOptions.OriginalApp());

        debt.Hours.Should().BeApproximately(3.5, 1e-9);
        debt.NeedSource.Should().Be(SleepNeedSource.Baseline);
    }

    [Fact]
    public void SleepDebtCompute_TwoDays_CountsOnlyTwoNights()
    {
        SleepDebt debt = SleepDebtCalculator.Compute(TestData.History(2, (d, _) => d with { SleepHours = 6 }), new UserProfile { SleepNeedHours = 8 }, Baseline.Unknown);

        debt.Days.Should().Be(2);
        debt.Hours.Should().Be(4);
    }

    [Fact]
    public void SleepDebtCompute_Empty_IsUnknown()
    {
        SleepDebt debt = SleepDebtCalculator.Compute([], new UserProfile { SleepNeedHours = 8 }, Baseline.Unknown);

        debt.Hours.Should().BeNull();
        debt.NeedHours.Should().Be(8);
        debt.Days.Should().Be(0);
    }

    [Fact]
    public void SleepDebtCompute_NullArguments_ThrowNamingTheArgument()
    {
        DailyMetrics[] days = [TestData.Day(new DateOnly(2025, 3, 14))];
        var profile = new UserProfile();

        FluentActions.Invoking(() => SleepDebtCalculator.Compute(null!, profile, Baseline.Unknown))
            .Should().Throw<ArgumentNullException>().WithParameterName("history");
        FluentActions.Invoking(() => SleepDebtCalculator.Compute(days, null!, Baseline.Unknown))
            .Should().Throw<ArgumentNullException>().WithParameterName("profile");
        FluentActions.Invoking(() => SleepDebtCalculator.Compute(days, profile, null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("baseline");
        FluentActions.Invoking(() => SleepDebtCalculator.ComputeDays(days, profile, Baseline.Unknown, null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("rules");
    }

    [Theory]
    [InlineData(WhatIfScenario.Zone2, -5, 0, 5)]
    [InlineData(WhatIfScenario.Hiit, -15, -0.5, -10)]
    [InlineData(WhatIfScenario.Strength, -10, 0, -5)]
    [InlineData(WhatIfScenario.Rest, 10, 0.5, 15)]
    [InlineData(WhatIfScenario.ExtraSleep, 12, 1, 20)]
    [InlineData(WhatIfScenario.Other, -8, 0, 0)]
    public void WhatIfSimulate_Table(WhatIfScenario scenario, int readiness, double sleep, int recovery)
    {
        WhatIfResult result = WhatIfSimulator.Simulate(scenario, 50);

        result.ReadinessDelta.Should().Be(readiness);
        result.SleepDeltaHours.Should().Be(sleep);
        result.RecoveryDelta.Should().Be(recovery);
        result.ProjectedReadiness.Should().Be(50 + readiness);
    }

    [Theory]
    [InlineData(95, WhatIfScenario.ExtraSleep, 100)]
    [InlineData(5, WhatIfScenario.Hiit, 0)]
    public void WhatIfSimulate_ProjectedReadiness_IsClamped(int current, WhatIfScenario scenario, int expected) =>
        WhatIfSimulator.Simulate(scenario, current).ProjectedReadiness.Should().Be(expected);

    [Theory]
    [InlineData(-1, WhatIfScenario.Rest, 10)]
    [InlineData(101, WhatIfScenario.Zone2, 95)]
    [InlineData(0, WhatIfScenario.Rest, 10)]
    [InlineData(100, WhatIfScenario.Strength, 90)]
    public void WhatIfSimulate_ReadinessOutOfRange_ClampedBeforeTheDelta(int current, WhatIfScenario scenario, int expected) =>
        WhatIfSimulator.Simulate(scenario, current).ProjectedReadiness.Should().Be(expected);

    [Theory]
    [InlineData(WhatIfScenario.Hiit, -15, -0.5, -10)]
    [InlineData(WhatIfScenario.ExtraSleep, 12, 1, 20)]
    public void WhatIfSimulate_ReadinessNotJudged_DeltasWithoutProjection(WhatIfScenario scenario, int readiness, double sleep, int recovery)
    {
        WhatIfResult result = WhatIfSimulator.Simulate(scenario, null);

        result.Should().Be(new WhatIfResult(scenario, readiness, sleep, recovery, null));
        JsonSerializer.Serialize(result, HealthTwinJsonContext.Default.WhatIfResult).Should().NotContain("projectedReadiness");
    }

    [Fact]
    public void WhatIfSimulate_UndefinedScenario_ThrowsNamingTheValue()
    {
        Action act = () => WhatIfSimulator.Simulate((WhatIfScenario)42, 50);

        act.Should().Throw<ArgumentException>()
            .WithMessage("scenario 42 is not a what-if scenario: allowed are other, zone2, hiit, strength, rest and extra_sleep.")
            .Which.ParamName.Should().Be("scenario");
    }

    [Theory]
    [InlineData("Zone 2", WhatIfScenario.Zone2)]
    [InlineData("hiit", WhatIfScenario.Hiit)]
    [InlineData("early-bed", WhatIfScenario.ExtraSleep)]
    [InlineData("extra_sleep", WhatIfScenario.ExtraSleep)]
    [InlineData("  Early Bedtime ", WhatIfScenario.ExtraSleep)]
    [InlineData("yoga", WhatIfScenario.Other)]
    [InlineData(null, WhatIfScenario.Other)]
    public void WhatIfParse_Text_MapsToScenario(string? text, WhatIfScenario expected) =>
        WhatIfSimulator.Parse(text).Should().Be(expected);
}

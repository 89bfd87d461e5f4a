using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// Sleep need by age band (NSF 2015; AASM/SRS 2015), never the habit; sleep debt night by night with a repayment cap;
/// the readiness sleep score against the need. Expected values are computed by hand in the comments.
/// </summary>
public sealed class SleepNeedAndDebtTests
{
    private static readonly RuleOptions Original = RuleOptions.OriginalApp();

    [Theory]
    [InlineData(null, 7, SleepNeedSource.AdultFloorAgeUnknown)]
    [InlineData(10, 9, SleepNeedSource.AgeBand)]  // school age 6–13: 9–11 h
    [InlineData(13, 9, SleepNeedSource.AgeBand)]
    [InlineData(14, 8, SleepNeedSource.AgeBand)]  // teenagers 14–17: 8–10 h
    [InlineData(17, 8, SleepNeedSource.AgeBand)]
    [InlineData(18, 7, SleepNeedSource.AgeBand)]  // adults 18–64: 7–9 h
    [InlineData(64, 7, SleepNeedSource.AgeBand)]
    [InlineData(65, 7, SleepNeedSource.AgeBand)]  // older adults 65+: 7–8 h
    [InlineData(120, 7, SleepNeedSource.AgeBand)]
    public void Compute_AgeBand_NeedIsTheBandsLowerBound(int? age, double need, SleepNeedSource source)
    {
        SleepDebt debt = SleepDebtCalculator.Compute(Nights(6), new UserProfile { Age = age }, TestData.Baseline(sleepHours: 6));

        debt.NeedHours.Should().Be(need);
        debt.NeedSource.Should().Be(source);
        debt.Hours.Should().BeApproximately(7 * (need - 6), 1e-9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Resolve_UnusableProfileOrOptionsNeed_SkippedForTheAgeBand(double hours)
    {
        // Unvalidated inputs (a profile allows 3–14 h, the options 4–12 h): a need that is not a positive finite number is
        // never used, neither from the profile nor from the options.
        var rules = new RuleOptions();
        rules.Sleep.NeedHours = hours;

        SleepNeed.Resolve(new UserProfile { Age = 15, SleepNeedHours = hours }, rules, TestData.Baseline())
            .Should().Be(new SleepNeed.Estimate(8, SleepNeedSource.AgeBand, 8, 10));
    }

    [Theory]
    [InlineData(0.0, 0.0, SleepNeedSource.Baseline)] // a baseline of 0 h is still the original app's need (its debt is 0)
    [InlineData(6.5, 6.5, SleepNeedSource.Baseline)]
    [InlineData(-1, null, SleepNeedSource.Unknown)]
    [InlineData(double.PositiveInfinity, null, SleepNeedSource.Unknown)]
    public void Resolve_OriginalAppWithoutProfileNeed_TheBaselineSleepWhenItIsANumber(double baselineHours, double? need, SleepNeedSource source) =>
        SleepNeed.Resolve(new UserProfile(), Original, Baseline.Unknown with { SleepHours = baselineHours })
            .Should().Be(new SleepNeed.Estimate(need, source, 7, 9));

    [Fact]
    public void Compute_ProfileNeedThenOptionsThenAgeBand_MostSpecificWins()
    {
        var rules = new RuleOptions();
        rules.Sleep.NeedHours = 6.5;

        SleepDebtCalculator.Compute(Nights(6), new UserProfile { Age = 15, SleepNeedHours = 8.5 }, TestData.Baseline(), rules)
            .Should().Be(new SleepDebt(17.5, 8.5, 7) { NeedSource = SleepNeedSource.Profile });
        SleepDebtCalculator.Compute(Nights(6), new UserProfile { Age = 15 }, TestData.Baseline(), rules)
            .Should().Be(new SleepDebt(3.5, 6.5, 7) { NeedSource = SleepNeedSource.Options });
        SleepDebtCalculator.Compute(Nights(6), new UserProfile { Age = 15 }, TestData.Baseline())
            .Should().Be(new SleepDebt(14, 8, 7) { NeedSource = SleepNeedSource.AgeBand });
    }

    [Fact]
    public void Compute_FourteenNightsOfFiveAndAHalfHours_DebtAgainstTheNeedNotTheHabit()
    {
        // The habit (and so the 14-day baseline) is 5.5 h. Evidence-based: 7 nights × (7 − 5.5) = 10.5 h.
        // Original app: the need is the 5.5 h baseline, so the debt is 0 (the defect of the issue).
        List<DailyMetrics> history = TestData.History(14, (d, _) => d with { SleepHours = 5.5 });
        Baseline habit = TestData.Baseline(sleepHours: 5.5);

        SleepDebtCalculator.Compute(history, TestData.Profile(), habit).Should().Be(new SleepDebt(10.5, 7, 7) { NeedSource = SleepNeedSource.AgeBand });
        SleepDebtCalculator.Compute(history, TestData.Profile(), habit, Original).Should().Be(new SleepDebt(0, 5.5, 7) { NeedSource = SleepNeedSource.Baseline });
    }

    [Fact]
    public void Readiness_FourteenNightsOfFiveAndAHalfHours_NotFullAndFlagsTheSleep()
    {
        // Sleep score against the 7 h need: min(5.5 / 7, 1) × 90 = 70.7 → "could be better", −10 → readiness 90.
        // The original app scored 5.5 / 5.5 × 90 = 90 ("good sleep") → readiness 100.
        List<DailyMetrics> history = TestData.History(14, (d, _) => d with { SleepHours = 5.5 });

        AgentContext evidence = CreateEvidence(history);
        AgentContext original = CreateEvidence(history, rules: Original);

        evidence.Readiness.Score.Should().Be(90);
        evidence.Readiness.Explanations.Should().Contain("Sleep could be better: sleep score 70.7 (−10)");
        evidence.SleepDebt.Hours.Should().Be(10.5);
        original.Readiness.Score.Should().Be(100);
        original.SleepDebt.Hours.Should().Be(0);
        AgentRecommendation debt = Single(Run(new SleepAgent(), evidence), SleepAgent.SleepDebtRule);
        debt.Rationale.Should().StartWith("You slept 10.5 h less than your 7.0 h need (the recommended minimum for your age: NSF 2015, AASM/SRS 2015) over the last 7 nights.");
        Run(new SleepAgent(), original).Should().BeEmpty();
    }

    [Fact]
    public void Compute_LongNightBetweenShortOnes_RepaysAtMostTheCap()
    {
        // Need 7, cap 2. Debt night by night from 0: 6 → 1; 10 (surplus 3, capped 2) → max(0, 1 − 2) = 0; 6 → 1;
        // 6 → 2; 7 → 2; 5 → 4; 9 (surplus 2) → 2. The original formula gives 7 × 7 − 49 = 0.
        List<DailyMetrics> history = SleepWeek(6, 10, 6, 6, 7, 5, 9);

        SleepDebtCalculator.Compute(history, TestData.Profile(), TestData.Baseline()).Hours.Should().Be(2);
        SleepDebtCalculator.Compute(history, TestData.Profile() with { SleepNeedHours = 7 }, TestData.Baseline(), Original).Hours.Should().Be(0);
    }

    [Fact]
    public void Compute_LongNightFirst_IsNotBankedForTheShortNightsThatFollow()
    {
        // 10 h first: the debt stays 0 (no credit); then six nights of 5 h add 2 h each: 12 h. Original: 49 − 40 = 9 h.
        List<DailyMetrics> history = SleepWeek(10, 5, 5, 5, 5, 5, 5);

        SleepDebtCalculator.Compute(history, TestData.Profile(), TestData.Baseline()).Hours.Should().Be(12);
        SleepDebtCalculator.Compute(history, TestData.Profile() with { SleepNeedHours = 7 }, TestData.Baseline(), Original).Hours.Should().Be(9);
    }

    [Theory]
    [InlineData(8.9, 2, 10.1)] // surplus 1.9 < cap: repays 1.9
    [InlineData(9.0, 2, 10)]   // surplus 2.0 = cap
    [InlineData(9.1, 2, 10)]   // surplus 2.1 > cap: repays 2
    [InlineData(9.0, 0, 12)]   // cap 0: a long night repays nothing
    [InlineData(11.0, 4, 8)]   // cap 4 (the most allowed)
    public void Compute_LastNightAroundTheCap_RepaysUpToTheCap(double lastNight, double cap, double expected)
    {
        // Six nights of 5 h against 7 h: 12 h of debt before the last night.
        var rules = new RuleOptions();
        rules.Sleep.RepaymentCapHours = cap;

        SleepDebtCalculator.Compute(SleepWeek(5, 5, 5, 5, 5, 5, lastNight), TestData.Profile(), TestData.Baseline(), rules).Hours
            .Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void Compute_NightsWithoutSleep_SkippedNotCountedAsZero()
    {
        List<DailyMetrics> history = SleepWeek(5, 5, 5, 5, 5, 5, 5);
        history[2] = history[2] with { SleepHours = null };
        history[4] = history[4] with { SleepHours = null };

        SleepDebtCalculator.Compute(history, TestData.Profile(), TestData.Baseline()).Should().Be(new SleepDebt(10, 7, 5) { NeedSource = SleepNeedSource.AgeBand });
    }

    [Theory]
    [InlineData(7.0, 85, 85, 79.333)]   // meets the need: the efficiency (original, baseline 7.5: 7 / 7.5 × 85)
    [InlineData(6.99, 85, 84.879, 85)]  // just short: 6.99 / 7 × 85 (original, baseline 6.99: 85)
    [InlineData(9.0, 80, 80, 96)]       // longer than the need adds nothing (original, baseline 7.5: 9 / 7.5 × 80 = 96)
    public void SleepScore_AgainstTheNeed_CappedAtTheEfficiency(double hours, double efficiency, double withNeed, double original)
    {
        DailyMetrics day = TestData.Day() with { SleepHours = hours, SleepEfficiency = efficiency };

        ReadinessCalculator.SleepScore(day, TestData.Baseline(sleepHours: 7.5), 7).Should().BeApproximately(withNeed, 0.001);
        ReadinessCalculator.SleepScore(day, TestData.Baseline(sleepHours: hours == 6.99 ? 6.99 : 7.5)).Should().BeApproximately(original, 0.001);
    }

    [Fact]
    public void Readiness_TeenagerSleepingSevenAndAHalfHours_SleepCouldBeBetter()
    {
        // Age 15 → need 8 h: 7.5 / 8 × 90 = 84.4 < 85 → −10.
        AgentContext context = WeekEvidence(d => d, TestData.Profile() with { Age = 15 });

        context.Readiness.Score.Should().Be(90);
        context.Readiness.Explanations.Should().Contain("Sleep could be better: sleep score 84.4 (−10)");
    }

    [Fact]
    public void Analyze_AgeUnknown_TextsSayTheAdultFloorWasAssumed()
    {
        List<DailyMetrics> history = TestData.History(7, (d, _) => d with { SleepHours = 6 });
        AgentContext context = CreateEvidence(history, new UserProfile(), RoundBaseline);

        context.SleepDebt.NeedSource.Should().Be(SleepNeedSource.AdultFloorAgeUnknown);
        Single(Run(new SleepAgent(), context), SleepAgent.SleepDebtRule).Rationale
            .Should().Contain("(no age in the profile: the adult minimum of 7 h, AASM/SRS 2015, was assumed)");
        PlannerAgent.CreatePlan(context).SleepAdvice.Should().Be(
            "You are 7.0 h short over the last 7 days: aim for 7.5 h tonight (no age in the profile: the adult minimum of 7 h was assumed), in bed by 22:30.");
    }

    [Theory]
    [InlineData(-0.1, false)]
    [InlineData(0, true)]
    [InlineData(4, true)]
    [InlineData(4.1, false)]
    [InlineData(double.NaN, false)]
    public void Validate_RepaymentCap_ZeroToFourHours(double cap, bool valid)
    {
        var rules = new RuleOptions();
        rules.Sleep.RepaymentCapHours = cap;

        IReadOnlyList<MetricsValidationError> errors = rules.Validate();

        if (valid)
        {
            errors.Should().BeEmpty();
        }
        else
        {
            errors.Should().ContainSingle().Which.Should().Be(new MetricsValidationError("HealthTwin:Rules:Sleep:RepaymentCapHours", cap.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "0–4 h"));
        }
    }

    private static List<DailyMetrics> Nights(double hours) => TestData.History(7, (d, _) => d with { SleepHours = hours });

    private static List<DailyMetrics> SleepWeek(params double[] nights) => TestData.History(nights.Length, (d, i) => d with { SleepHours = nights[i] });
}

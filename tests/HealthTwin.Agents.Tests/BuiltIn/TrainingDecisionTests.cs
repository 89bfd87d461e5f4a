using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using HealthTwin.Agents.Synthetic;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>The one training decision: the planner and the coach derive their intensity from it and never disagree.</summary>
public sealed class TrainingDecisionTests
{
    private static readonly int?[] Readiness = [null, 39, 40, 59, 60, 79, 80, 100];
    private static readonly BurnoutLevel?[] Burnout = [null, BurnoutLevel.Green, BurnoutLevel.Yellow, BurnoutLevel.Red];
    private static readonly double?[] TodayLoad = [null, 59.9, 60];
    private static readonly HrvNormalRangeStatus[] Hrv = [HrvNormalRangeStatus.Unknown, HrvNormalRangeStatus.Below, HrvNormalRangeStatus.Within, HrvNormalRangeStatus.Above];
    private static readonly double?[] FormRatio = [null, -0.31, -0.30, 0.1];

    [Fact]
    public void Decide_EveryCombinationOfInputs_PlannerAndCoachGiveTheSameIntensity()
    {
        AgentContext context = WeekWithReadinessEvidence(100);
        int combinations = 0;
        foreach (bool original in new[] { false, true })
        {
            foreach (int? readiness in Readiness)
            {
                foreach (BurnoutLevel? burnout in Burnout)
                {
                    foreach (bool exam in new[] { false, true })
                    {
                        foreach (double? load in TodayLoad)
                        {
                            foreach (HrvNormalRangeStatus hrv in Hrv)
                            {
                                foreach (bool spike in new[] { false, true })
                                {
                                    foreach (double? form in FormRatio)
                                    {
                                        TrainingIntensity hard = combinations % 2 == 0 ? TrainingIntensity.Hiit : TrainingIntensity.Strength;
                                        var inputs = new TrainingInputs(readiness, burnout, exam, load) { Hrv = hrv, LoadSpike = spike, FormRatio = form };
                                        AssertConsistent(context, TrainingDecision.Decide(inputs, original, hard), inputs, original);
                                        combinations++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        combinations.Should().Be(2 * 8 * 4 * 2 * 3 * 4 * 2 * 4);
    }

    [Theory]
    [InlineData(null, BurnoutLevel.Yellow, TrainingIntensity.Light)]
    [InlineData(100, BurnoutLevel.Yellow, TrainingIntensity.Light)]
    [InlineData(100, BurnoutLevel.Red, TrainingIntensity.Rest)]
    [InlineData(39, BurnoutLevel.Green, TrainingIntensity.Rest)]
    [InlineData(40, BurnoutLevel.Green, TrainingIntensity.Light)]
    [InlineData(59, BurnoutLevel.Green, TrainingIntensity.Light)]
    [InlineData(60, BurnoutLevel.Green, TrainingIntensity.Moderate)]
    [InlineData(79, BurnoutLevel.Green, TrainingIntensity.Moderate)]
    [InlineData(80, BurnoutLevel.Green, TrainingIntensity.Strength)]
    [InlineData(null, BurnoutLevel.Green, TrainingIntensity.Moderate)]
    public void Decide_ReadinessAndBurnoutBoundaries_BothPresets(int? readiness, BurnoutLevel burnout, TrainingIntensity expected)
    {
        var inputs = new TrainingInputs(readiness, burnout, false, 40);

        TrainingDecision.Decide(inputs, false, TrainingIntensity.Strength).Intensity.Should().Be(expected);
        TrainingDecision.Decide(inputs, true, TrainingIntensity.Strength).Intensity.Should().Be(expected);
    }

    [Theory]
    [InlineData(HrvNormalRangeStatus.Below, TrainingIntensity.Light)]
    [InlineData(HrvNormalRangeStatus.Within, TrainingIntensity.Strength)]
    [InlineData(HrvNormalRangeStatus.Above, TrainingIntensity.Strength)]
    [InlineData(HrvNormalRangeStatus.Unknown, TrainingIntensity.Strength)]
    public void Decide_HrvNormalRangeWithFullReadiness_BelowMeansLightOnlyInTheEvidencePreset(HrvNormalRangeStatus hrv, TrainingIntensity expected)
    {
        var inputs = new TrainingInputs(100, BurnoutLevel.Green, false, 40) { Hrv = hrv };

        TrainingDecision.Decide(inputs, false, TrainingIntensity.Strength).Intensity.Should().Be(expected);
        TrainingDecision.Decide(inputs, true, TrainingIntensity.Strength).Intensity.Should().Be(TrainingIntensity.Strength, "the original app had no HRV normal range");
    }

    [Theory]
    [InlineData(false, null, TrainingIntensity.Hiit)]
    [InlineData(true, null, TrainingIntensity.Moderate)]
    [InlineData(false, -0.31, TrainingIntensity.Moderate)]
    [InlineData(false, -0.30, TrainingIntensity.Hiit)]
    [InlineData(false, -0.29, TrainingIntensity.Hiit)]
    public void Decide_LoadSpikeOrDeepNegativeForm_NoHardSessionInTheEvidencePreset(bool spike, double? formRatio, TrainingIntensity expected)
    {
        var inputs = new TrainingInputs(100, BurnoutLevel.Green, false, 40) { LoadSpike = spike, FormRatio = formRatio };

        TrainingDecision.Decide(inputs, false, TrainingIntensity.Hiit).Intensity.Should().Be(expected);
        TrainingDecision.Decide(inputs, true, TrainingIntensity.Hiit).Intensity.Should().Be(TrainingIntensity.Hiit);
    }

    [Fact]
    public void Explain_LightDay_NamesEveryLimitInOneSentence()
    {
        var inputs = new TrainingInputs(55, BurnoutLevel.Yellow, true, 40);

        TrainingDecision.Decide(inputs, false, TrainingIntensity.Hiit).Explain(30)
            .Should().Be("Burnout risk is yellow (30 points); readiness is 55/100, below 60; you are in an exam phase.");
        TrainingDecision.Decide(inputs, false, TrainingIntensity.Hiit).Explain(30, "7-day mean stress 79 with low mood")
            .Should().StartWith("Burnout risk is yellow (30 points: 7-day mean stress 79 with low mood); readiness");
    }

    [Fact]
    public void Explain_ModerateDayWithoutReadinessOrLoad_SaysNeitherCouldBeJudged()
    {
        var inputs = new TrainingInputs(null, BurnoutLevel.Green, false, null);

        TrainingDecision decision = TrainingDecision.Decide(inputs, false, TrainingIntensity.Hiit);

        decision.Intensity.Should().Be(TrainingIntensity.Moderate);
        decision.Explain(0).Should().Be("Readiness could not be judged; today's training load was not recorded.");
    }

    [Fact]
    public void Explain_RestDayForRedBurnout_QuotesTheReasonOnlyWhenThereIsOne()
    {
        TrainingDecision decision = TrainingDecision.Decide(new TrainingInputs(85, BurnoutLevel.Red, false, 40), false, TrainingIntensity.Hiit);

        decision.Explain(55).Should().Be("Burnout risk is red (55 points).");
        decision.Explain(55, "HRV 25 % below baseline").Should().Be("Burnout risk is red (55 points: HRV 25 % below baseline).");
    }

    [Fact]
    public void Explain_SameBurnoutRiskTwice_TheSentenceIsFormattedOnce()
    {
        TrainingDecision decision = TrainingDecision.Decide(new TrainingInputs(70, BurnoutLevel.Yellow, false, 40), false, TrainingIntensity.Hiit);
        var burnout = new BurnoutRisk(BurnoutLevel.Yellow, 30, ["7-day mean stress 79"]) { Coverage = new ScoreCoverage([HealthMetric.StressScore], [], "stress") };

        string first = decision.Explain(burnout);

        first.Should().Be("Burnout risk is yellow (30 points: 7-day mean stress 79).");
        decision.Explain(burnout).Should().BeSameAs(first);
        decision.Explain(burnout with { }).Should().Be(first).And.NotBeSameAs(first, "another burnout risk is formatted anew");
        decision.Explain(burnout with { Reasons = [] }).Should().Be("Burnout risk is yellow (30 points).", "a burnout risk without reasons quotes none");
    }

    [Fact]
    public void Analyze_OriginalAppBurnoutYellowWithFullReadiness_PlannerLightAndCoachNoHardSession()
    {
        // The app's own defect: burnout yellow → its planner said "light movement", its coach "60 min strength".
        AgentContext context = YellowWithFullReadiness(RuleOptions.OriginalApp());
        context.Readiness.Score.Should().BeGreaterThanOrEqualTo(TrainingRules.HardFromReadiness, "readiness alone would allow a hard session: the spike is what limits it");
        context.BurnoutRisk.Level.Should().Be(BurnoutLevel.Yellow);

        DailyPlan plan = PlannerAgent.CreatePlan(context);
        IReadOnlyList<AgentRecommendation> coach = Run(new FitnessCoachAgent(), context);

        plan.Intensity.Should().Be(TrainingIntensity.Light);
        coach.Should().NotContain(r => r.Title == TrainingRules.StrengthTitle || r.Title == TrainingRules.HiitTitle || r.Title == "30 min moderate cardio");
    }

    [Fact]
    public void Analyze_HrvBelowItsNormalRange_PlannerAndCoachLightAndReadinessNotFull()
    {
        // 53 days of rMSSD 58/62, then 7 days at 45: the 7-day ln mean (3.807) is far below the 60-day mean − 0.5 SD.
        // The host's baseline is today's values, so only the normal range moves readiness and burnout.
        List<DailyMetrics> history = TestData.History(60, (d, i) => d with { Hrv = i >= 53 ? 45 : i % 2 == 0 ? 58 : 62, TrainingLoad = 40 });
        Baseline baseline = TestData.Baseline(hrv: 45, restingHr: 60, sleepHours: 7.5, efficiency: 90, stress: 40);

        AgentContext evidence = CreateEvidence(history, baseline: baseline);
        AgentContext original = CreateEvidence(history, baseline: baseline, rules: RuleOptions.OriginalApp());

        evidence.Readiness.Score.Should().BeLessThan(100, "an HRV 7-day mean below its normal range costs readiness points (issue 12, item 1)");
        evidence.BurnoutRisk.Level.Should().Be(BurnoutLevel.Yellow, "the HRV range is also a burnout marker in the evidence-based preset");
        evidence.BurnoutRisk.Reasons.Should().ContainSingle().Which.Should().StartWith("HRV 7-day mean 45 ms is below your normal range 55.6–61 ms");
        PlannerAgent.CreatePlan(evidence).Intensity.Should().Be(TrainingIntensity.Light);
        AgentRecommendation light = Single(Run(new FitnessCoachAgent(), evidence), FitnessCoachAgent.LightSessionRule);
        light.Rationale.Should().StartWith("Burnout risk is yellow (30 points: HRV 7-day mean 45 ms is below your normal range 55.6–61 ms", "the burnout limit names what raised it");
        evidence.Readiness.Explanations.Should().Contain(e => e.Contains("below your normal range", StringComparison.Ordinal));
        Single(Run(new PlannerAgent(), evidence), PlannerAgent.PlanRule).Rationale.Should().Contain("Light movement");

        PlannerAgent.CreatePlan(original).Intensity.Should().BeOneOf(TrainingIntensity.Strength, TrainingIntensity.Hiit);
        RuleIds(Run(new FitnessCoachAgent(), original)).Should().Equal(FitnessCoachAgent.HardSessionRule);
    }

    [Fact]
    public void Analyze_LoadSpike_ModerateInsteadOfAHardSession()
    {
        // 53 days at load 5, then 7 days at 58 (below 60, so a hard session would otherwise be allowed): the EWMA acute
        // load runs far ahead of the chronic load (ratio about 1.5) and form is deeply negative.
        List<DailyMetrics> history = TestData.History(60, (d, i) => d with { TrainingLoad = i >= 53 ? 58 : 5 });
        AgentContext context = CreateEvidence(history, baseline: TestData.Baseline());

        context.Readiness.Score.Should().Be(90, "form far below fitness costs 10 points");
        context.Readiness.Explanations.Should().Contain(r => r.StartsWith("Form ", StringComparison.Ordinal) && r.EndsWith("(−10)", StringComparison.Ordinal));
        TrainingDecision decision = context.TrainingDecision;
        decision.Intensity.Should().Be(TrainingIntensity.Moderate);
        (decision.Limits & (TrainingLimits.LoadSpike | TrainingLimits.NegativeForm)).Should().NotBe(TrainingLimits.None);
        PlannerAgent.CreatePlan(context).Intensity.Should().Be(TrainingIntensity.Moderate);
        RuleIds(Run(new FitnessCoachAgent(), context)).Should().Equal(FitnessCoachAgent.ModerateCardioRule);
        PlannerAgent.CreatePlan(CreateEvidence(history, baseline: TestData.Baseline(), rules: RuleOptions.OriginalApp())).Intensity
            .Should().BeOneOf(TrainingIntensity.Strength, TrainingIntensity.Hiit);
    }

    public static TheoryData<SyntheticScenario, int, bool> Scenarios()
    {
        var data = new TheoryData<SyntheticScenario, int, bool>();
        foreach (SyntheticScenario scenario in Enum.GetValues<SyntheticScenario>())
        {
            foreach (int seed in new[] { 1, 7, 42 })
            {
                data.Add(scenario, seed, false);
                data.Add(scenario, seed, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Analyze_SyntheticScenarios_CoachFollowsThePlan(SyntheticScenario scenario, int seed, bool originalApp)
    {
        AgentContext context = CreateEvidence(
            SyntheticHistory.Generate(scenario, TestData.Today, 60, seed),
            SyntheticHistory.RecommendedProfile(scenario),
            rules: originalApp ? RuleOptions.OriginalApp() : null);

        DailyPlan plan = PlannerAgent.CreatePlan(context);
        string[] coach = RuleIds(Run(new FitnessCoachAgent(), context));

        coach.Should().Equal(ExpectedCoachRules(plan.Intensity, context.TrainingDecision.Judged, originalApp));
    }

    private static void AssertConsistent(AgentContext context, TrainingDecision decision, TrainingInputs inputs, bool original)
    {
        DailyPlan plan = PlannerAgent.CreatePlan(context, decision);
        ValueTask<AgentOutcome> pending = FitnessCoachAgent.Analyze(context, decision).ToOutcome();
        if (!pending.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("The coach completes synchronously.");
        }

        AgentOutcome coach = pending.Result;
        string[] rules = RuleIds(coach.Recommendations);
        string because = $"inputs {inputs}, original app {original}";

        plan.Intensity.Should().Be(decision.Intensity, because);
        rules.Should().Equal(ExpectedCoachRules(plan.Intensity, decision.Judged, original), because);
        if (plan.Intensity is TrainingIntensity.Hiit or TrainingIntensity.Strength)
        {
            plan.Training.Should().Contain(coach.Recommendations[0].Title, because);
        }

        // The rules every preset keeps, stated independently of the decision's code.
        if (inputs.Burnout == BurnoutLevel.Red || inputs.Readiness < 40)
        {
            plan.Intensity.Should().Be(TrainingIntensity.Rest, because);
        }
        else if (inputs.Burnout == BurnoutLevel.Yellow || inputs.Readiness < 60 || inputs.ExamPhase || (!original && inputs.Hrv == HrvNormalRangeStatus.Below))
        {
            plan.Intensity.Should().Be(TrainingIntensity.Light, because);
        }
        else if (inputs.Readiness >= 80 && inputs.TodayLoad < 60 && (original || (!inputs.LoadSpike && !(inputs.FormRatio < -0.3))))
        {
            plan.Intensity.Should().BeOneOf([TrainingIntensity.Hiit, TrainingIntensity.Strength], because);
        }
        else
        {
            plan.Intensity.Should().Be(TrainingIntensity.Moderate, because);
        }
    }

    private static string[] ExpectedCoachRules(TrainingIntensity intensity, bool judged, bool original) => intensity switch
    {
        TrainingIntensity.Rest => [FitnessCoachAgent.RecoveryWalkRule, FitnessCoachAgent.MobilityRule],
        TrainingIntensity.Light => original ? [] : [FitnessCoachAgent.LightSessionRule],
        TrainingIntensity.Moderate => judged ? [FitnessCoachAgent.ModerateCardioRule] : [],
        _ => [FitnessCoachAgent.HardSessionRule],
    };

    /// <summary>
    /// HRV of the two days before today at 60 against a baseline of 100 (3-day mean 73 &lt; 85: +30 burnout points,
    /// yellow); today itself at the baseline, so readiness stays 100.
    /// </summary>
    private static AgentContext YellowWithFullReadiness(RuleOptions rules)
    {
        List<DailyMetrics> history = WeekHistory(d => d);
        history[4] = history[4] with { Hrv = 60 };
        history[5] = history[5] with { Hrv = 60 };
        return CreateEvidence(history, baseline: RoundBaseline, rules: rules);
    }
}

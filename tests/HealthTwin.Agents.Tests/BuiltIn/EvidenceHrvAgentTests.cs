using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;
using static HealthTwin.Agents.Tests.EvidenceData;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>
/// The HRV rules of the burnout guardian and the breathing coach under the evidence-based default: today's ln HRV more
/// than 2 SD below the previous days, not a single-day percent drop.
/// </summary>
public sealed class EvidenceHrvAgentTests
{
    private static readonly double LnSixty = Math.Log(60);

    /// <summary>16 full days; HRV: 15 previous days ln 60 ± 0.2 (mean ln 60, SD exactly 0.2), today <paramref name="sds"/> SD off.</summary>
    private static AgentContext Context(double sds, Func<DailyMetrics, DailyMetrics>? today = null)
    {
        List<double> hrv = SymmetricHrv(LnSixty, 0.2);
        hrv.Add(Math.Exp(LnSixty + (sds * 0.2)));
        List<DailyMetrics> history = TestData.History(16, (d, i) => d with { Hrv = hrv[i] });
        history[^1] = (today ?? (x => x))(history[^1]);
        return Create(history, rules: EvidenceRules);
    }

    [Theory]
    [InlineData(-2.0, false)]
    [InlineData(-2.01, true)]
    public void Guardian_HrvMoreThanTwoSdBelow_AlertWithThresholdInMs(double sds, bool fires)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(new BurnoutGuardianAgent(), Context(sds));

        RuleIds(recommendations).Contains("anomaly-hrv").Should().Be(fires);
        if (fires)
        {
            AgentRecommendation alert = Single(recommendations, "anomaly-hrv");
            alert.Title.Should().Be("HRV alert");
            alert.Rationale.Should().Be(
                "HRV 2 SD below your usual 60 ms (-33 %; the previous days' mean and spread of ln HRV). Likely causes: Incomplete recovery, stress, illness, "
                + "alcohol or a late hard session. Prefer recovery or light training today and prioritise sleep. Today is compared with your previous days; "
                + "this is a prompt to look, not a diagnosis.");
            Evidence evidence = alert.Evidence.Should().ContainSingle().Which;
            evidence.Metric.Should().Be("hrv");
            evidence.Value.Should().Be(40.14, "60 × e^−0.402 = 40.1388");
            evidence.Baseline.Should().Be(60);
            evidence.DeltaPercent.Should().Be(-33.1);
            evidence.Threshold.Should().Be(40.22, "60 × e^−0.4 = 40.2192: the HRV 2 SD below the usual");
            evidence.Note.Should().Be("2 SD below the previous days' mean of ln HRV; the threshold is the HRV 2 SD below it, in ms");
        }
    }

    [Fact]
    public void Guardian_SingleDayFifteenPercentDrop_NoAlertUnderTheEvidencePreset()
    {
        // −16 % is ln −0.174: 0.87 SD here. The original app alerts on it; the evidence-based preset does not.
        AgentContext context = Context(Math.Log(0.84) / 0.2);

        RuleIds(Run(new BurnoutGuardianAgent(), context)).Should().NotContain("anomaly-hrv");
        RuleIds(Run(new BreathingCoachAgent(), context)).Should().NotContain(BreathingCoachAgent.CoherentRule);
        AgentContext original = Create(context.AllMetrics, rules: OriginalRules);
        RuleIds(Run(new BurnoutGuardianAgent(), original)).Should().Contain("anomaly-hrv");
    }

    [Theory]
    [InlineData(-1.99, false)]
    [InlineData(-2.0, false)]
    [InlineData(-2.01, true)]
    public void Breathing_CoherentBreathingBelowTwoSd(double sds, bool fires)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(new BreathingCoachAgent(), Context(sds));

        RuleIds(recommendations).Contains(BreathingCoachAgent.CoherentRule).Should().Be(fires);
        if (fires)
        {
            AgentRecommendation card = Single(recommendations, BreathingCoachAgent.CoherentRule);
            card.Type.Should().Be(RecommendationType.Stress);
            card.Priority.Should().Be(RecommendationPriority.High);
            card.Rationale.Should().StartWith("Your HRV is 2 SD below your usual 60 ms (today against your previous days, on the log scale).")
                .And.EndWith("A relaxation aid, not a treatment.");
            card.Evidence.Should().ContainSingle().Which.Threshold.Should().Be(40.22);
        }
    }

    [Fact]
    public async Task Breathing_Calibrating_SkippedWithTheCalibrationState()
    {
        AgentContext context = Create(TestData.History(6), rules: EvidenceRules);

        AgentOutcome outcome = await new BreathingCoachAgent().AnalyzeWithOutcomeAsync(context, CancellationToken.None);

        outcome.SkippedRules.Should().ContainSingle(s => s.Rule == BreathingCoachAgent.CoherentRule)
            .Which.Reason.Should().Be("HRV has no comparable baseline yet (calibrating: 5 of 14 days): the low-HRV breathing check was not judged");
    }

    [Fact]
    public void Guardian_RestingHrTwoSdAbove_AlertWithThresholdInBpm()
    {
        // Resting HR 57 / 63 seven times each and 60 once before today (mean 60, SD 3); today 66.3: 2.1 SD.
        List<double> rhr = [.. Enumerable.Repeat(57.0, 7), .. Enumerable.Repeat(63.0, 7), 60, 66.3];
        AgentContext context = Create(TestData.History(16, (d, i) => d with { RestingHr = rhr[i] }), rules: EvidenceRules);

        AgentRecommendation alert = Single(Run(new BurnoutGuardianAgent(), context), "anomaly-resting-hr");

        alert.Rationale.Should().StartWith("Resting heart rate 2.1 SD above your usual 60 bpm (+11 %; the previous days' mean and spread).");
        alert.Evidence.Should().ContainSingle().Which.Threshold.Should().Be(66, "60 + 2 × 3");
    }

    [Fact]
    public void Guardian_WeekOfLowMoodAndEnergy_BurnoutYellow()
    {
        // The case through the agent: a week of mood 1/5 and energy 1/5 with stress 65.
        List<DailyMetrics> history = TestData.History(21, (d, i) => i >= 14 ? d with { MoodScore = 1, EnergyScore = 1, StressScore = 65 } : d);

        AgentRecommendation burnout = Single(Run(new BurnoutGuardianAgent(), Create(history, rules: EvidenceRules)), BurnoutGuardianAgent.BurnoutRule);
        IReadOnlyList<AgentRecommendation> original = Run(new BurnoutGuardianAgent(), Create(history, rules: OriginalRules));

        burnout.Title.Should().Be("Burnout risk: yellow");
        burnout.Rationale.Should().Contain("Meeusen et al. 2013, Saw et al. 2016");
        RuleIds(original).Should().NotContain(BurnoutGuardianAgent.BurnoutRule, "the original app leaves it green");
    }
}

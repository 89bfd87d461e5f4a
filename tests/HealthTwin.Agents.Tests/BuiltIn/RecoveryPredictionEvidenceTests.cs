using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>The evidence-based recovery estimate: sleep against the sleep need (capped at 1), never the habit.</summary>
public sealed class RecoveryPredictionEvidenceTests
{
    /// <summary>HRV 100 ms, sleep 10 h (a long habit), resting HR 50 bpm.</summary>
    private static readonly Baseline LongSleeper = TestData.Baseline(hrv: 100, restingHr: 50, sleepHours: 10, efficiency: 90, stress: 40);

    [Theory]
    [InlineData(6.3, 97, false)]   // 0.4 + 0.3 × 6.3 / 7 + 0.3 = 0.97 (original, against the 10 h habit: 89)
    [InlineData(6.29, 97, true)]   // ratio 0.8986 < 0.9: "Short sleep"
    [InlineData(9, 100, false)]    // ratio capped at 1 (original: 0.4 + 0.27 + 0.3 = 97)
    public void Predict_SleepAgainstTheNeed_AgeThirtyNeedsSeven(double sleep, int recovery, bool shortSleep)
    {
        AgentContext context = CreateEvidence([TestData.Day() with { Hrv = 100, SleepHours = sleep, RestingHr = 50 }], baseline: LongSleeper);

        RecoveryPrediction prediction = RecoveryPredictionAgent.Predict(context);

        prediction.RecoveryPercent.Should().Be(recovery);
        prediction.Factors.Contains("Short sleep").Should().Be(shortSleep);
    }

    [Fact]
    public async Task Predict_NoSleepBaseline_SleepTermStillJudgedAgainstTheNeed()
    {
        // Sleep 7 h = the need → 0.3; HRV and resting HR at baseline → 100 %, with no term left out.
        AgentContext context = CreateEvidence([TestData.Day() with { Hrv = 100, SleepHours = 7, RestingHr = 50 }], baseline: LongSleeper with { SleepHours = null });

        RecoveryPredictionAgent.Predict(context).RecoveryPercent.Should().Be(100);
        (await new RecoveryPredictionAgent().AnalyzeWithOutcomeAsync(context, CancellationToken.None)).SkippedRules.Should().BeEmpty();
    }
}

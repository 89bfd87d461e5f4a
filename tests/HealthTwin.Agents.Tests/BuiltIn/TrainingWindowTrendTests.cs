using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>
/// The training windows follow each day's own projection when a single marker has a trend (issue 16: taking the forecast
/// as flat when only stress or only sleep trended survived; it copies day 1's factors to the whole week and so offers three
/// windows where the trend closes them). Fourteen days on a straight line for that marker, every other marker steady at the
/// <see cref="AgentTestContext.RoundBaseline"/> values (no trend at all). Damped sums (φ = 0.8) of day 1 … 3: 0.8, 1.44, 1.952.
/// </summary>
public sealed class TrainingWindowTrendTests
{
    private readonly PredictiveAnalyticsAgent _agent = new();

    private static List<DailyMetrics> Line(Func<DailyMetrics, int, DailyMetrics> marker) =>
        TestData.History(14, (d, i) => marker(d with { Hrv = 100, RestingHr = 50, SleepHours = 7.5, SleepEfficiency = 90, StressScore = 40, TrainingLoad = 40 }, i));

    [Fact]
    public void Analyze_OnlyStressRisingTowardItsThreshold_OneWindowBeforeItCrosses()
    {
        // Stress 18, 20, …, 44 today against a baseline of 40 (above +15 % adds 25 points): day 1 44 + 2 × 0.8 = 45.6
        // (+14 %), day 2 44 + 2 × 1.44 = 46.88 (+17.2 %).
        AgentContext context = CreateEvidence(Line((d, i) => d with { StressScore = 18 + (2 * i) }), baseline: RoundBaseline);

        PredictiveAnalyticsAgent.Predict(context).Select(p => p.Score).Should().Equal(0, 25, 25, 25, 25, 25, 25);
        Single(Run(_agent, context), PredictiveAnalyticsAgent.TrainingWindowsRule).Rationale.Should().Be(
            "Projected burnout risk stays low on Sat 2025-03-15: a good day for a high-intensity session.");
    }

    [Fact]
    public void Analyze_OnlySleepFallingTowardItsThreshold_OneWindowBeforeItCrosses()
    {
        // Sleep 7.7, 7.6, …, 6.4 h today against the need of 7 h at age 30 (below −10 %, 6.3 h, adds 25 points):
        // day 1 6.4 − 0.1 × 0.8 = 6.32 h (−9.7 %), day 2 6.4 − 0.1 × 1.44 = 6.256 h (−10.6 %).
        AgentContext context = CreateEvidence(Line((d, i) => d with { SleepHours = 7.7 - (0.1 * i) }), baseline: RoundBaseline);

        PredictiveAnalyticsAgent.Predict(context).Select(p => p.Score).Should().Equal(0, 25, 25, 25, 25, 25, 25);
        Single(Run(_agent, context), PredictiveAnalyticsAgent.TrainingWindowsRule).Rationale.Should().Be(
            "Projected burnout risk stays low on Sat 2025-03-15: a good day for a high-intensity session.");
    }
}

using HealthTwin.Agents;
using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using HealthTwin.Import.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Import.Tests.RealData;

/// <summary>
/// The sleep need, the per-night sleep debt, the burnout forecast and the one training decision on a real Oura export
/// (Samples/oura, 58 days; see Samples/ATTRIBUTION.md). Expected values computed by hand from the CSV rows.
/// </summary>
public sealed class OuraRealHistoryRulesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 7, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Analyze_RealOuraExportWithoutAge_DebtNightByNightAgainstTheAdultFloor()
    {
        // Last 7 days present: Jul 16–22; Jul 19 has no sleep row (activity only), so 6 nights:
        // 7.242, 7.558, 7.8, 6.967, 7.608, 5.017 h. Against 7 h: 0, 0, 0, 0.033, 0 (0.608 repaid), 1.983 → 1.983 h.
        AgentContext context = await ContextAsync(new RuleOptions());

        context.SleepDebt.Should().Be(new SleepDebt(1.983, 7, 6) { NeedSource = SleepNeedSource.AdultFloorAgeUnknown });
        // Today 5.017 h at 86 %: min(5.017 / 7, 1) × 86 = 61.6 → "poor sleep".
        ReadinessCalculator.SleepScore(context.Today, context.Baseline, 7).Should().BeApproximately(61.637, 0.001);
        context.Readiness.Explanations.Should().Contain(e => e.StartsWith("Poor sleep: sleep score 61.6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Predict_RealOuraExport_LevelsWithoutATrendAndTheMissingMarkersNamed()
    {
        // Jul 9–22 (14 calendar days): 13 days with HRV and with sleep. ln HRV slope 0.0103/day < t(11) × SE 0.0207 and
        // sleep slope −0.071 h/day < 0.130: no clear trend, levels = means (HRV 26.1 ms, sleep 7.32 h ≥ 0.9 × 7 h).
        // The export has no stress score and no training load: those two are named, never guessed.
        AgentContext context = await ContextAsync(new RuleOptions());

        IReadOnlyList<BurnoutPrediction> predictions = PredictiveAnalyticsAgent.Predict(context);

        predictions.Should().HaveCount(7).And.OnlyContain(p =>
            p.DaysOfData == 13
            && p.NotJudged.SequenceEqual(new[] { HealthMetric.StressScore, HealthMetric.TrainingLoad })
            && !p.Factors.Contains("Sleep below need"));
        predictions.Select(p => p.Score).Distinct().Should().ContainSingle("without a clear trend every day projects the same level");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Analyze_RealOuraExport_PlannerAndCoachFollowTheSameDecision(bool originalApp)
    {
        AgentContext context = await ContextAsync(originalApp ? RuleOptions.OriginalApp() : new RuleOptions());

        DailyPlan plan = PlannerAgent.CreatePlan(context);
        IReadOnlyList<AgentRecommendation> coach = await new FitnessCoachAgent().AnalyzeAsync(context, CancellationToken.None);

        string[] expected = plan.Intensity switch
        {
            TrainingIntensity.Rest => ["30 min recovery walk", "15 min mobility and stretching"],
            TrainingIntensity.Light => originalApp ? [] : ["20–30 min easy movement"],
            TrainingIntensity.Moderate => context.Readiness.Score is null ? [] : ["30 min moderate cardio"],
            TrainingIntensity.Hiit => ["45 min HIIT"],
            _ => ["60 min strength training"],
        };
        coach.Select(r => r.Title).Should().Equal(expected);
    }

    private static async Task<AgentContext> ContextAsync(RuleOptions rules)
    {
        WearableImportResult result = await Importers.Create().ImportAsync(Sample.File(Sample.OuraTrends));
        var factory = new AgentContextFactory(new FakeTimeProvider(Noon), Options.Create(new HealthTwinOptions { Rules = rules }));
        return factory.Create("oura-user", new UserProfile(), result.Days);
    }
}

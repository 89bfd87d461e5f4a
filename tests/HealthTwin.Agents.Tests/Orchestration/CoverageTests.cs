using System.Text.Json;
using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Serialization;
using HealthTwin.Agents.Synthetic;
using HealthTwin.Agents.Tests.Scenarios;

namespace HealthTwin.Agents.Tests.Orchestration;

/// <summary>The analysis reports what it could judge: complete on full days, rule by rule on partial days.</summary>
public sealed class CoverageTests
{
    /// <summary>The full-day scenarios (ring-only and phone-only are partial by design).</summary>
    public static TheoryData<SyntheticScenario> Scenarios => new(Enum.GetValues<SyntheticScenario>().Where(s => s is not (SyntheticScenario.RingOnly or SyntheticScenario.PhoneOnly)));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task AnalyzeAsync_FullDayScenario_CompleteCoverageAndNoSkippedRule(SyntheticScenario scenario)
    {
        (AgentAnalysis analysis, AgentContext context) = await ScenarioRunner.RunAsync(scenario);

        analysis.Coverage.IsComplete.Should().BeTrue();
        analysis.Coverage.MissingToday.Should().BeEmpty();
        analysis.Coverage.WithoutBaseline.Should().BeEmpty();
        analysis.Coverage.SkippedRuleCount.Should().Be(0);
        analysis.Coverage.Notes.Should().BeEmpty();
        analysis.Coverage.RecordedToday.Should().Equal(PartialData.DayMetrics);
        analysis.Agents.Should().OnlyContain(a => a.SkippedRules.Count == 0);
        context.Readiness.Coverage.IsComplete.Should().BeTrue();
        context.BurnoutRisk.Coverage.IsComplete.Should().BeTrue();
    }

    [Fact]
    public async Task AnalyzeAsync_FullDaysAtEveryHour_NoSkippedRule()
    {
        await using var analysis = new PartialDayAnalysis();
        List<DailyMetrics> history = TestData.History(30);

        for (int hour = 0; hour < 24; hour++)
        {
            AgentAnalysis result = await analysis.AnalyzeAsync(history, BuiltIn.AgentTestContext.At(hour), new ContextData { Weather = new Weather(12, WeatherCondition.Rain) });

            result.Coverage.IsComplete.Should().BeTrue($"at {hour}:00 every rule could be judged");
            result.Agents.SelectMany(a => a.SkippedRules).Should().BeEmpty();
        }
    }

    [Fact]
    public async Task AnalyzeAsync_RingOnlyDays_ReportNamesEachSkippedRuleAndMissingMetric()
    {
        // A ring: sleep, efficiency, HRV, resting HR, steps; no stress, load, workout, mood, energy. 21 days: every baseline is calibrated.
        List<DailyMetrics> history = TestData.History(21, (d, _) => d.Only(HealthMetric.SleepHours, HealthMetric.SleepEfficiency, HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.Steps));
        await using var analysis = new PartialDayAnalysis();

        AgentAnalysis result = await analysis.AnalyzeAsync(history);

        result.Agents.Should().OnlyContain(a => a.Status == AgentRunStatus.Succeeded);
        result.Coverage.IsComplete.Should().BeFalse();
        result.Coverage.RecordedToday.Should().Equal(HealthMetric.SleepHours, HealthMetric.SleepEfficiency, HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.Steps);
        result.Coverage.MissingToday.Should().Equal(HealthMetric.WorkoutMinutes, HealthMetric.TrainingLoad, HealthMetric.StressScore, HealthMetric.MoodScore, HealthMetric.EnergyScore);
        result.Coverage.WithoutBaseline.Should().BeEmpty();
        result.Coverage.SkippedRuleCount.Should().Be(result.Agents.Sum(a => a.SkippedRules.Count));
        Skipped(result, BurnoutGuardianAgent.AgentId, BurnoutGuardianAgent.StressRule).MissingMetrics.Should().Equal(HealthMetric.StressScore);
        Skipped(result, BreathingCoachAgent.AgentId, BreathingCoachAgent.BoxRule).MissingMetrics.Should().Equal(HealthMetric.StressScore);
        Skipped(result, FitnessCoachAgent.AgentId, FitnessCoachAgent.HardSessionRule).MissingMetrics.Should().Equal(HealthMetric.TrainingLoad);
        Skipped(result, RecoveryPredictionAgent.AgentId, RecoveryPredictionAgent.DeloadRule).Should().BeNull("recovery is high, so the deload check needs no load");
        Skipped(result, InjuryRiskAgent.AgentId, InjuryRiskAgent.SpikeRule).MissingMetrics.Should().Equal(HealthMetric.TrainingLoad, HealthMetric.WorkoutMinutes);
        Skipped(result, InjuryRiskAgent.AgentId, InjuryRiskAgent.RiskRule).MissingMetrics.Should().Equal(HealthMetric.TrainingLoad, HealthMetric.StressScore);
        Skipped(result, PredictiveAnalyticsAgent.AgentId, PredictiveAnalyticsAgent.TrainingWindowsRule).MissingMetrics.Should().Equal(HealthMetric.StressScore, HealthMetric.TrainingLoad);
        Skipped(result, SleepAgent.AgentId, SleepAgent.SleepDebtRule).Should().BeNull();
        result.Coverage.Notes.Should().Contain(n => n.Contains("mood", StringComparison.Ordinal) && n.Contains("energy", StringComparison.Ordinal));

        using JsonDocument json = JsonDocument.Parse(HealthTwinJson.Serialize(result));
        JsonElement coverage = json.RootElement.GetProperty("coverage");
        coverage.GetProperty("missingToday").EnumerateArray().Select(e => e.GetString()).Should().Equal("workoutMinutes", "trainingLoad", "stressScore", "moodScore", "energyScore");
        coverage.GetProperty("skippedRuleCount").GetInt32().Should().Be(result.Coverage.SkippedRuleCount);
        JsonElement guardian = json.RootElement.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agentId").GetString() == BurnoutGuardianAgent.AgentId);
        guardian.GetProperty("skippedRules").EnumerateArray().Should().Contain(s =>
            s.GetProperty("rule").GetString() == BurnoutGuardianAgent.StressRule
            && s.GetProperty("missingMetrics").EnumerateArray().Single().GetString() == "stressScore");
    }

    [Fact]
    public async Task AnalyzeAsync_PhoneOnlyDays_ReadinessAndBurnoutNotJudgedAndSaidSo()
    {
        List<DailyMetrics> history = TestData.History(14, (d, _) => d.Only(HealthMetric.Steps, HealthMetric.SleepHours));
        await using var analysis = new PartialDayAnalysis();

        AgentAnalysis result = await analysis.AnalyzeAsync(history);

        result.Agents.Should().OnlyContain(a => a.Status == AgentRunStatus.Succeeded);
        result.Coverage.RecordedToday.Should().Equal(HealthMetric.SleepHours, HealthMetric.Steps);
        result.Coverage.Notes.Should().Contain(n => n.StartsWith("The burnout risk could not be judged", StringComparison.Ordinal));
        Skipped(result, BurnoutGuardianAgent.AgentId, BurnoutGuardianAgent.BurnoutRule).MissingMetrics
            .Should().Equal(HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.SleepEfficiency, HealthMetric.StressScore, HealthMetric.MoodScore, HealthMetric.EnergyScore);
        Skipped(result, PlannerAgent.AgentId, PlannerAgent.PlanRule).MissingMetrics.Should().Contain([HealthMetric.SleepEfficiency, HealthMetric.Hrv, HealthMetric.RestingHr]);
        result.Recommendations.Should().Contain(r => r.Agent == PlannerAgent.AgentId, "the plan is still given, at a moderate default");
    }

    [Fact]
    public async Task AnalyzeAsync_MetricOnTwoDaysOnly_ListedWithoutBaseline()
    {
        // 20 days, HRV on the last two only: every other baseline is calibrated (19 previous days), HRV has 1 of 14.
        List<DailyMetrics> history = TestData.History(20, (d, i) => i >= 18 ? d : d.Without(HealthMetric.Hrv));
        await using var analysis = new PartialDayAnalysis();

        AgentAnalysis result = await analysis.AnalyzeAsync(history);

        result.Coverage.MissingToday.Should().BeEmpty();
        result.Coverage.WithoutBaseline.Should().Equal(HealthMetric.Hrv);
        result.Coverage.Calibration.Should().Equal(new MetricCalibration(HealthMetric.Hrv, 1, 14, 28));
        result.Coverage.Notes.Should().Contain(
            "HRV has no baseline yet (calibrating: 1 of 14 days with a value in the 28 days before today), so today could not be compared with your normal.");
        Skipped(result, BurnoutGuardianAgent.AgentId, "anomaly-hrv").MissingMetrics.Should().Equal(HealthMetric.Hrv);
        Skipped(result, BreathingCoachAgent.AgentId, BreathingCoachAgent.CoherentRule).Reason
            .Should().Be("HRV has no comparable baseline yet (calibrating: 1 of 14 days): the low-HRV breathing check was not judged");
    }

    private static SkippedRule Skipped(AgentAnalysis analysis, string agent, string rule) =>
        analysis.Agents.Single(a => a.AgentId == agent).SkippedRules.SingleOrDefault(s => s.Rule == rule)!;
}

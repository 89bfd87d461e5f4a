using System.Text.Json;
using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Rules;
using HealthTwin.Agents.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Agents.Tests.Orchestration;

/// <summary>The calibration state of each baseline is visible in the analysis: "calibrating: 5 of 14 days", in notes and JSON.</summary>
public sealed class CalibrationCoverageTests
{
    private static async Task<AgentAnalysis> AnalyzeAsync(IEnumerable<DailyMetrics> history, RuleOptions? rules = null, Baseline? baseline = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(HealthTwin.Agents.Tests.BuiltIn.AgentTestContext.Noon));
        services.AddHealthTwin(o => o.Rules = rules ?? new RuleOptions());
        await using ServiceProvider provider = services.BuildServiceProvider();
        AgentContext context = provider.GetRequiredService<AgentContextFactory>()
            .Create("u1", TestData.Profile(), history, new AgentContextOptions { Baseline = baseline });
        return await provider.GetRequiredService<AgentOrchestrator>().AnalyzeAsync(context, CancellationToken.None);
    }

    [Fact]
    public async Task AnalyzeAsync_SixFullDays_EveryBaselineCalibratingFiveOfFourteen()
    {
        AgentAnalysis analysis = await AnalyzeAsync(TestData.History(6));

        DataCoverage coverage = analysis.Coverage;
        coverage.IsComplete.Should().BeFalse();
        coverage.Calibration.Should().Equal(
            new MetricCalibration(HealthMetric.SleepHours, 5, 14, 28),
            new MetricCalibration(HealthMetric.SleepEfficiency, 5, 14, 28),
            new MetricCalibration(HealthMetric.Hrv, 5, 14, 28),
            new MetricCalibration(HealthMetric.RestingHr, 5, 14, 28),
            new MetricCalibration(HealthMetric.StressScore, 5, 14, 28));
        coverage.WithoutBaseline.Should().Equal(HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.SleepHours, HealthMetric.SleepEfficiency, HealthMetric.StressScore);
        coverage.Notes.Should().Contain("HRV has no baseline yet (calibrating: 5 of 14 days with a value in the 28 days before today), so today could not be compared with your normal.")
            .And.Contain("Resting heart rate has no baseline yet (calibrating: 5 of 14 days with a value in the 28 days before today), so today could not be compared with your normal.")
            .And.Contain("Sleep duration has no baseline yet (calibrating: 5 of 14 days with a value in the 28 days before today), so today could not be compared with your normal.");

        AgentRunReport guardian = analysis.Agents.Single(a => a.AgentId == BurnoutGuardianAgent.AgentId);
        guardian.SkippedRules.Should().Contain(s => s.Rule == "anomaly-hrv" && s.Reason == "HRV has no comparable baseline yet (calibrating: 5 of 14 days): the HRV alert was not judged");
        guardian.SkippedRules.Should().Contain(s => s.Rule == "anomaly-resting-hr" && s.Reason == "resting heart rate has no comparable baseline yet (calibrating: 5 of 14 days): the resting-heart-rate alert was not judged");
    }

    [Fact]
    public async Task AnalyzeAsync_Calibrating_JsonCarriesTheCalibrationList()
    {
        AgentAnalysis analysis = await AnalyzeAsync(TestData.History(10, (d, i) => d.Only(HealthMetric.Hrv, HealthMetric.Steps)));

        using JsonDocument json = JsonDocument.Parse(HealthTwinJson.Serialize(analysis));
        JsonElement calibration = json.RootElement.GetProperty("coverage").GetProperty("calibration");
        calibration.GetArrayLength().Should().Be(1);
        calibration[0].GetProperty("metric").GetString().Should().Be("hrv");
        calibration[0].GetProperty("days").GetInt32().Should().Be(9);
        calibration[0].GetProperty("requiredDays").GetInt32().Should().Be(14);
        calibration[0].GetProperty("windowDays").GetInt32().Should().Be(28);
    }

    [Theory]
    [InlineData(14, 13)] // 13 previous days: still calibrating
    [InlineData(15, 0)] // 14 previous days: calibrated
    public async Task AnalyzeAsync_CalibrationBoundary(int days, int calibrating)
    {
        AgentAnalysis analysis = await AnalyzeAsync(TestData.History(days));

        if (calibrating == 0)
        {
            analysis.Coverage.Calibration.Should().BeEmpty();
        }
        else
        {
            analysis.Coverage.Calibration.Should().HaveCount(5).And.OnlyContain(c => c.Days == calibrating);
        }

        analysis.Coverage.IsComplete.Should().Be(calibrating == 0);
    }

    [Fact]
    public async Task AnalyzeAsync_ConfiguredCalibration_NamedInTheNotes()
    {
        var rules = new RuleOptions { Baselines = { CalibrationDays = 21, WindowDays = 42 } };

        AgentAnalysis analysis = await AnalyzeAsync(TestData.History(11), rules);

        analysis.Coverage.Notes.Should().Contain("HRV has no baseline yet (calibrating: 10 of 21 days with a value in the 42 days before today), so today could not be compared with your normal.");
    }

    [Fact]
    public async Task AnalyzeAsync_OriginalAppPreset_CalibratesFromThreeDaysTodayIncluded()
    {
        AgentAnalysis two = await AnalyzeAsync(TestData.History(2), RuleOptions.OriginalApp());
        AgentAnalysis three = await AnalyzeAsync(TestData.History(3), RuleOptions.OriginalApp());

        two.Coverage.Calibration.Should().HaveCount(5).And.OnlyContain(c => c.Days == 2 && c.RequiredDays == 3 && c.WindowDays == 14);
        two.Coverage.Notes.Should().Contain("HRV has no baseline yet (calibrating: 2 of 3 days with a value in the last 14 days present, today included), so today could not be compared with your normal.");
        three.Coverage.Calibration.Should().BeEmpty();
        three.Coverage.IsComplete.Should().BeTrue();
    }

    [Fact]
    public async Task AnalyzeAsync_HostBaselineWithoutAValue_SaidSoAndNotCalibrating()
    {
        Baseline host = TestData.Baseline() with { StressScore = null, HrvLnSd = 0.1, RestingHrSd = 2 };

        AgentAnalysis analysis = await AnalyzeAsync(TestData.History(3), baseline: host);

        analysis.Coverage.Calibration.Should().BeEmpty();
        analysis.Coverage.WithoutBaseline.Should().Equal(HealthMetric.StressScore);
        analysis.Coverage.Notes.Should().Contain("Stress score has no comparable baseline (not in the supplied baseline), so today could not be compared with your normal.");
    }

    [Fact]
    public async Task AnalyzeAsync_MetricNeverMeasured_NotListedAsCalibrating()
    {
        AgentAnalysis analysis = await AnalyzeAsync(TestData.History(20, (d, _) => d.Without(HealthMetric.StressScore)));

        analysis.Coverage.Calibration.Should().BeEmpty("stress was never measured: it is missing, not calibrating");
        analysis.Coverage.MissingToday.Should().Equal(HealthMetric.StressScore);
    }
}

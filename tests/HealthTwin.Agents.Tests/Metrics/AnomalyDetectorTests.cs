using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Tests.Metrics;

public class AnomalyDetectorTests
{
    /// <summary>These tests encode the original app's rules; the evidence-based ones are in EvidenceAnomalyTests.</summary>
    private static readonly RuleOptions Original = RuleOptions.OriginalApp();

    private static readonly Baseline Base = TestData.Baseline();

    [Theory]
    [InlineData(66, 0)]
    [InlineData(66.06, 1)]
    public void Detect_RestingHrThreshold(double restingHr, int count) =>
        AnomalyDetector.Detect(TestData.Day() with { RestingHr = restingHr }, Base, null, Original).Should().HaveCount(count);

    [Theory]
    [InlineData(51, 0)]
    [InlineData(50.94, 1)]
    public void Detect_HrvThreshold(double hrv, int count) =>
        AnomalyDetector.Detect(TestData.Day() with { Hrv = hrv }, Base, null, Original).Should().HaveCount(count);

    [Theory]
    [InlineData(81, 0)]
    [InlineData(80.9, 1)]
    public void Detect_SleepEfficiencyThreshold(double efficiency, int count) =>
        AnomalyDetector.Detect(TestData.Day() with { SleepEfficiency = efficiency }, Base, null, Original).Should().HaveCount(count);

    [Fact]
    public void Detect_SickDay_ReportsRestingHrThenHrvWithCauseAndSuggestion()
    {
        IReadOnlyList<Anomaly> anomalies = AnomalyDetector.Detect(TestData.Day() with { RestingHr = 72, Hrv = 42 }, Base, null, Original);

        anomalies.Select(a => a.Metric).Should().Equal("restingHr", "hrv");
        anomalies[0].DeviationPercent.Should().Be(20);
        anomalies[0].Deviation.Should().Be("+20 % above baseline");
        anomalies[1].Deviation.Should().Be("30 % below baseline");
        anomalies.Should().OnlyContain(a => a.LikelyCause.Length > 0 && a.Suggestion.Length > 0);
    }

    [Fact]
    public void Detect_HrvMeasuredWithAnotherMethod_IsNotCompared()
    {
        AnomalyDetector.Detect(TestData.Day() with { Hrv = 20, HrvMethod = HrvMethod.Sdnn }, Base, null, Original).Should().BeEmpty();
    }

    [Fact]
    public void Detect_CustomThresholds_AreUsed()
    {
        var strict = new AlertThresholds { RestingHrIncreasePercent = 3, HrvDropPercent = 3 };

        AnomalyDetector.Detect(TestData.Day() with { RestingHr = 62, Hrv = 58 }, Base, strict, Original).Should().HaveCount(2);
    }
}

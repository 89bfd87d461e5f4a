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

    [Fact]
    public void Detect_NullArguments_ThrowNamingTheArgument()
    {
        FluentActions.Invoking(() => AnomalyDetector.Detect(null!, Base)).Should().Throw<ArgumentNullException>().WithParameterName("today");
        FluentActions.Invoking(() => AnomalyDetector.Detect(TestData.Day(), null!)).Should().Throw<ArgumentNullException>().WithParameterName("baseline");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Detect_AllThreeAtOnce_EachReportedInOrder(bool original)
    {
        // Resting HR +10 bpm (5 SD, +16.7 %), HRV 40 ms (ln 40/60 = −0.405: 4.05 SD, −33 %), efficiency 70 % (−22 %).
        Baseline baseline = Base with { HrvLnSd = 0.1, RestingHrSd = 2 };

        IReadOnlyList<Anomaly> anomalies = AnomalyDetector.Detect(
            TestData.Day() with { RestingHr = 70, Hrv = 40, SleepEfficiency = 70 }, baseline, null, original ? Original : new RuleOptions());

        anomalies.Select(a => a.Metric).Should().Equal("restingHr", "hrv", "sleepEfficiency");
    }

    [Theory]
    [InlineData(70, "22 % below baseline")]
    [InlineData(80.5, "11 % below baseline")]
    public void Detect_SleepEfficiencyDrop_ExactTexts(double efficiency, string deviation)
    {
        Anomaly anomaly = AnomalyDetector.Detect(TestData.Day() with { SleepEfficiency = efficiency }, Base).Should().ContainSingle().Subject;

        anomaly.Metric.Should().Be("sleepEfficiency");
        anomaly.Value.Should().Be(efficiency);
        anomaly.Baseline.Should().Be(90);
        anomaly.Deviation.Should().Be(deviation);
        anomaly.LikelyCause.Should().Be("Late caffeine or alcohol, a warm or noisy bedroom, stress or an irregular bedtime");
        anomaly.Suggestion.Should().Be("Keep a regular bedtime, a cool dark bedroom and no caffeine after 14:00");
        anomaly.StandardDeviations.Should().BeNull();
    }
}

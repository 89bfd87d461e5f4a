using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>The metric names of the coverage notes, as users read them (survivors of the 2026-11-30 mutation run).</summary>
public sealed class MetricTextTests
{
    [Theory]
    [InlineData(HealthMetric.SleepHours, "sleep duration")]
    [InlineData(HealthMetric.TimeInBed, "time in bed")]
    [InlineData(HealthMetric.SleepEfficiency, "sleep efficiency")]
    [InlineData(HealthMetric.Hrv, "HRV")]
    [InlineData(HealthMetric.RestingHr, "resting heart rate")]
    [InlineData(HealthMetric.Steps, "steps")]
    [InlineData(HealthMetric.WorkoutMinutes, "workout minutes")]
    [InlineData(HealthMetric.TrainingLoad, "training load")]
    [InlineData(HealthMetric.StressScore, "stress score")]
    [InlineData(HealthMetric.MoodScore, "mood")]
    [InlineData(HealthMetric.EnergyScore, "energy")]
    [InlineData((HealthMetric)99, "99")]
    public void Name_EachMetric_InWords(HealthMetric metric, string expected) => MetricText.Name(metric).Should().Be(expected);

    [Fact]
    public void Name_EveryDefinedMetric_HasItsOwnWords() =>
        Enum.GetValues<HealthMetric>().Select(MetricText.Name).Should().OnlyHaveUniqueItems().And.NotContain(n => n.Length == 0 || char.IsDigit(n[0]));

    [Theory]
    [InlineData(new HealthMetric[0], "")]
    [InlineData(new[] { HealthMetric.Steps }, "steps")]
    [InlineData(new[] { HealthMetric.Steps, HealthMetric.WorkoutMinutes }, "steps and workout minutes")]
    [InlineData(new[] { HealthMetric.TimeInBed, HealthMetric.Steps, HealthMetric.WorkoutMinutes }, "time in bed, steps and workout minutes")]
    public void Join_Metrics_CommasThenAnd(HealthMetric[] metrics, string expected)
    {
        MetricText.Join(metrics).Should().Be(expected);
        MetricText.NotRecorded(metrics).Should().Be(expected + " not recorded");
    }
}

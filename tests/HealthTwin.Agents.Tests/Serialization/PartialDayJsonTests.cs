using System.Text;
using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Serialization;
using HealthTwin.Agents.Tests.Orchestration;

namespace HealthTwin.Agents.Tests.Serialization;

/// <summary>Partial days round-trip through <see cref="HealthTwinJson"/>: missing fields are omitted when written and read back as not measured.</summary>
public sealed class PartialDayJsonTests
{
    private static readonly DailyMetrics RingDay = new()
    {
        Date = new DateOnly(2025, 3, 14),
        SleepHours = 7.25,
        SleepEfficiency = 91.5,
        Hrv = 58.5,
        RestingHr = 52,
    };

    private static readonly DailyMetrics PhoneDay = new()
    {
        Date = new DateOnly(2025, 3, 13),
        Steps = 10432,
        WorkoutMinutes = 35,
    };

    [Fact]
    public void Serialize_RingOnlyDay_WritesOnlyTheMeasuredFields()
    {
        string json = JsonSerializer.Serialize(RingDay, HealthTwinJsonContext.Default.DailyMetrics);

        // hrvMethod is the default (rmssd), so it is not written: the app's shape has no such field.
        Fields(json).Should().BeEquivalentTo("date", "sleepHours", "sleepEfficiency", "hrv", "restingHr");
        json.Should().Contain("\"date\":\"2025-03-14\"").And.Contain("\"sleepHours\":7.25").And.Contain("\"hrv\":58.5").And.NotContain("null");
    }

    [Fact]
    public void Serialize_PhoneOnlyDay_WritesOnlyTheMeasuredFields()
    {
        string json = JsonSerializer.Serialize(PhoneDay, HealthTwinJsonContext.Default.DailyMetrics);

        // No HRV, so no method either.
        Fields(json).Should().BeEquivalentTo("date", "steps", "workoutMinutes");
        json.Should().Contain("\"steps\":10432").And.Contain("\"workoutMinutes\":35").And.NotContain("null");
    }

    [Fact]
    public void RoundTrip_PartialDays_EqualWithMissingFieldsNull()
    {
        foreach (DailyMetrics day in new[] { RingDay, PhoneDay })
        {
            DailyMetrics back = JsonSerializer.Deserialize(JsonSerializer.Serialize(day, HealthTwinJsonContext.Default.DailyMetrics), HealthTwinJsonContext.Default.DailyMetrics)!;

            back.Should().Be(day);
        }

        DailyMetrics ring = JsonSerializer.Deserialize(JsonSerializer.Serialize(RingDay, HealthTwinJsonContext.Default.DailyMetrics), HealthTwinJsonContext.Default.DailyMetrics)!;
        (ring.Steps, ring.WorkoutMinutes, ring.TrainingLoad, ring.StressScore, ring.MoodScore, ring.EnergyScore, ring.TimeInBedHours)
            .Should().Be((null, null, null, null, null, null, null));
    }

    [Fact]
    public async Task ReadMetricsAsync_WrittenPartialHistory_ReadsBackEqual()
    {
        string json = JsonSerializer.Serialize(new List<DailyMetrics> { PhoneDay, RingDay }, HealthTwinJsonContext.Default.ListDailyMetrics);

        IReadOnlyList<DailyMetrics> days = await HealthTwinJson.ReadMetricsAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        days.Should().Equal(PhoneDay, RingDay);
        days[0].Hrv.Should().BeNull();
        days[0].SleepHours.Should().BeNull();
        days[1].Steps.Should().BeNull();
        days[1].WorkoutMinutes.Should().BeNull();
    }

    [Fact]
    public async Task ReadMetricsAsync_ExplicitNullsAndAbsentFields_BothNotMeasured()
    {
        const string json = "[{\"date\":\"2025-03-13\",\"steps\":10432,\"workoutMinutes\":35,\"sleepHours\":null,\"hrv\":null,\"moodScore\":null},"
            + "{\"date\":\"2025-03-14\",\"sleepHours\":7.25,\"sleepEfficiency\":91.5,\"hrv\":58.5,\"restingHr\":52}]";

        IReadOnlyList<DailyMetrics> days = await HealthTwinJson.ReadMetricsAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        days.Should().Equal(PhoneDay, RingDay);
    }

    [Fact]
    public void Serialize_TimeInBed_WrittenAndRead()
    {
        DailyMetrics day = new() { Date = new DateOnly(2025, 3, 14), SleepHours = 6, TimeInBedHours = 8 };

        string json = JsonSerializer.Serialize(day, HealthTwinJsonContext.Default.DailyMetrics);

        json.Should().Contain("\"timeInBedHours\":8").And.NotContain("sleepEfficiency", "the derived efficiency is not serialized");
        JsonSerializer.Deserialize(json, HealthTwinJsonContext.Default.DailyMetrics)!.EffectiveSleepEfficiency.Should().Be(75);
    }

    [Theory]
    [InlineData("ring")]
    [InlineData("phone")]
    public async Task AnalyzeAsync_SinglePartialDayReadFromJson_AnalysedWithCoverageInTheJson(string kind)
    {
        DailyMetrics day = kind == "ring" ? RingDay : PhoneDay with { Date = RingDay.Date };
        string input = JsonSerializer.Serialize(new List<DailyMetrics> { day }, HealthTwinJsonContext.Default.ListDailyMetrics);
        IReadOnlyList<DailyMetrics> history = await HealthTwinJson.ReadMetricsAsync(new MemoryStream(Encoding.UTF8.GetBytes(input)));
        await using var analysis = new PartialDayAnalysis();

        AgentAnalysis result = await analysis.AnalyzeAsync(history);
        string json = HealthTwinJson.Serialize(result);

        result.Agents.Should().OnlyContain(a => a.Status == AgentRunStatus.Succeeded);
        result.Coverage.IsComplete.Should().BeFalse();
        result.Coverage.RecordedToday.Should().Equal(kind == "ring"
            ? [HealthMetric.SleepHours, HealthMetric.SleepEfficiency, HealthMetric.Hrv, HealthMetric.RestingHr]
            : [HealthMetric.Steps, HealthMetric.WorkoutMinutes]);
        result.Coverage.Notes.Should().NotBeEmpty();
        using JsonDocument document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("coverage").GetProperty("notes").GetArrayLength().Should().Be(result.Coverage.Notes.Count);
        json.Should().NotContainAny("NaN", "Infinity");
    }

    private static List<string> Fields(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
    }
}

using HealthTwin.Import.OpenMHealth;
using HealthTwin.Import.Tests.Support;

namespace HealthTwin.Import.Tests.OpenMHealth;

public sealed class OpenMHealthImporterTests
{
    private readonly OpenMHealthImporter importer = new();

    [Fact]
    public async Task ReadAsync_StepCount_StepsOnTheIntervalStartDate()
    {
        // step_count 10600 steps, 2016-02-05T06:25:00Z – 07:25:00Z.
        ImportedDay day = (await Read.SampleAsync(importer, Sample.OmhSteps)).Days.Should().ContainSingle().Subject;

        day.Date.Should().Be(new DateOnly(2016, 2, 5));
        day.Steps.Should().Be(10600);
        day.Source.Should().Be(WearableSource.OpenMHealth);
    }

    [Fact]
    public async Task ReadAsync_SleepEpisode_AsleepInBedEfficiencyOnTheWakeUpDate()
    {
        // Starts 2016-02-05T21:35:00Z, lasts 9 h (in bed), ends 2016-02-06T06:35Z; total_sleep_time 8.5 h; efficiency 94.4 %.
        ImportedDay night = (await Read.SampleAsync(importer, Sample.OmhSleep)).Days.Should().ContainSingle().Subject;

        night.Date.Should().Be(new DateOnly(2016, 2, 6));
        night.SleepHours.Should().Be(8.5);
        night.TimeInBedHours.Should().Be(9);
        night.SleepEfficiency.Should().Be(94.4);
    }

    [Fact]
    public async Task ReadAsync_HeartRateOnWaking_IsRestingHeartRate()
    {
        // 67.5 beats/min at 2020-02-05T07:25:00-08:00, temporal_relationship_to_sleep "on waking".
        ImportedDay day = (await Read.SampleAsync(importer, Sample.OmhHeartRate)).Days.Should().ContainSingle().Subject;

        day.Date.Should().Be(new DateOnly(2020, 2, 5));
        day.RestingHr.Should().Be(67.5);
    }

    [Fact]
    public async Task ReadAsync_PhysicalActivity_MinutesOfTheInterval()
    {
        // walking 2015-02-06T06:25:00Z – 07:25:00Z = 60 min.
        ImportedDay day = (await Read.SampleAsync(importer, Sample.OmhActivity)).Days.Should().ContainSingle().Subject;

        day.Date.Should().Be(new DateOnly(2015, 2, 6));
        day.WorkoutMinutes.Should().Be(60);
    }

    [Fact]
    public async Task ReadAsync_HeartRateNotAtRest_SkippedAsNotResting()
    {
        WearableReadContext read = await Read.TextAsync(importer, "hr.json", """{"heart_rate":{"value":120,"unit":"beats/min"},"effective_time_frame":{"date_time":"2020-02-05T07:25:00Z"}}""");

        read.Days.Should().BeEmpty();
        read.Skipped.Should().ContainSingle().Which.Reason.Should().Contain("not a resting heart rate");
    }

    [Fact]
    public async Task ReadAsync_WrongUnits_Skipped()
    {
        string json = """
            [
              {"step_count":{"value":10,"unit":"km"},"effective_time_frame":{"date_time":"2020-02-05T07:25:00Z"}},
              {"total_sleep_time":{"value":8,"unit":"furlongs"},"effective_time_frame":{"time_interval":{"start_date_time":"2016-02-05T21:35:00Z","duration":{"value":9,"unit":"h"}}}}
            ]
            """;

        WearableReadContext read = await Read.TextAsync(importer, "points.json", json);

        read.Skipped.Select(s => s.Field).Should().Equal("step_count.unit", "total_sleep_time.unit");
        read.Skipped[0].Location.Should().Be("$[0]");
        read.Skipped[0].Reason.Should().Be("unit 'km' is not 'steps'.");
    }

    [Fact]
    public async Task ReadAsync_SameDataPointTwice_CountedOnce()
    {
        string point = """{"header":{"id":"a1","schema_id":{"namespace":"omh","name":"step-count","version":"3.0"}},"body":{"step_count":{"value":500,"unit":"steps"},"effective_time_frame":{"time_interval":{"start_date_time":"2016-02-05T06:25:00Z","end_date_time":"2016-02-05T07:25:00Z"}}}}""";
        string other = point.Replace("\"a1\"", "\"a2\"", StringComparison.Ordinal);

        WearableReadContext read = await Read.TextAsync(importer, "points.json", $"[{point},{point},{other}]");

        read.Day("2016-02-05").Steps.Should().Be(1000);
    }

    [Fact]
    public async Task ReadAsync_NapEpisode_NotedNotCounted()
    {
        WearableReadContext read = await Read.TextAsync(importer, "nap.json", """{"total_sleep_time":{"value":40,"unit":"min"},"is_main_sleep":false,"effective_time_frame":{"time_interval":{"start_date_time":"2016-02-05T14:00:00Z","duration":{"value":45,"unit":"min"}}}}""");

        read.Days.Should().BeEmpty();
        read.Notes.Should().ContainSingle();
    }
}

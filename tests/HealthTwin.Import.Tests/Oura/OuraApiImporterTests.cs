using HealthTwin.Agents.Model;
using HealthTwin.Import.Oura;
using HealthTwin.Import.Tests.Support;

namespace HealthTwin.Import.Tests.Oura;

/// <summary>
/// No licensed real Oura API v2 response exists as a file (see SOURCES.md), so these documents follow the field names
/// and units of Oura's published API v2 reference (sleep, daily_activity, daily_sleep, daily_readiness).
/// </summary>
public sealed class OuraApiImporterTests
{
    private const string Sleep = """
        {"data":[
          {"id":"a","day":"2021-11-01","type":"long_sleep","bedtime_start":"2021-10-31T23:30:00+01:00","bedtime_end":"2021-11-01T07:30:00+01:00",
           "total_sleep_duration":25200,"time_in_bed":28800,"efficiency":88,"average_hrv":41,"lowest_heart_rate":52,"awake_time":3600},
          {"id":"b","day":"2021-11-01","type":"late_nap","total_sleep_duration":1800,"time_in_bed":2000,"efficiency":90,"average_hrv":60,"lowest_heart_rate":58},
          {"id":"c","day":"2021-11-02","type":"long_sleep","total_sleep_duration":27000,"time_in_bed":30000,"efficiency":90,"average_hrv":"oops","lowest_heart_rate":50}
        ],"next_token":null}
        """;

    private readonly OuraApiImporter importer = new();

    [Fact]
    public async Task ReadAsync_SleepDocuments_LongSleepOnlyWithHrvAndLowestHeartRate()
    {
        WearableReadContext read = await Read.TextAsync(importer, "sleep.json", Sleep);

        ImportedDay nov1 = read.Day("2021-11-01");
        nov1.SleepHours.Should().Be(7);
        nov1.TimeInBedHours.Should().Be(8);
        nov1.SleepEfficiency.Should().Be(88);
        nov1.Hrv.Should().Be(41);
        nov1.HrvMethod.Should().Be(HrvMethod.Rmssd);
        nov1.RestingHr.Should().Be(52);
        read.Day("2021-11-02").Hrv.Should().BeNull();
        read.Skipped.Should().ContainSingle().Which.Should().Be(new SkippedRecord("sleep.json", "$.data[2]", "average_hrv", "'oops' is not a number (expected ms, more than 0 up to 1000)"));
    }

    [Fact]
    public async Task ReadAsync_DailyActivity_StepsAndMediumPlusHighMinutes()
    {
        string json = """{"data":[{"id":"x","day":"2021-11-26","steps":9876,"high_activity_time":600,"medium_activity_time":1800,"low_activity_time":9000,"score":80}]}""";

        ImportedDay day = (await Read.TextAsync(importer, "daily_activity.json", json)).Day("2021-11-26");

        day.Steps.Should().Be(9876);
        day.WorkoutMinutes.Should().Be(40);
    }

    [Fact]
    public async Task ReadAsync_ScoresOnlyDocuments_NotedNotImported()
    {
        string json = """{"data":[{"id":"r","day":"2021-11-26","score":82,"temperature_deviation":0.1,"contributors":{"hrv_balance":80}}]}""";

        WearableReadContext read = await Read.TextAsync(importer, "daily_readiness.json", json);

        read.Days.Should().BeEmpty();
        read.Notes.Should().ContainSingle().Which.Should().Contain("scores");
        Read.Sees(importer, "daily_readiness.json", json).Should().BeTrue();
    }
}

using HealthTwin.Agents.Model;
using HealthTwin.Import.Tests.Support;
using HealthTwin.Import.Whoop;

namespace HealthTwin.Import.Tests.Whoop;

/// <summary>
/// No licensed real WHOOP API v2 response exists as a file (see SOURCES.md), so these documents follow the field
/// names and units of WHOOP's published v2 reference (cycle, recovery, sleep, workout).
/// </summary>
public sealed class WhoopApiImporterTests
{
    private readonly WhoopApiImporter importer = new();

    [Fact]
    public async Task ReadAsync_Cycles_StrainToLoadOnWakeDateOpenCycleLeftOut()
    {
        string json = """
            {"records":[
              {"id":2,"start":"2024-11-21T08:10:47.000Z","end":null,"timezone_offset":"-05:00","score_state":"SCORED","score":{"strain":3.1}},
              {"id":1,"start":"2024-11-20T05:40:13.000Z","end":"2024-11-21T08:10:47.000Z","timezone_offset":"-05:00","score_state":"SCORED","score":{"strain":6.7,"kilojoule":8900}},
              {"id":0,"start":"2024-11-19T06:23:10.000Z","end":"2024-11-20T05:40:13.000Z","timezone_offset":"-05:00","score_state":"PENDING_SCORE"}
            ],"next_token":null}
            """;

        WearableReadContext read = await Read.TextAsync(importer, "cycles.json", json);

        read.Days.Should().ContainSingle().Which.Should().Match<ImportedDay>(d => d.Date == new DateOnly(2024, 11, 20) && d.TrainingLoad == 31.9);
        read.Notes.Should().ContainSingle().Which.Should().Contain("open");
        read.Skipped.Should().ContainSingle().Which.Field.Should().Be("score_state");
    }

    [Fact]
    public async Task ReadAsync_RecoveryAndSleep_HrvRestingHrAndSleepStages()
    {
        string recovery = """{"records":[{"cycle_id":1,"sleep_id":"s1","created_at":"2024-11-20T14:25:00.000Z","score_state":"SCORED","score":{"recovery_score":72,"resting_heart_rate":55,"hrv_rmssd_milli":65.27,"spo2_percentage":96}}]}""";
        string sleep = """{"records":[{"id":"s1","start":"2024-11-20T05:40:13.000Z","end":"2024-11-20T14:08:45.000Z","timezone_offset":"-05:00","nap":false,"score_state":"SCORED","score":{"stage_summary":{"total_in_bed_time_milli":30480000,"total_awake_time_milli":3360000,"total_light_sleep_time_milli":13200000,"total_slow_wave_sleep_time_milli":5640000,"total_rem_sleep_time_milli":8280000},"sleep_efficiency_percentage":88.976}}]}""";

        ImportedDay rec = (await Read.TextAsync(importer, "recovery.json", recovery, "America/New_York")).Day("2024-11-20");
        ImportedDay night = (await Read.TextAsync(importer, "sleep.json", sleep, "America/New_York")).Day("2024-11-20");

        rec.Hrv.Should().Be(65.3);
        rec.HrvMethod.Should().Be(HrvMethod.Rmssd);
        rec.RestingHr.Should().Be(55);
        night.SleepHours.Should().Be(7.533);
        night.TimeInBedHours.Should().Be(8.467);
        night.SleepEfficiency.Should().Be(89);
    }

    [Fact]
    public async Task ReadAsync_Workouts_MinutesOnLocalStartDate()
    {
        // 2026-07-20T02:30Z is 19:30 on 2026-07-19 at -07:00.
        string json = """{"records":[{"id":"w","start":"2026-07-20T02:30:00.000Z","end":"2026-07-20T03:15:00.000Z","timezone_offset":"-07:00","sport_name":"running","score_state":"SCORED","score":{"strain":8.2}}]}""";

        (await Read.TextAsync(importer, "workouts.json", json)).Day("2026-07-19").WorkoutMinutes.Should().Be(45);
    }
}

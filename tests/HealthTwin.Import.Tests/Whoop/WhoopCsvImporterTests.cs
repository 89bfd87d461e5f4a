using HealthTwin.Agents.Model;
using HealthTwin.Import.Tests.Support;
using HealthTwin.Import.Whoop;

namespace HealthTwin.Import.Tests.Whoop;

public sealed class WhoopCsvImporterTests
{
    private readonly WhoopCsvImporter importer = new();

    [Fact]
    public async Task ReadAsync_Cycles_DaysMatchTheRowsByHand()
    {
        WearableReadContext read = await Read.SampleAsync(importer, Sample.WhoopCycles);

        // Line 3: cycle 2024-11-20 00:40:13 UTC-05:00, wake 09:08:45 → 2024-11-20. RHR 55, HRV 65, strain 6.7 →
        // load 6.7/21×100 = 31.9; asleep 452 min, in bed 508 min, efficiency 89 %.
        ImportedDay nov20 = read.Day("2024-11-20");
        nov20.Source.Should().Be(WearableSource.Whoop);
        nov20.RestingHr.Should().Be(55);
        nov20.Hrv.Should().Be(65);
        nov20.HrvMethod.Should().Be(HrvMethod.Rmssd);
        nov20.TrainingLoad.Should().Be(31.9);
        nov20.SleepHours.Should().Be(7.533);
        nov20.TimeInBedHours.Should().Be(8.467);
        nov20.SleepEfficiency.Should().Be(89);

        // Line 12: a cycle starting 2024-11-10 23:10:52 whose sleep ends 2024-11-11 02:35:09 belongs to 2024-11-11.
        ImportedDay nov11 = read.Day("2024-11-11");
        nov11.SleepHours.Should().Be(2.867);
        nov11.TrainingLoad.Should().Be(25.2);

        // Line 21, strain 15.5 → 73.8 on 2024-11-02.
        read.Day("2024-11-02").TrainingLoad.Should().Be(73.8);
    }

    [Fact]
    public async Task ReadAsync_OpenCurrentCycle_KeepsSleepAndRecoveryButNotStrain()
    {
        // Line 2: the current cycle (no end time, no strain) for 2024-11-21: asleep 329 min, HRV 63, RHR 56.
        WearableReadContext read = await Read.SampleAsync(importer, Sample.WhoopCycles);

        ImportedDay nov21 = read.Day("2024-11-21");
        nov21.TrainingLoad.Should().BeNull();
        nov21.SleepHours.Should().Be(5.483);
        nov21.Hrv.Should().Be(63);
    }

    [Fact]
    public async Task ReadAsync_UnwornCycles_OnlyStrain()
    {
        // Line 47 (2024-10-07, strain 11.3) and line 52 (2024-10-02, strain 3.7) have no physiology: not worn overnight.
        WearableReadContext read = await Read.SampleAsync(importer, Sample.WhoopCycles);

        ImportedDay oct7 = read.Day("2024-10-07");
        oct7.TrainingLoad.Should().Be(53.8);
        oct7.Hrv.Should().BeNull();
        oct7.RestingHr.Should().BeNull();
        oct7.SleepHours.Should().BeNull();
        read.Day("2024-10-02").TrainingLoad.Should().Be(17.6);
        read.Days.Should().HaveCount(51);
        read.Skipped.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_OffsetChangesAtDst_EachRowDatedWithItsOwnOffset()
    {
        // Line 21 starts 2024-11-02 01:32:02 UTC-04:00 and ends 2024-11-03 04:58:11 UTC-04:00 (08:58:11Z); line 20
        // starts at the same instant written as 03:58:11 UTC-05:00 after the clocks went back. Its wake-up at
        // 11:40:35 UTC-05:00 is 2024-11-03 in New York as well as in its own offset.
        WearableReadContext own = await Read.SampleAsync(importer, Sample.WhoopCycles);
        WearableReadContext newYork = await Read.SampleAsync(importer, Sample.WhoopCycles, "America/New_York");

        own.Day("2024-11-03").Hrv.Should().Be(33);
        newYork.Day("2024-11-03").Hrv.Should().Be(33);
        newYork.Day("2024-11-02").Hrv.Should().Be(79);
        newYork.Days.Select(d => d.Date).Should().Equal(own.Days.Select(d => d.Date));
    }

    [Fact]
    public async Task ReadAsync_UserInTokyo_NightsMoveToTheirTokyoWakeUpDate()
    {
        // Line 20's wake-up, 2024-11-03 11:40:35 UTC-05:00, is 2024-11-04 01:40 in Tokyo: the night of HRV 33 is 2024-11-04 there.
        WearableReadContext tokyo = await Read.SampleAsync(importer, Sample.WhoopCycles, "Asia/Tokyo");

        tokyo.Day("2024-11-04").Hrv.Should().Be(33);
    }

    [Fact]
    public async Task ReadAsync_Workouts_MinutesSummedPerLocalStartDate()
    {
        // 2026-07-16 has three 10-minute walks (lines 3–5); 2026-07-13 has six workouts in the cycle that began
        // 2026-07-12 23:20 (lines 6–11: 17 + 10 + 27 + 25 + 18 + 10 = 107 min); 2026-07-19 one of 20 min (line 2).
        WearableReadContext read = await Read.SampleAsync(importer, Sample.WhoopWorkouts);

        read.Day("2026-07-16").WorkoutMinutes.Should().Be(30);
        read.Day("2026-07-13").WorkoutMinutes.Should().Be(107);
        read.Day("2026-07-19").WorkoutMinutes.Should().Be(20);
        read.Days.Should().OnlyContain(d => d.TrainingLoad == null && d.SleepHours == null);
    }

    [Fact]
    public async Task ReadAsync_JournalEntries_NotedNotImported()
    {
        WearableReadContext read = await Read.SampleAsync(importer, Sample.WhoopJournal);

        read.Days.Should().BeEmpty();
        read.Notes.Should().ContainSingle().Which.Should().Contain("not mood or energy");
    }

    [Fact]
    public async Task ReadAsync_Sleeps_MainSleepsByWakeDateNapsLeftOut()
    {
        string csv = "Cycle start time,Cycle end time,Cycle timezone,Sleep onset,Wake onset,Sleep performance %,Respiratory rate (rpm),Asleep duration (min),In bed duration (min),Light sleep duration (min),Deep (SWS) duration (min),REM duration (min),Awake duration (min),Sleep need (min),Sleep debt (min),Sleep efficiency %,Sleep consistency %,Nap\n"
            + "2024-11-20 00:40:13,,UTC-05:00,2024-11-20 00:40:13,2024-11-20 09:08:45,74,17.5,452,508,220,94,138,56,608,127,89,59,false\n"
            + "2024-11-20 00:40:13,,UTC-05:00,2024-11-20 15:00:00,2024-11-20 15:40:00,,,35,40,,,,,,,88,,true\n";

        ImportedDay day = (await Read.TextAsync(importer, "sleeps.csv", csv)).Days.Should().ContainSingle().Subject;

        day.Date.Should().Be(new DateOnly(2024, 11, 20));
        day.SleepHours.Should().Be(7.533);
        day.SleepEfficiency.Should().Be(89);
    }

    [Theory]
    [InlineData("UTC+25:00", "Cycle timezone")]
    [InlineData("CET", "Cycle timezone")]
    public async Task ReadAsync_BadOffset_RowSkipped(string zone, string field)
    {
        string csv = "Cycle start time,Cycle end time,Cycle timezone,Day Strain\n2024-11-20 00:40:13,2024-11-21 00:40:13," + zone + ",6.7\n";

        WearableReadContext read = await Read.TextAsync(importer, "physiological_cycles.csv", csv);

        read.Days.Should().BeEmpty();
        read.Skipped.Should().ContainSingle().Which.Should().Match<SkippedRecord>(s => s.Field == field && s.Location == "line 2");
    }

    [Fact]
    public async Task ReadAsync_StrainAboveTheScale_ValueSkipped()
    {
        string csv = "Cycle start time,Cycle end time,Cycle timezone,Day Strain\n2024-11-20 00:40:13,2024-11-21 00:40:13,UTC-05:00,22.5\n";

        WearableReadContext read = await Read.TextAsync(importer, "physiological_cycles.csv", csv);

        read.Skipped.Should().ContainSingle().Which.Reason.Should().Be("22.5 is outside 0–21 strain");
    }

    [Fact]
    public async Task ReadAsync_UnknownWhoopHeader_ImportError()
    {
        Func<Task> act = () => Read.TextAsync(importer, "x.csv", "Cycle start time,Cycle timezone,Something\n");

        (await act.Should().ThrowAsync<WearableImportException>()).Which.Location.Should().Be("line 1");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10.5, 50)]
    [InlineData(21, 100)]
    [InlineData(14, 66.7)]
    public void ToTrainingLoad_DocumentedLinearMapping(double strain, double load) => WhoopStrain.ToTrainingLoad(strain).Should().Be(load);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(21.01)]
    [InlineData(double.NaN)]
    public void ToTrainingLoad_OutsideTheScale_Throws(double strain) =>
        FluentActions.Invoking(() => WhoopStrain.ToTrainingLoad(strain)).Should().Throw<ArgumentOutOfRangeException>();
}

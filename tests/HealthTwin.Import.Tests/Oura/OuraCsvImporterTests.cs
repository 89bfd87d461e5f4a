using HealthTwin.Agents.Model;
using HealthTwin.Import.Oura;
using HealthTwin.Import.Tests.Support;

namespace HealthTwin.Import.Tests.Oura;

public sealed class OuraCsvImporterTests
{
    private readonly OuraCsvImporter importer = new();

    [Fact]
    public async Task ReadAsync_TrendsExport_DaysMatchTheRowsByHand()
    {
        WearableReadContext read = await Read.SampleAsync(importer, Sample.OuraTrends);

        // Line 2, 2026-05-27: Total Sleep Duration 31380 s, Total Bedtime (header "Total Bedtime ") 35673 s,
        // Sleep Efficiency 88, Average HRV 30, Lowest Resting Heart Rate 67, Steps 2242, High 0 s + Medium 600 s.
        ImportedDay may27 = read.Day("2026-05-27");
        may27.Source.Should().Be(WearableSource.Oura);
        may27.SleepHours.Should().Be(8.717);
        may27.TimeInBedHours.Should().Be(9.909);
        may27.SleepEfficiency.Should().Be(88);
        may27.Hrv.Should().Be(30);
        may27.HrvMethod.Should().Be(HrvMethod.Rmssd);
        may27.RestingHr.Should().Be(67);
        may27.Steps.Should().Be(2242);
        may27.WorkoutMinutes.Should().Be(10);

        // Line 46, 2026-07-12: 29880 s, 33667 s, 89 %, HRV 19, lowest RHR 67, 36 steps, 1920 s + 180 s = 35 min.
        ImportedDay jul12 = read.Day("2026-07-12");
        jul12.SleepHours.Should().Be(8.3);
        jul12.TimeInBedHours.Should().Be(9.352);
        jul12.Hrv.Should().Be(19);
        jul12.Steps.Should().Be(36);
        jul12.WorkoutMinutes.Should().Be(35);

        // Line 55, 2026-07-22 (the last in-order row): 18060 s asleep, HRV 22, lowest RHR 65.
        read.Day("2026-07-22").SleepHours.Should().Be(5.017);
        read.Day("2026-07-22").RestingHr.Should().Be(65);
    }

    [Fact]
    public async Task ReadAsync_DaysAppendedOutOfOrderWithEmptyCells_ImportActivityOnlyAndLeaveSleepUnmeasured()
    {
        // Lines 56–59 are four days without sleep appended after 2026-07-22 (out of date order), their sleep cells empty.
        // Line 56, 2026-05-26: Steps 1652, High 0 + Medium 300 s.
        WearableReadContext read = await Read.SampleAsync(importer, Sample.OuraTrends);

        ImportedDay may26 = read.Day("2026-05-26");
        may26.Steps.Should().Be(1652);
        may26.WorkoutMinutes.Should().Be(5);
        may26.SleepHours.Should().BeNull();
        may26.SleepEfficiency.Should().BeNull();
        may26.Hrv.Should().BeNull();
        may26.RestingHr.Should().BeNull();
        read.Day("2026-06-07").Steps.Should().Be(7);
        read.Days.Should().HaveCount(58).And.BeInAscendingOrder(d => d.Date);
        read.Skipped.Should().BeEmpty("the literal None values are in columns read as not measured");
    }

    [Fact]
    public async Task ReadAsync_LiteralNoneInAMappedColumn_MeansNotMeasured()
    {
        string csv = "date,Total Sleep Duration,Total Bedtime ,Sleep Efficiency,Average HRV,Lowest Resting Heart Rate,Steps\r\n"
            + "2026-05-27,None,None,None,None,None,1200\r\n";

        ImportedDay day = (await Read.TextAsync(importer, "oura.csv", csv)).Day("2026-05-27");

        day.Steps.Should().Be(1200);
        day.Hrv.Should().BeNull();
        day.SleepHours.Should().BeNull();
    }

    [Fact]
    public async Task ReadAsync_BadNumberAndOutOfRange_ValueSkippedWithLineAndFieldRestOfRowKept()
    {
        string csv = "date,Total Sleep Duration,Average HRV,Lowest Resting Heart Rate,Steps\r\n"
            + "2026-05-27,abc,30,12,1200\r\n"
            + "2026/05/28,30000,30,60,1200\r\n";

        WearableReadContext read = await Read.TextAsync(importer, "oura.csv", csv);

        read.Skipped.Should().HaveCount(3);
        read.Skipped[0].Should().Be(new SkippedRecord("oura.csv", "line 2", "Total Sleep Duration", "'abc' is not a number (expected s, 0–86400)"));
        read.Skipped[1].Field.Should().Be("Lowest Resting Heart Rate");
        read.Skipped[1].Reason.Should().Be("12 is outside 20–250 bpm");
        read.Skipped[2].Location.Should().Be("line 3");
        read.Skipped[2].Field.Should().Be("date");
        ImportedDay day = read.Days.Should().ContainSingle().Subject;
        day.Hrv.Should().Be(30);
        day.SleepHours.Should().BeNull();
        day.RestingHr.Should().BeNull();
    }

    [Fact]
    public async Task ReadAsync_HeaderWithoutDate_ImportErrorNamesTheColumn()
    {
        Func<Task> act = () => Read.TextAsync(importer, "oura.csv", "day,Total Sleep Duration,Readiness Score\r\n2026-05-27,1,2\r\n");

        WearableImportException error = (await act.Should().ThrowAsync<WearableImportException>()).Which;
        error.File.Should().Be("oura.csv");
        error.Location.Should().Be("line 1");
        error.Field.Should().Be("date");
    }

    [Fact]
    public void CanRead_TrendsHeader_Recognised()
    {
        Read.Sees(importer, "x.csv", Sample.Text(Sample.OuraTrends)[..2000]).Should().BeTrue();
        Read.Sees(importer, "x.csv", Sample.Text(Sample.WhoopCycles)[..1000]).Should().BeFalse();
    }
}

using HealthTwin.Agents.Model;
using HealthTwin.Import.AppleHealth;
using HealthTwin.Import.Tests.Support;

namespace HealthTwin.Import.Tests.AppleHealth;

public sealed class AppleHealthImporterTests
{
    private readonly AppleHealthImporter importer = new();

    [Fact]
    public async Task ReadAsync_AlxdrciriloSleep_InBedFromIPhoneAndCoreFromWatchGiveEfficiency()
    {
        // Rows: iPhone InBed 00:55:28–00:56:53 +0200 (85 s) and Watch AsleepCore 03:27:53–03:40:23 +0200 (750 s),
        // both ending on 2024-01-01. Asleep 750 s = 0.208 h; in bed = union 835 s = 0.232 h; efficiency 750/835 = 89.8 %.
        WearableReadContext read = await Read.SampleAsync(importer, Sample.AppleSmall, "Europe/Amsterdam");

        ImportedDay day = read.Day("2024-01-01");
        day.Source.Should().Be(WearableSource.AppleHealth);
        day.SleepHours.Should().Be(0.208);
        day.TimeInBedHours.Should().Be(0.232);
        day.SleepEfficiency.Should().Be(89.8);
        // AppleExerciseTime 15:16–15:17 +0200, 1 min, is the day's exercise; heart-rate samples are not a resting HR.
        day.WorkoutMinutes.Should().Be(1);
        day.RestingHr.Should().BeNull();
        day.Hrv.Should().BeNull();
        read.Skipped.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_UserZoneFarEast_ExerciseMovesToTheNextDayButTheNightStays()
    {
        // In Pacific/Auckland (+13 in January) the exercise minute at 15:16 +0200 is 02:16 on 2024-01-02; the sleep
        // samples end at 11:56 and 14:40 on 2024-01-01 local, so the night keeps its wake-up date.
        WearableReadContext read = await Read.SampleAsync(importer, Sample.AppleSmall, "Pacific/Auckland");

        read.Day("2024-01-02").WorkoutMinutes.Should().Be(1);
        read.Day("2024-01-01").SleepHours.Should().Be(0.208);
    }

    [Fact]
    public async Task ReadAsync_Ipyhealth_StepsPerDayWithIPhoneAndWatchDeDuplicatedPerHour()
    {
        // StepCount rows (all +0200, no zone set so each record keeps its own offset):
        // 2020-04-10: Watch 8 + 21 + 5 = 34. 2020-04-12: 34 + 40 + 27 + 120 + 4 = 225.
        // 2020-04-13: iPhone 15 at 09:22 (no Watch sample that hour, kept) + Watch 12 + 44 + 2 + 19 + 136 + 10 + 517 = 755.
        // 2020-04-14: Watch 25 (08h) + 141 (13h) + 71 (19:47); the iPhone's 9 at 19:12 falls in an hour the Watch
        // also recorded, so it is not added: 237, not 246.
        WearableReadContext read = await Read.SampleAsync(importer, Sample.AppleIpyhealth);

        read.Day("2020-04-10").Steps.Should().Be(34);
        read.Day("2020-04-12").Steps.Should().Be(225);
        read.Day("2020-04-13").Steps.Should().Be(755);
        read.Day("2020-04-14").Steps.Should().Be(237);
    }

    [Fact]
    public async Task ReadAsync_Ipyhealth_HrvIsSdnnOnTheDayOfTheSample()
    {
        // The only HeartRateVariabilitySDNN record: 2020-04-11 23:47:47 +0200, value 45.9626 ms (mean rounded to 0.1).
        WearableReadContext read = await Read.SampleAsync(importer, Sample.AppleIpyhealth);

        ImportedDay day = read.Day("2020-04-11");
        day.Hrv.Should().Be(46.0);
        day.HrvMethod.Should().Be(HrvMethod.Sdnn);
        read.Days.Where(d => d.Hrv is not null).Should().ContainSingle();
    }

    [Fact]
    public async Task ReadAsync_Ipyhealth_WorkoutMinutesFromTheExerciseRingElseWorkouts()
    {
        // ActivitySummary appleExerciseTime: 2020-04-10 85, 2020-04-16 147, 2020-04-17 19 (ring wins over the records).
        // 2020-04-06 has no summary and no exercise records: its Yoga workout, 55.465 min, is used.
        WearableReadContext read = await Read.SampleAsync(importer, Sample.AppleIpyhealth);

        read.Day("2020-04-10").WorkoutMinutes.Should().Be(85);
        read.Day("2020-04-16").WorkoutMinutes.Should().Be(147);
        read.Day("2020-04-17").WorkoutMinutes.Should().Be(19);
        read.Day("2020-04-06").WorkoutMinutes.Should().Be(55.47);
        read.Days.Should().OnlyContain(d => d.SleepHours == null && d.RestingHr == null);
        read.Skipped.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_SleepAcrossMidnightAndDst_NightBelongsToWakeUpDateInUserZone()
    {
        // Europe/Berlin switches to summer time on 2024-03-31 at 02:00. A night from 23:00 +0100 to 07:00 +0200 is
        // 7 h in bed; the Watch's asleep samples cover 23:30–02:00 +0100 (2.5 h) and 03:00–06:30 +0200 (3.5 h).
        string xml = Export(
            Sleep("2024-03-30 23:00:00 +0100", "2024-03-31 07:00:00 +0200", "InBed", "iPhone"),
            Sleep("2024-03-30 23:30:00 +0100", "2024-03-31 02:00:00 +0100", "AsleepCore", "Apple Watch"),
            Sleep("2024-03-31 03:00:00 +0200", "2024-03-31 06:30:00 +0200", "AsleepDeep", "Apple Watch"),
            // The same core sample written again by an app must not count twice.
            Sleep("2024-03-30 23:30:00 +0100", "2024-03-31 02:00:00 +0100", "AsleepUnspecified", "AutoSleep"));

        WearableReadContext read = await Read.TextAsync(importer, "export.xml", xml, "Europe/Berlin");

        ImportedDay night = read.Days.Should().ContainSingle().Subject;
        night.Date.Should().Be(new DateOnly(2024, 3, 31));
        night.SleepHours.Should().Be(6);
        night.TimeInBedHours.Should().Be(7);
        night.SleepEfficiency.Should().Be(85.7);
    }

    [Fact]
    public async Task ReadAsync_OnlyStagesWithoutInBedOrAwake_TimeInBedAndEfficiencyUnknown()
    {
        string xml = Export(Sleep("2024-05-01 23:00:00 +0000", "2024-05-02 06:00:00 +0000", "AsleepCore", "Apple Watch"));

        ImportedDay night = (await Read.TextAsync(importer, "export.xml", xml)).Days.Should().ContainSingle().Subject;

        night.SleepHours.Should().Be(7);
        night.TimeInBedHours.Should().BeNull();
        night.SleepEfficiency.Should().BeNull();
    }

    [Fact]
    public async Task ReadAsync_RestingHeartRate_DailyMeanInBpm()
    {
        string xml = Export(
            Quantity("HKQuantityTypeIdentifierRestingHeartRate", "count/min", "52", "2024-05-02 08:00:00 +0000"),
            Quantity("HKQuantityTypeIdentifierRestingHeartRate", "count/min", "55", "2024-05-02 20:00:00 +0000"));

        (await Read.TextAsync(importer, "export.xml", xml)).Day("2024-05-02").RestingHr.Should().Be(53.5);
    }

    [Theory]
    [InlineData("HKQuantityTypeIdentifierHeartRateVariabilitySDNN", "s", "0.05", "unit", "unit 's' is not 'ms'")]
    [InlineData("HKQuantityTypeIdentifierRestingHeartRate", "count/min", "abc", "value", "'abc' is not a number")]
    [InlineData("HKQuantityTypeIdentifierRestingHeartRate", "count/min", "300", "value", "300 is outside 20–250")]
    [InlineData("HKQuantityTypeIdentifierStepCount", "count", "-5", "value", "-5 is outside 0–1000000")]
    [InlineData("HKQuantityTypeIdentifierStepCount", "km", "5", "unit", "unit 'km' is not 'count'")]
    public async Task ReadAsync_BadValueOrUnit_RecordSkippedWithLineFieldAndReason(string type, string unit, string value, string field, string reason)
    {
        string xml = Export(
            Quantity(type, unit, value, "2024-05-02 08:00:00 +0000"),
            Quantity("HKQuantityTypeIdentifierStepCount", "count", "100", "2024-05-02 09:00:00 +0000"));

        WearableReadContext read = await Read.TextAsync(importer, "export.xml", xml);

        SkippedRecord skipped = read.Skipped.Should().ContainSingle().Subject;
        skipped.File.Should().Be("export.xml");
        skipped.Location.Should().Be($"line 6 ({type})");
        skipped.Field.Should().Be(field);
        skipped.Reason.Should().Contain(reason);
        read.Day("2024-05-02").Steps.Should().Be(100);
    }

    [Fact]
    public async Task ReadAsync_BadDate_RecordSkipped()
    {
        string xml = Export(Quantity("HKQuantityTypeIdentifierStepCount", "count", "10", "02/05/2024 08:00"));

        WearableReadContext read = await Read.TextAsync(importer, "export.xml", xml);

        read.Skipped.Should().ContainSingle().Which.Field.Should().Be("startDate");
        read.Days.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_TruncatedXml_ImportErrorNamesFileAndLine()
    {
        string xml = Sample.Text(Sample.AppleIpyhealth);
        string truncated = xml[..(xml.Length / 2)];

        Func<Task> act = () => Read.TextAsync(importer, "export.xml", truncated);

        WearableImportException error = (await act.Should().ThrowAsync<WearableImportException>()).Which;
        error.File.Should().Be("export.xml");
        error.Location.Should().StartWith("line ");
        error.Message.Should().Contain("malformed or truncated");
    }

    [Fact]
    public async Task ReadAsync_WrongRootElement_ImportErrorNamesTheElement()
    {
        Func<Task> act = () => Read.TextAsync(importer, "export.xml", "<?xml version=\"1.0\"?><ClinicalDocument/>");

        (await act.Should().ThrowAsync<WearableImportException>()).Which.Message.Should().Contain("'ClinicalDocument' is not an Apple Health export");
    }

    [Fact]
    public void CanRead_ExportWithLongDtd_RecognisedFromTheDoctype()
    {
        string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE HealthData [\n<!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>\n" + new string(' ', 9000);

        Read.Sees(importer, "export.xml", head).Should().BeTrue();
        Read.Sees(importer, "x.csv", "date,Steps\n").Should().BeFalse();
    }

    internal static string Export(params string[] records) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE HealthData [\n<!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>\n]>\n<HealthData locale=\"en_US\">\n"
        + string.Join("\n", records) + "\n</HealthData>\n";

    internal static string Quantity(string type, string unit, string value, string start) =>
        $"<Record type=\"{type}\" sourceName=\"Test Watch\" device=\"&lt;&lt;HKDevice: 0x1&gt;, name:Apple Watch, model:Watch&gt;\" unit=\"{unit}\" startDate=\"{start}\" endDate=\"{start}\" value=\"{value}\"/>";

    internal static string Sleep(string start, string end, string value, string source) =>
        $"<Record type=\"HKCategoryTypeIdentifierSleepAnalysis\" sourceName=\"{source}\" startDate=\"{start}\" endDate=\"{end}\" value=\"HKCategoryValueSleepAnalysis{value}\"/>";
}

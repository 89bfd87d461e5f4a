using HealthTwin.Agents.Model;
using HealthTwin.Import.Garmin;
using HealthTwin.Import.Tests.Support;

namespace HealthTwin.Import.Tests.Garmin;

public sealed class GarminConnectImporterTests
{
    private readonly GarminConnectImporter importer = new();

    [Fact]
    public async Task ReadAsync_DailySummary_StepsRestingHrStressAndIntensityMinutes()
    {
        // usersummary/daily for 2025-06-14: totalSteps 5459, restingHeartRate 51, averageStressLevel 24,
        // moderateIntensityMinutes 0 + vigorousIntensityMinutes 0.
        ImportedDay day = (await Read.SampleAsync(importer, Sample.GarminSummary)).Days.Should().ContainSingle().Subject;

        day.Date.Should().Be(new DateOnly(2025, 6, 14));
        day.Source.Should().Be(WearableSource.Garmin);
        day.Steps.Should().Be(5459);
        day.RestingHr.Should().Be(51);
        day.StressScore.Should().Be(24);
        day.WorkoutMinutes.Should().Be(0);
        day.SleepHours.Should().BeNull("sleepingSeconds in the summary is not the scored sleep");
    }

    [Fact]
    public async Task ReadAsync_DailySleep_AsleepInBedAndDerivedEfficiency()
    {
        // dailySleepDTO 2025-07-07: sleepTimeSeconds 24180 (= deep 5280 + light 13440 + REM 5460), awakeSleepSeconds 420,
        // so in bed 24600 s; efficiency 24180/24600 = 98.3 %. Top-level restingHeartRate 44.
        ImportedDay day = (await Read.SampleAsync(importer, Sample.GarminSleep)).Days.Should().ContainSingle().Subject;

        day.Date.Should().Be(new DateOnly(2025, 7, 7));
        day.SleepHours.Should().Be(6.717);
        day.TimeInBedHours.Should().Be(6.833);
        day.SleepEfficiency.Should().Be(98.3);
        day.RestingHr.Should().Be(44);
    }

    [Fact]
    public async Task ReadAsync_AllNullNoDataDay_NoDayAndNothingSkipped()
    {
        WearableReadContext read = await Read.SampleAsync(importer, Sample.GarminSleepNoData);

        read.Days.Should().BeEmpty();
        read.Skipped.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_DailyHrv_TwentyNightsOfRmssd()
    {
        // hrvSummaries: 2023-07-01 lastNightAvg 43, 2023-07-14 37, 2023-07-20 42.
        WearableReadContext read = await Read.SampleAsync(importer, Sample.GarminHrv);

        read.Days.Should().HaveCount(20);
        read.Day("2023-07-01").Hrv.Should().Be(43);
        read.Day("2023-07-14").Hrv.Should().Be(37);
        read.Day("2023-07-20").Hrv.Should().Be(42);
        read.Days.Should().OnlyContain(d => d.HrvMethod == HrvMethod.Rmssd);
    }

    [Fact]
    public async Task ReadAsync_NegativeStressCode_NotMeasuredNotAnError()
    {
        WearableReadContext read = await Read.TextAsync(importer, "summary.json", """{"calendarDate":"2025-06-14","totalSteps":10,"averageStressLevel":-1}""");

        read.Day("2025-06-14").StressScore.Should().BeNull();
        read.Skipped.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_BadNumbers_FieldsSkippedWithRecordAndReason()
    {
        WearableReadContext read = await Read.TextAsync(importer, "summary.json", """{"calendarDate":"2025-06-14","totalSteps":"many","restingHeartRate":400,"averageStressLevel":24}""");

        read.Skipped.Should().HaveCount(2);
        read.Skipped[0].Should().Be(new SkippedRecord("summary.json", "$", "totalSteps", "'many' is not a number (expected steps, 0–1000000)"));
        read.Skipped[1].Reason.Should().Be("400 is outside 20–250 bpm");
        read.Day("2025-06-14").StressScore.Should().Be(24);
    }

    [Fact]
    public async Task ReadAsync_TruncatedJson_ImportErrorNamesTheLine()
    {
        string json = Sample.Text(Sample.GarminHrv);

        Func<Task> act = () => Read.TextAsync(importer, "hrv.json", json[..(json.Length / 2)]);

        WearableImportException error = (await act.Should().ThrowAsync<WearableImportException>()).Which;
        error.File.Should().Be("hrv.json");
        error.Location.Should().StartWith("line ");
    }
}

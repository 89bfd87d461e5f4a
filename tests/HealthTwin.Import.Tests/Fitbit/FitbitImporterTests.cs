using HealthTwin.Import.Fitbit;
using HealthTwin.Import.Tests.Support;

namespace HealthTwin.Import.Tests.Fitbit;

public sealed class FitbitImporterTests
{
    private readonly FitbitImporter importer = new();

    [Fact]
    public async Task ReadAsync_SleepByDate_MainSleepOnlyNapNoted()
    {
        // sleep[1] is the main sleep of 2016-12-13: minutesAsleep 112, timeInBed 118, efficiency 95. sleep[0] is a
        // 63-minute nap (isMainSleep false): noted, not added.
        WearableReadContext read = await Read.SampleAsync(importer, Sample.FitbitSleep);

        ImportedDay day = read.Days.Should().ContainSingle().Subject;
        day.Date.Should().Be(new DateOnly(2016, 12, 13));
        day.Source.Should().Be(WearableSource.Fitbit);
        day.SleepHours.Should().Be(1.867);
        day.TimeInBedHours.Should().Be(1.967);
        day.SleepEfficiency.Should().Be(95);
        read.Notes.Should().ContainSingle().Which.Should().Contain("nap");
    }

    [Fact]
    public async Task ReadAsync_ActivitiesByDate_StepsAndActiveMinutesDatedByTheLoggedWalk()
    {
        // summary.steps 10007; veryActiveMinutes 3 + fairlyActiveMinutes 34 = 37; the Walk's startDate 2014-06-19.
        ImportedDay day = (await Read.SampleAsync(importer, Sample.FitbitActivities)).Days.Should().ContainSingle().Subject;

        day.Date.Should().Be(new DateOnly(2014, 6, 19));
        day.Steps.Should().Be(10007);
        day.WorkoutMinutes.Should().Be(37);
    }

    [Fact]
    public async Task ReadAsync_ActivitiesWithoutAnyDate_SkippedWithReason()
    {
        WearableReadContext read = await Read.TextAsync(importer, "activities.json", """{"activities":[],"summary":{"steps":100,"veryActiveMinutes":1,"fairlyActiveMinutes":2}}""");

        read.Days.Should().BeEmpty();
        read.Skipped.Should().ContainSingle().Which.Reason.Should().Contain("no date");
    }

    [Fact]
    public async Task ReadAsync_StepsSeries_StringValuesPerDate()
    {
        WearableReadContext read = await Read.TextAsync(importer, "steps.json", """{"activities-steps":[{"dateTime":"2016-01-01","value":"1234"},{"dateTime":"2016-01-02","value":"x"}]}""");

        read.Day("2016-01-01").Steps.Should().Be(1234);
        read.Skipped.Should().ContainSingle().Which.Location.Should().Be("$.activities-steps[1]");
    }

    [Fact]
    public async Task ReadAsync_TakeoutSleepAndRestingHeartRate_Read()
    {
        WearableReadContext sleep = await Read.TextAsync(importer, "sleep-2020-01-01.json", """[{"logId":1,"dateOfSleep":"2020-01-02","minutesAsleep":420,"timeInBed":450,"efficiency":93,"mainSleep":true}]""");
        WearableReadContext rhr = await Read.TextAsync(importer, "resting_heart_rate-2020-01-01.json", """[{"dateTime":"01/02/20 00:00:00","value":{"date":"01/02/20","value":58.23,"error":6.8}},{"dateTime":"01/03/20 00:00:00","value":{"date":"01/03/20","value":0.0,"error":0.0}}]""");

        sleep.Day("2020-01-02").SleepHours.Should().Be(7);
        rhr.Days.Should().ContainSingle().Which.RestingHr.Should().Be(58.2);
    }

    [Fact]
    public async Task ReadAsync_TimeInBedShorterThanAsleep_SleepSkipped()
    {
        WearableReadContext read = await Read.TextAsync(importer, "sleep.json", """{"sleep":[{"dateOfSleep":"2016-12-13","isMainSleep":true,"minutesAsleep":120,"timeInBed":100,"efficiency":95}]}""");

        read.Days.Should().BeEmpty();
        read.Skipped.Should().ContainSingle().Which.Field.Should().Be("timeInBed");
    }
}

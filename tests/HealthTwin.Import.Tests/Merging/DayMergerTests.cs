using HealthTwin.Agents.Model;
using HealthTwin.Import.Merging;
using HealthTwin.Import.Tests.Support;

namespace HealthTwin.Import.Tests.Merging;

public sealed class DayMergerTests
{
    private static readonly DateOnly D = new(2025, 6, 14);

    [Fact]
    public void Merge_OuraForSleepAndHrvGarminForStressAndSteps_DefaultPrecedence()
    {
        ImportedDay oura = new() { Date = D, Source = WearableSource.Oura, SleepHours = 7.5, TimeInBedHours = 8, SleepEfficiency = 93.8, Hrv = 40, HrvMethod = HrvMethod.Rmssd, RestingHr = 52, Steps = 4000 };
        ImportedDay garmin = new() { Date = D, Source = WearableSource.Garmin, SleepHours = 6.9, TimeInBedHours = 7.1, Hrv = 44, HrvMethod = HrvMethod.Rmssd, RestingHr = 51, Steps = 5459, StressScore = 24 };

        DailyMetrics day = DayMerger.Merge([garmin, oura], MetricPrecedence.Default).Days.Should().ContainSingle().Subject;

        day.SleepHours.Should().Be(7.5);
        day.TimeInBedHours.Should().Be(8, "the sleep group comes from one source");
        day.SleepEfficiency.Should().Be(93.8);
        day.Hrv.Should().Be(40);
        day.RestingHr.Should().Be(52);
        day.Steps.Should().Be(5459);
        day.StressScore.Should().Be(24);
    }

    [Fact]
    public void Merge_ConfiguredPrecedence_OverridesOneGroupOnly()
    {
        ImportedDay oura = new() { Date = D, Source = WearableSource.Oura, SleepHours = 7.5, Steps = 4000 };
        ImportedDay garmin = new() { Date = D, Source = WearableSource.Garmin, SleepHours = 6.9, Steps = 5459 };
        var precedence = MetricPrecedence.From(new Dictionary<string, List<string>> { ["sleep"] = ["Garmin"] });

        DailyMetrics day = DayMerger.Merge([oura, garmin], precedence).Days.Single();

        day.SleepHours.Should().Be(6.9);
        day.Steps.Should().Be(5459);
        precedence.Order(MetricGroup.Sleep).Should().StartWith([WearableSource.Garmin, WearableSource.Oura]).And.HaveCount(Enum.GetValues<WearableSource>().Length);
    }

    [Fact]
    public void Merge_AppleSdnnBesideOuraRmssd_NeverMixedIntoOneSeries()
    {
        // Oura has HRV on day 1 only; Apple (SDNN) has days 1 and 2. Day 2 must not be filled with SDNN.
        ImportedDay[] days =
        [
            new() { Date = D, Source = WearableSource.Oura, Hrv = 40, HrvMethod = HrvMethod.Rmssd },
            new() { Date = D, Source = WearableSource.AppleHealth, Hrv = 60, HrvMethod = HrvMethod.Sdnn, Steps = 100 },
            new() { Date = D.AddDays(1), Source = WearableSource.AppleHealth, Hrv = 62, HrvMethod = HrvMethod.Sdnn, Steps = 200 },
        ];

        MergeOutcome outcome = DayMerger.Merge(days, MetricPrecedence.Default);

        outcome.Days.Should().HaveCount(2);
        outcome.Days[0].Hrv.Should().Be(40);
        outcome.Days[0].HrvMethod.Should().Be(HrvMethod.Rmssd);
        outcome.Days[1].Hrv.Should().BeNull();
        outcome.Days[1].Steps.Should().Be(200);
        outcome.Notes.Should().ContainSingle().Which.Should().Contain("AppleHealth (SDNN, 2 days) left out");
    }

    [Fact]
    public void Merge_SameSourceTwice_TakenOnceLaterWinsNeverSummed()
    {
        ImportedDay first = new() { Date = D, Source = WearableSource.Whoop, Steps = 1000, TrainingLoad = 30 };
        ImportedDay again = new() { Date = D, Source = WearableSource.Whoop, Steps = 1000, WorkoutMinutes = 20 };

        DailyMetrics day = DayMerger.Merge([first, again], MetricPrecedence.Default).Days.Single();

        day.Steps.Should().Be(1000);
        day.TrainingLoad.Should().Be(30);
        day.WorkoutMinutes.Should().Be(20);
    }

    [Fact]
    public async Task ImportAsync_OuraAndWhoopFilesForOneUser_MergedWithNoteAndValidDays()
    {
        WearableImportResult result = await Importers.Create().ImportAsync([Sample.File(Sample.OuraTrends), Sample.File(Sample.WhoopWorkouts)]);

        // 2026-07-16: Oura (line 50) sleep 26070 s and HRV 25; WHOOP workouts 30 min beat Oura's 39 min of activity (default: WHOOP before Oura).
        DailyMetrics jul16 = result.Days.Single(d => d.Date == new DateOnly(2026, 7, 16));
        jul16.SleepHours.Should().Be(7.242);
        jul16.Hrv.Should().Be(25);
        jul16.WorkoutMinutes.Should().Be(30);
        result.Files.Should().HaveCount(2);
        MetricsValidator.ValidateHistory(result.Days).Should().BeEmpty();
    }

    [Fact]
    public async Task ImportAsync_PrecedenceFromConfiguration_Applied()
    {
        using var provider = Importers.Provider(settings: new Dictionary<string, string?>
        {
            ["HealthTwin:Import:TimeZone"] = "America/Los_Angeles",
            ["HealthTwin:Import:Precedence:WorkoutMinutes:0"] = "Oura",
        });
        var importer = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<WearableImporter>(provider);

        WearableImportResult result = await importer.ImportAsync([Sample.File(Sample.OuraTrends), Sample.File(Sample.WhoopWorkouts)]);

        // Oura line 50: High 0 s + Medium 2340 s = 39 min now wins over WHOOP's 30.
        result.Days.Single(d => d.Date == new DateOnly(2026, 7, 16)).WorkoutMinutes.Should().Be(39);
    }
}

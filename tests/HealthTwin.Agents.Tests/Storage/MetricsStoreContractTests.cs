using static HealthTwin.Agents.Tests.Storage.StoreTestHelpers;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Storage;

namespace HealthTwin.Agents.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IMetricsStore"/> must have. Each implementation (file system, in memory, S3)
/// runs this same suite through a subclass that says how to create an empty store.
/// </summary>
public abstract class MetricsStoreContractTests
{
    protected static readonly DateOnly Start = new(2025, 1, 1);

    /// <summary>Creates an empty store, isolated from every other test.</summary>
    protected abstract Task<IMetricsStore> CreateStoreAsync();

    protected static DailyMetrics Day(DateOnly date, double hrv = 60) => new()
    {
        Date = date,
        SleepHours = 7.25,
        SleepEfficiency = 91.5,
        Hrv = hrv,
        RestingHr = 58,
        Steps = 9123,
        WorkoutMinutes = 42.5,
        TrainingLoad = 37,
        StressScore = 28,
        MoodScore = 4,
        EnergyScore = 5,
    };

    protected static List<DailyMetrics> Days(DateOnly first, int count, double hrv = 60) =>
        [.. Enumerable.Range(0, count).Select(i => Day(first.AddDays(i), hrv + (i % 7)))];

    [Fact]
    public async Task SaveAsync_ThenLoadAsync_RoundTripsEveryField()
    {
        IMetricsStore store = await CreateStoreAsync();
        DailyMetrics day = Day(Start) with { HrvMethod = HrvMethod.Sdnn, Notes = "Slept badly – \"exam\" week ✓" };

        await store.SaveAsync("alice", [day]);

        (await store.LoadAsync("alice", Start, Start)).Should().Equal(day);
    }

    /// <summary>A smart ring's night (no stress, load, steps, mood or energy) and a phone's day (steps and workout only).</summary>
    protected static readonly DailyMetrics RingDay = new() { Date = Start, SleepHours = 7.4, TimeInBedHours = 8.1, SleepEfficiency = 91.4, Hrv = 58.5, RestingHr = 54 };

    /// <summary>A phone-only day.</summary>
    protected static readonly DailyMetrics PhoneDay = new() { Date = Start.AddDays(1), Steps = 10432, WorkoutMinutes = 25 };

    [Fact]
    public async Task SaveAsync_PartialDays_RoundTripWithMissingMetricsStillMissing()
    {
        IMetricsStore store = await CreateStoreAsync();

        await store.SaveAsync("alice", [RingDay, PhoneDay]);
        IReadOnlyList<DailyMetrics> loaded = await store.LoadAsync("alice", Start, Start.AddDays(1));

        loaded.Should().Equal(RingDay, PhoneDay);
        loaded[0].StressScore.Should().BeNull();
        loaded[0].Steps.Should().BeNull();
        loaded[0].MoodScore.Should().BeNull();
        loaded[0].TimeInBedHours.Should().Be(8.1);
        loaded[1].Hrv.Should().BeNull();
        loaded[1].SleepHours.Should().BeNull();
        loaded[1].Steps.Should().Be(10432);
    }

    [Fact]
    public async Task SaveAsync_DayWithoutAnyMetric_ThrowsAndWritesNothing()
    {
        IMetricsStore store = await CreateStoreAsync();

        Func<Task> act = () => store.SaveAsync("alice", [RingDay, new DailyMetrics { Date = Start.AddDays(3), Notes = "no data" }]);

        await act.Should().ThrowAsync<HealthDataValidationException>().WithMessage("*metrics*at least one of*");
        (await store.LoadAsync("alice", Start, Start.AddDays(3))).Should().BeEmpty();
    }

    [Fact]
    public async Task LoadAsync_RangeWithGaps_ReturnsOnlyStoredDaysInDateOrder()
    {
        IMetricsStore store = await CreateStoreAsync();
        List<DailyMetrics> days = [.. Days(Start, 20).Where((_, i) => i % 3 != 1)];
        days.Reverse();

        await store.SaveAsync("alice", days);
        IReadOnlyList<DailyMetrics> loaded = await store.LoadAsync("alice", Start.AddDays(2), Start.AddDays(12));

        loaded.Select(d => d.Date).Should().Equal(
            new[] { 2, 3, 5, 6, 8, 9, 11, 12 }.Select(i => Start.AddDays(i)));
        loaded.Should().Equal(days.Where(d => d.Date >= Start.AddDays(2) && d.Date <= Start.AddDays(12)).OrderBy(d => d.Date));
    }

    [Fact]
    public async Task LoadAsync_RangeBoundaries_AreInclusive()
    {
        IMetricsStore store = await CreateStoreAsync();
        await store.SaveAsync("alice", Days(Start, 5));

        (await store.LoadAsync("alice", Start.AddDays(1), Start.AddDays(1))).Select(d => d.Date).Should().Equal(Start.AddDays(1));
        (await store.LoadAsync("alice", Start.AddDays(-1), Start)).Select(d => d.Date).Should().Equal(Start);
        (await store.LoadAsync("alice", Start.AddDays(4), Start.AddDays(9))).Select(d => d.Date).Should().Equal(Start.AddDays(4));
        (await store.LoadAsync("alice", Start.AddDays(5), Start.AddDays(9))).Should().BeEmpty();
        (await store.LoadAsync("alice", DateOnly.MinValue, DateOnly.MaxValue)).Should().HaveCount(5);
    }

    [Fact]
    public async Task LoadAsync_ToBeforeFrom_ThrowsArgumentOutOfRange()
    {
        IMetricsStore store = await CreateStoreAsync();

        Func<Task> act = () => store.LoadAsync("alice", Start, Start.AddDays(-1));

        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.ParamName.Should().Be("toDate");
    }

    [Fact]
    public async Task LoadAsync_UnknownUser_ReturnsEmpty()
    {
        IMetricsStore store = await CreateStoreAsync();

        (await store.LoadAsync("nobody", DateOnly.MinValue, DateOnly.MaxValue)).Should().BeEmpty();
        (await ToListAsync(store.ListDatesAsync("nobody"))).Should().BeEmpty();
    }

    [Fact]
    public async Task SaveAsync_SameDaysAgain_ReplacesWithoutDuplicates()
    {
        IMetricsStore store = await CreateStoreAsync();
        await store.SaveAsync("alice", Days(Start, 10, hrv: 50));
        List<DailyMetrics> changed = Days(Start.AddDays(5), 10, hrv: 80);

        await store.SaveAsync("alice", changed);
        await store.SaveAsync("alice", changed);

        IReadOnlyList<DailyMetrics> loaded = await store.LoadAsync("alice", DateOnly.MinValue, DateOnly.MaxValue);
        loaded.Select(d => d.Date).Should().Equal(Enumerable.Range(0, 15).Select(i => Start.AddDays(i)));
        loaded.Take(5).Should().Equal(Days(Start, 10, hrv: 50).Take(5));
        loaded.Skip(5).Should().Equal(changed);
    }

    [Fact]
    public async Task SaveAsync_InvalidDay_ThrowsAndWritesNothing()
    {
        IMetricsStore store = await CreateStoreAsync();
        List<DailyMetrics> days = Days(Start, 5);
        days[3] = days[3] with { SleepHours = 24.5 };

        Func<Task> act = () => store.SaveAsync("alice", days);

        (await act.Should().ThrowAsync<HealthDataValidationException>()).Which.Message.Should().Contain("sleepHours");
        (await ToListAsync(store.ListDatesAsync("alice"))).Should().BeEmpty();
    }

    [Fact]
    public async Task SaveAsync_DuplicateDate_ThrowsAndWritesNothing()
    {
        IMetricsStore store = await CreateStoreAsync();
        List<DailyMetrics> days = [.. Days(Start, 3), Day(Start.AddDays(1), hrv: 70)];

        Func<Task> act = () => store.SaveAsync("alice", days);

        await act.Should().ThrowAsync<HealthDataValidationException>();
        (await ToListAsync(store.ListDatesAsync("alice"))).Should().BeEmpty();
    }

    [Fact]
    public async Task SaveAsync_NoDays_WritesNothing()
    {
        IMetricsStore store = await CreateStoreAsync();

        await store.SaveAsync("alice", []);

        (await ToListAsync(store.ListDatesAsync("alice"))).Should().BeEmpty();
    }

    [Fact]
    public async Task ListDatesAsync_ReturnsStoredDatesAscending()
    {
        IMetricsStore store = await CreateStoreAsync();
        DateOnly[] dates = [new(2024, 12, 31), new(2025, 1, 2), new(2023, 6, 1), new(2025, 1, 1)];
        await store.SaveAsync("alice", dates.Select(d => Day(d)));

        (await ToListAsync(store.ListDatesAsync("alice"))).Should().Equal(dates.Order());
    }

    [Fact]
    public async Task DeleteAsync_Range_DeletesOnlyInsideAndReturnsCount()
    {
        IMetricsStore store = await CreateStoreAsync();
        await store.SaveAsync("alice", [.. Days(Start, 10).Where((_, i) => i != 4)]);

        int deleted = await store.DeleteAsync("alice", Start.AddDays(2), Start.AddDays(6));

        deleted.Should().Be(4);
        (await ToListAsync(store.ListDatesAsync("alice"))).Should().Equal(
            new[] { 0, 1, 7, 8, 9 }.Select(i => Start.AddDays(i)));
        (await store.DeleteAsync("alice", Start.AddDays(2), Start.AddDays(6))).Should().Be(0);
    }

    [Fact]
    public async Task DeleteAsync_ToBeforeFrom_ThrowsArgumentOutOfRange()
    {
        IMetricsStore store = await CreateStoreAsync();

        Func<Task> act = () => store.DeleteAsync("alice", Start.AddDays(1), Start);

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Users_AreIsolated()
    {
        IMetricsStore store = await CreateStoreAsync();
        await store.SaveAsync("alice", Days(Start, 3, hrv: 50));
        await store.SaveAsync("alice2", Days(Start.AddDays(1), 3, hrv: 70));
        await store.SaveAsync("bob.smith@example.com", Days(Start, 1, hrv: 90));

        (await store.LoadAsync("alice", DateOnly.MinValue, DateOnly.MaxValue)).Should().Equal(Days(Start, 3, hrv: 50));
        (await ToListAsync(store.ListDatesAsync("alice2"))).Should().Equal(Start.AddDays(1), Start.AddDays(2), Start.AddDays(3));
        (await store.DeleteAsync("alice", DateOnly.MinValue, DateOnly.MaxValue)).Should().Be(3);
        (await store.LoadAsync("alice2", DateOnly.MinValue, DateOnly.MaxValue)).Should().HaveCount(3);
        (await store.LoadAsync("bob.smith@example.com", Start, Start)).Single().Hrv.Should().Be(90);
    }

    [Theory]
    [MemberData(nameof(StoreContractCases.MaliciousUserIds), MemberType = typeof(StoreContractCases))]
    public async Task EveryOperation_MaliciousUserId_ThrowsArgumentException(string maliciousCase)
    {
        IMetricsStore store = await CreateStoreAsync();
        string userId = StoreContractCases.MaliciousUserId(maliciousCase);

        await FluentActions.Awaiting(() => store.SaveAsync(userId, [Day(Start)])).Should().ThrowAsync<ArgumentException>().WithMessage("*userId*");
        await FluentActions.Awaiting(() => store.LoadAsync(userId, Start, Start)).Should().ThrowAsync<ArgumentException>().WithMessage("*userId*");
        await FluentActions.Awaiting(() => ToListAsync(store.ListDatesAsync(userId))).Should().ThrowAsync<ArgumentException>().WithMessage("*userId*");
        await FluentActions.Awaiting(() => store.DeleteAsync(userId, Start, Start)).Should().ThrowAsync<ArgumentException>().WithMessage("*userId*");
    }

    [Fact]
    public async Task SaveAsync_CancelledToken_ThrowsOperationCanceled()
    {
        IMetricsStore store = await CreateStoreAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        Func<Task> act = () => store.SaveAsync("alice", Days(Start, 3), cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

}

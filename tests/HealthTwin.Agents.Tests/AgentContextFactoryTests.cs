using HealthTwin.Agents.Model;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Agents.Tests;

public class AgentContextFactoryTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 19, 30, 0, TimeSpan.Zero);

    private static AgentContextFactory Factory(HealthTwinOptions? options = null) =>
        new(new FakeTimeProvider(Now), Options.Create(options ?? new HealthTwinOptions()));

    [Fact]
    public void Create_UnsortedHistory_SortsItAndTakesTheLastDayAsToday()
    {
        List<DailyMetrics> history = TestData.History(10);
        history.Reverse();

        AgentContext context = Factory().Create("u1", TestData.Profile(), history);

        context.Today.Date.Should().Be(TestData.Today);
        context.AllMetrics.Select(d => d.Date).Should().BeInAscendingOrder();
        context.Last7Days.Should().HaveCount(7);
        context.Last7Days[^1].Date.Should().Be(TestData.Today);
        context.AnalyzedAt.Should().Be(Now);
    }

    [Fact]
    public void Create_OptionsChangedAfterwards_EarlierContextKeepsItsSnapshot()
    {
        var options = new HealthTwinOptions();
        options.Alerts.HrvDropPercent = 20;
        AgentContextFactory factory = Factory(options);

        AgentContext before = factory.Create("u1", TestData.Profile(), TestData.History(10));
        AgentContext same = factory.Create("u1", TestData.Profile(), TestData.History(10));
        options.Alerts.HrvDropPercent = 30;
        options.Alerts = new AlertThresholds { MinSleepHours = 7 };
        AgentContext after = factory.Create("u1", TestData.Profile(), TestData.History(10));

        before.Thresholds.HrvDropPercent.Should().Be(20, "an analysis never sees a later change of the options");
        before.Thresholds.MinSleepHours.Should().Be(6);
        before.Thresholds.IsReadOnly.Should().BeTrue();
        same.Thresholds.Should().BeSameAs(before.Thresholds, "unchanged options share one snapshot");
        after.Thresholds.Should().NotBeSameAs(before.Thresholds);
        after.Thresholds.HrvDropPercent.Should().Be(15);
        after.Thresholds.MinSleepHours.Should().Be(7);
        options.Alerts.IsReadOnly.Should().BeFalse("the options themselves stay writable");
    }

    [Fact]
    public void Thresholds_SetOnASnapshot_ThrowsAndCloneIsWritable()
    {
        AgentContext context = Factory().Create("u1", TestData.Profile(), TestData.History(10));

        Action set = () => context.Thresholds.MaxStressScore = 10;

        set.Should().Throw<InvalidOperationException>().WithMessage("*read-only*HealthTwin:Alerts*");
        context.Thresholds.MaxStressScore.Should().Be(70);
        AlertThresholds copy = context.Thresholds.Clone();
        copy.MaxStressScore = 10;
        copy.IsReadOnly.Should().BeFalse();
        copy.ToReadOnly().IsReadOnly.Should().BeTrue();
    }

    [Fact]
    public void Thresholds_WritableInstanceGivenToTheContext_IsCopied()
    {
        var thresholds = new AlertThresholds { MinSleepHours = 8 };
        AgentContext context = new()
        {
            UserId = "u1",
            Profile = TestData.Profile(),
            AllMetrics = TestData.History(3),
            Baseline = new Baseline(),
            AnalyzedAt = Now,
            LocalTime = Now,
            Thresholds = thresholds,
        };

        thresholds.MinSleepHours = 5;

        context.Thresholds.MinSleepHours.Should().Be(8);
        context.Thresholds.IsReadOnly.Should().BeTrue();
    }

    [Fact]
    public void Create_InvalidDay_MessageHasNoParameterSuffix()
    {
        List<DailyMetrics> history = TestData.History(3);
        history[^1] = history[^1] with { Hrv = -1 };

        Action act = () => Factory().Create("u1", TestData.Profile(), history);

        HealthDataValidationException error = act.Should().Throw<HealthDataValidationException>().Which;
        error.Message.Should().Contain("hrv = -1").And.NotContain("(Parameter", "the message is shown to the person who sent the data");
        error.ParamName.Should().Contain("hrv");
    }

    [Fact]
    public void Create_UserTimeZone_GivesLocalTime()
    {
        AgentContext berlin = Factory().Create("u1", TestData.Profile("Europe/Berlin"), TestData.History(3));
        AgentContext tokyo = Factory().Create("u1", TestData.Profile("Asia/Tokyo"), TestData.History(3));

        berlin.LocalHour.Should().Be(20);
        berlin.LocalTime.Offset.Should().Be(TimeSpan.FromHours(1));
        tokyo.LocalHour.Should().Be(4);
    }

    [Fact]
    public void Create_WithContextData_FillsTimeOfDayFromLocalTime()
    {
        AgentContext context = Factory().Create("u1", TestData.Profile("Europe/Berlin"), TestData.History(3), new AgentContextOptions { ContextData = new ContextData { Weather = new Weather(3, WeatherCondition.Rain) } });

        context.ContextData!.TimeOfDay.Should().Be(TimeOfDay.Evening);
        context.ContextData.Weather!.IsWet.Should().BeTrue();
    }

    [Fact]
    public void Create_GapsInHistory_AreKeptAsGaps()
    {
        List<DailyMetrics> history = TestData.History(10).Where((_, i) => i % 2 == 0).ToList();

        AgentContext context = Factory().Create("u1", TestData.Profile(), history);

        context.AllMetrics.Should().HaveCount(5);
        context.Baseline.DaysUsed.Should().Be(4, "the evidence-based baseline holds the days before today");
    }

    [Fact]
    public void Create_HostBaseline_IsUsed()
    {
        Baseline own = TestData.Baseline(hrv: 80);
        var original = new HealthTwinOptions { Rules = HealthTwin.Agents.Rules.RuleOptions.OriginalApp() };

        Factory(original).Create("u1", TestData.Profile(), TestData.History(3), new AgentContextOptions { Baseline = own }).Baseline.Should().BeSameAs(own);
        Factory().Create("u1", TestData.Profile(), TestData.History(3), new AgentContextOptions { Baseline = own }).Baseline
            .Should().Be(own, "three days give no day-to-day spreads to add, so the evidence-based preset uses it unchanged");
    }

    [Fact]
    public void Create_EmptyHistory_ThrowsNamingHistory()
    {
        Action act = () => Factory().Create("u1", TestData.Profile(), []);

        act.Should().Throw<HealthDataValidationException>().Which.Errors.Should().ContainSingle(e => e.Field == "history");
    }

    [Fact]
    public void Create_DuplicateDates_ThrowsNamingTheDate()
    {
        List<DailyMetrics> history = [TestData.Day(TestData.Today), TestData.Day(TestData.Today.AddDays(-1)), TestData.Day(TestData.Today)];

        Action act = () => Factory().Create("u1", TestData.Profile(), history);

        act.Should().Throw<HealthDataValidationException>().WithMessage("*2025-03-14.date*");
    }

    [Fact]
    public void Create_InvalidDayAndProfile_ReportsAllErrors()
    {
        Action act = () => Factory().Create("u1", new UserProfile { Age = 5, TimeZone = "Nowhere/City" }, [TestData.Day() with { SleepHours = 25 }]);

        act.Should().Throw<HealthDataValidationException>().Which.Errors.Select(e => e.Field)
            .Should().BeEquivalentTo(["profile.age", "profile.timeZone", "2025-03-14.sleepHours"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../other")]
    [InlineData("a/b")]
    public void Create_InvalidUserId_Throws(string userId)
    {
        Action act = () => Factory().Create(userId, TestData.Profile(), TestData.History(1));

        act.Should().Throw<ArgumentException>().WithParameterName(nameof(userId));
    }

    [Fact]
    public void Create_UsesTheConfiguredThresholds()
    {
        var options = new HealthTwinOptions { Alerts = { HrvDropPercent = 30 } };

        AgentContext context = Factory(options).Create("u1", TestData.Profile(), TestData.History(1));

        context.Thresholds.HrvDropPercent.Should().Be(30);
    }

    [Fact]
    public void DerivedMeasures_AreComputedOnceAndShared()
    {
        AgentContext context = Factory().Create("u1", TestData.Profile(), TestData.History(14));

        context.Readiness.Should().BeSameAs(context.Readiness);
        context.BurnoutRisk.Should().BeSameAs(context.BurnoutRisk);
        context.Anomalies.Should().BeSameAs(context.Anomalies);
        context.SleepDebt.Should().BeSameAs(context.SleepDebt);
        context.Readiness.Score.Should().Be(100);
    }

    [Fact]
    public async Task CreateAsync_EnvironmentProvider_IsAskedWhenNoContextDataIsGiven()
    {
        var provider = new StaticEnvironmentProvider(new ContextData { Weather = new Weather(31, WeatherCondition.Clear), Location = "Seville" });
        var factory = new AgentContextFactory(new FakeTimeProvider(Now), Options.Create(new HealthTwinOptions()), provider);

        AgentContext context = await factory.CreateAsync("u1", TestData.Profile(), TestData.History(2));

        context.ContextData!.Weather!.TemperatureCelsius.Should().Be(31);
        context.ContextData.TimeOfDay.Should().Be(TimeOfDay.Evening);
        provider.Calls.Should().Be(1);
    }

    private sealed class StaticEnvironmentProvider(ContextData data) : Providers.IEnvironmentContextProvider
    {
        public int Calls { get; private set; }

        public ValueTask<ContextData?> GetContextAsync(string userId, UserProfile profile, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult<ContextData?>(data);
        }
    }
}

using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

public sealed class ContextAwarenessAgentTests
{
    private readonly ContextAwarenessAgent _agent = new();

    [Fact]
    public void AnalyzeAsync_NoContextData_WeatherRulesSkipped()
    {
        Run(_agent, Week(d => d with { WorkoutMinutes = 0 })).Should().BeEmpty();
    }

    [Fact]
    public void AnalyzeAsync_ContextWithoutWeather_WeatherRulesSkipped()
    {
        Run(_agent, Week(d => d with { WorkoutMinutes = 0 }, contextData: new ContextData { Location = "Berlin" })).Should().BeEmpty();
    }

    [Theory]
    [InlineData(4.9, "cold-weather")]
    [InlineData(5, null)]
    [InlineData(5.1, null)]
    [InlineData(27.9, null)]
    [InlineData(28, null)]
    [InlineData(28.1, "hot-weather")]
    public void AnalyzeAsync_TemperatureAroundFiveAndTwentyEight_MediumTrainingAdvisory(double celsius, string? rule)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Week(d => d, contextData: Weather(celsius, WeatherCondition.Clear)));

        if (rule is null)
        {
            recommendations.Should().BeEmpty();
        }
        else
        {
            AgentRecommendation advisory = recommendations.Should().ContainSingle().Subject;
            advisory.Id.Should().Be($"context-awareness:{rule}:2025-03-14");
            advisory.Type.Should().Be(RecommendationType.Training);
            advisory.Priority.Should().Be(RecommendationPriority.Medium);
            advisory.Evidence.Should().ContainSingle(e => e.Metric == "temperature" && e.Value == celsius);
        }
    }

    [Theory]
    [InlineData(WeatherCondition.Rain, 0, true)]
    [InlineData(WeatherCondition.Snow, 0, true)]
    [InlineData(WeatherCondition.Storm, 0, true)]
    [InlineData(WeatherCondition.Rain, 1, false)]
    [InlineData(WeatherCondition.Rain, 30, false)]
    [InlineData(WeatherCondition.Cloudy, 0, false)]
    [InlineData(WeatherCondition.Clear, 0, false)]
    public void AnalyzeAsync_WetWeatherAndNoWorkoutYet_LowIndoorWorkout(WeatherCondition condition, double minutes, bool expected)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Week(d => d with { WorkoutMinutes = minutes }, contextData: Weather(12, condition)));

        if (expected)
        {
            AgentRecommendation indoor = recommendations.Should().ContainSingle().Subject;
            indoor.Id.Should().Be("context-awareness:indoor-workout:2025-03-14");
            indoor.Type.Should().Be(RecommendationType.Training);
            indoor.Priority.Should().Be(RecommendationPriority.Low);
        }
        else
        {
            recommendations.Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData(16, 59, false)]
    [InlineData(17, 0, true)]
    [InlineData(21, 59, true)]
    [InlineData(22, 0, false)]
    public void AnalyzeAsync_HighStressAroundTheEvening_MediumWindDown(int hour, int minute, bool expected)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Week(d => d with { StressScore = 71 }, now: At(hour, minute)));

        if (expected)
        {
            AgentRecommendation windDown = recommendations.Should().ContainSingle().Subject;
            windDown.Id.Should().Be("context-awareness:evening-wind-down:2025-03-14");
            windDown.Type.Should().Be(RecommendationType.Stress);
            windDown.Priority.Should().Be(RecommendationPriority.Medium);
        }
        else
        {
            recommendations.Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData(69.9, false)]
    [InlineData(70, false)]
    [InlineData(70.1, true)]
    public void AnalyzeAsync_EveningStressAroundSeventy_WindDownOnlyAbove(double stress, bool expected)
    {
        RuleIds(Run(_agent, Week(d => d with { StressScore = stress }, now: At(19))))
            .Contains(ContextAwarenessAgent.WindDownRule).Should().Be(expected);
    }

    [Fact]
    public void AnalyzeAsync_MaxStressLowered_WindDownAtSixtyFive()
    {
        Run(_agent, Week(d => d with { StressScore = 65 }, now: At(19))).Should().BeEmpty();

        RuleIds(Run(_agent, Week(d => d with { StressScore = 65 }, now: At(19), thresholds: new AlertThresholds { MaxStressScore = 60 })))
            .Should().Equal(ContextAwarenessAgent.WindDownRule);
    }

    [Theory]
    [InlineData(4, 59, false)]
    [InlineData(5, 0, true)]
    [InlineData(11, 59, true)]
    [InlineData(12, 0, false)]
    public void AnalyzeAsync_ShortSleepAroundTheMorning_HighLowEnergyMorning(int hour, int minute, bool expected)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Week(d => d with { SleepHours = 5.5 }, now: At(hour, minute)));

        if (expected)
        {
            AgentRecommendation morning = recommendations.Should().ContainSingle().Subject;
            morning.Id.Should().Be("context-awareness:low-energy-morning:2025-03-14");
            morning.Type.Should().Be(RecommendationType.Sleep);
            morning.Priority.Should().Be(RecommendationPriority.High);
            morning.Evidence.Should().ContainSingle(e => e.Metric == "sleepHours" && e.Threshold == 6 && e.Baseline == 7.5);
        }
        else
        {
            recommendations.Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData(5.9, true)]
    [InlineData(6, false)]
    [InlineData(6.1, false)]
    public void AnalyzeAsync_MorningSleepAroundSixHours_LowEnergyOnlyBelow(double sleep, bool expected)
    {
        RuleIds(Run(_agent, Week(d => d with { SleepHours = sleep }, now: At(8))))
            .Contains(ContextAwarenessAgent.LowEnergyMorningRule).Should().Be(expected);
    }

    [Fact]
    public void AnalyzeAsync_MinSleepRaised_LowEnergyAfterSixAndAHalfHours()
    {
        Run(_agent, Week(d => d with { SleepHours = 6.5 }, now: At(8))).Should().BeEmpty();

        RuleIds(Run(_agent, Week(d => d with { SleepHours = 6.5 }, now: At(8), thresholds: new AlertThresholds { MinSleepHours = 7 })))
            .Should().Equal(ContextAwarenessAgent.LowEnergyMorningRule);
    }

    [Fact]
    public void AnalyzeAsync_SameInstantDifferentUserTimeZone_LocalHourDecides()
    {
        // 16:30 UTC is 16:30 in UTC (afternoon) but 17:30 in Berlin (evening, CET in March).
        Func<DailyMetrics, DailyMetrics> stressed = d => d with { StressScore = 80 };

        Run(_agent, Week(stressed, now: At(16, 30))).Should().BeEmpty();
        RuleIds(Run(_agent, Week(stressed, profile: TestData.Profile("Europe/Berlin"), now: At(16, 30))))
            .Should().Equal(ContextAwarenessAgent.WindDownRule);
    }

    [Fact]
    public async Task AnalyzeAsync_WeatherFromTheHostsProvider_ColdAdvisory()
    {
        var provider = new FixedWeatherProvider(new ContextData { Weather = new Weather(-3, WeatherCondition.Snow) });
        var factory = new AgentContextFactory(
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Noon), Microsoft.Extensions.Options.Options.Create(new HealthTwinOptions()), provider);

        AgentContext context = await factory.CreateAsync("u1", TestData.Profile(), WeekHistory(d => d with { WorkoutMinutes = 0 }));

        RuleIds(Run(_agent, context)).Should().Equal(ContextAwarenessAgent.ColdRule, ContextAwarenessAgent.IndoorRule);
        provider.Calls.Should().Be(1);
    }

    private sealed class FixedWeatherProvider(ContextData data) : HealthTwin.Agents.Providers.IEnvironmentContextProvider
    {
        public int Calls { get; private set; }

        public ValueTask<ContextData?> GetContextAsync(string userId, UserProfile profile, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult<ContextData?>(data);
        }
    }

    private static ContextData Weather(double celsius, WeatherCondition condition) =>
        new() { Weather = new Weather(celsius, condition) };
}

using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

public sealed class SleepEnvironmentAgentTests
{
    private readonly SleepEnvironmentAgent _agent = new();

    [Theory]
    [InlineData(85.8, 74, true)]  // mean 79.9
    [InlineData(86, 74, false)]   // mean 80
    [InlineData(86.2, 74, false)] // mean 80.1
    [InlineData(70, 74.9, true)]
    [InlineData(70, 75, false)]
    [InlineData(70, 75.1, false)]
    public void AnalyzeAsync_EfficiencyAroundEightyAndSeventyFive_MediumEnvironmentCheck(double yesterday, double lastNight, bool expected)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, TwoNights(yesterday, lastNight));

        if (expected)
        {
            AgentRecommendation check = recommendations.Should().ContainSingle().Subject;
            check.Id.Should().Be("sleep-environment:environment-check:2025-03-14");
            check.Type.Should().Be(RecommendationType.Sleep);
            check.Priority.Should().Be(RecommendationPriority.Medium);
            check.Rationale.Should().Contain("16–19 °C");
            check.Evidence.Should().Contain(e => e.Metric == "sleepEfficiency" && e.Threshold == 80);
            check.Evidence.Should().Contain(e => e.Metric == "sleepEfficiency" && e.Threshold == 75 && e.Value == lastNight);
        }
        else
        {
            recommendations.Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData(19, 59, false)]
    [InlineData(20, 0, true)]
    [InlineData(22, 59, true)]
    [InlineData(23, 0, false)]
    public void AnalyzeAsync_AroundTheBedroomHours_LowReminder(int hour, int minute, bool expected)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Week(d => d, now: At(hour, minute)));

        if (expected)
        {
            AgentRecommendation reminder = recommendations.Should().ContainSingle().Subject;
            reminder.Id.Should().Be("sleep-environment:bedroom-reminder:2025-03-14");
            reminder.Type.Should().Be(RecommendationType.Sleep);
            reminder.Priority.Should().Be(RecommendationPriority.Low);
            reminder.Rationale.Should().Contain("16–19 °C").And.Contain("dark").And.Contain("quiet");
            reminder.Evidence.Should().ContainSingle(e => e.Metric == "localHour" && e.Value == hour);
        }
        else
        {
            recommendations.Should().BeEmpty();
        }
    }

    [Fact]
    public void AnalyzeAsync_UserZoneEvening_ReminderAtTheUsersTwentyOClock()
    {
        // 19:00 UTC is 20:00 in Berlin (CET).
        Run(_agent, Week(d => d, now: At(19))).Should().BeEmpty();
        RuleIds(Run(_agent, Week(d => d, profile: TestData.Profile("Europe/Berlin"), now: At(19)))).Should().Equal(SleepEnvironmentAgent.BedroomReminderRule);
    }

    public static TheoryData<SleepEnvironment, string?, string?> Readings => new()
    {
        { new SleepEnvironment { TemperatureCelsius = 15.9 }, "bedroomTemperature", "temperature 15.9 °C" },
        { new SleepEnvironment { TemperatureCelsius = 16 }, null, null },
        { new SleepEnvironment { TemperatureCelsius = 19 }, null, null },
        { new SleepEnvironment { TemperatureCelsius = 19.1 }, "bedroomTemperature", "temperature 19.1 °C" },
        { new SleepEnvironment { HumidityPercent = 39.9 }, "bedroomHumidity", "humidity 39.9 %" },
        { new SleepEnvironment { HumidityPercent = 40 }, null, null },
        { new SleepEnvironment { HumidityPercent = 60 }, null, null },
        { new SleepEnvironment { HumidityPercent = 60.1 }, "bedroomHumidity", "humidity 60.1 %" },
        { new SleepEnvironment { NoiseDb = 35 }, null, null },
        { new SleepEnvironment { NoiseDb = 35.1 }, "bedroomNoise", "noise 35.1 dB(A)" },
        { new SleepEnvironment { LightLux = 5 }, null, null },
        { new SleepEnvironment { LightLux = 5.1 }, "bedroomLight", "light 5.1 lx" },
        { new SleepEnvironment { Co2Ppm = 1000 }, null, null },
        { new SleepEnvironment { Co2Ppm = 1000.1 }, "bedroomCo2", "CO₂ 1000.1 ppm" },
    };

    [Theory]
    [MemberData(nameof(Readings))]
    public void AnalyzeAsync_BedroomReadingAroundItsRange_NamedOnlyWhenOutside(SleepEnvironment readings, string? metric, string? text)
    {
        AgentContext context = Create(TwoNightHistory(70, 70), baseline: RoundBaseline, now: At(21), sleepEnvironment: readings);

        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, context);

        RuleIds(recommendations).Should().Equal(SleepEnvironmentAgent.EnvironmentCheckRule, SleepEnvironmentAgent.BedroomReminderRule);
        foreach (AgentRecommendation recommendation in recommendations)
        {
            if (metric is null)
            {
                recommendation.Rationale.Should().NotContain("Out of range");
                recommendation.Evidence.Should().NotContain(e => e.Metric.StartsWith("bedroom", StringComparison.Ordinal));
            }
            else
            {
                recommendation.Rationale.Should().Contain("Out of range").And.Contain(text);
                recommendation.Evidence.Should().ContainSingle(e => e.Metric == metric);
            }
        }
    }

    [Fact]
    public void AnalyzeAsync_SeveralReadingsOutOfRange_NamesEach()
    {
        var readings = new SleepEnvironment { TemperatureCelsius = 23.5, HumidityPercent = 50, NoiseDb = 42, LightLux = 1, Co2Ppm = 1400 };

        AgentRecommendation check = Single(
            Run(_agent, Create(TwoNightHistory(70, 70), baseline: RoundBaseline, sleepEnvironment: readings)), SleepEnvironmentAgent.EnvironmentCheckRule);

        check.Rationale.Should().Contain("temperature 23.5 °C (ideal 16–19 °C), noise 42 dB(A) (ideal at most 35 dB(A)), CO₂ 1400 ppm (ideal at most 1000 ppm)");
        check.Evidence.Select(e => e.Metric).Should().Contain(["bedroomTemperature", "bedroomNoise", "bedroomCo2"]).And.NotContain(["bedroomHumidity", "bedroomLight"]);
        check.Evidence.Single(e => e.Metric == "bedroomTemperature").Threshold.Should().Be(19);
    }

    private static AgentContext TwoNights(double yesterday, double lastNight) =>
        Create(TwoNightHistory(yesterday, lastNight), baseline: RoundBaseline);

    private static List<DailyMetrics> TwoNightHistory(double yesterday, double lastNight) =>
    [
        TestData.Day(TestData.Today.AddDays(-1)) with { SleepEfficiency = yesterday },
        TestData.Day() with { SleepEfficiency = lastNight },
    ];
}

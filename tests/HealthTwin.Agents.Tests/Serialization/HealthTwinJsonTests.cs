using System.Text;
using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Serialization;

namespace HealthTwin.Agents.Tests.Serialization;

public class HealthTwinJsonTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Serialize_Recommendation_UsesTheAppsCamelCaseAndLowerCaseEnums()
    {
        var recommendation = new AgentRecommendation
        {
            Id = "sleep:sleep-debt:2025-03-14",
            CreatedAt = At,
            Agent = "sleep",
            Type = RecommendationType.Sleep,
            Title = "Sleep debt",
            Rationale = "You are 4 h short this week.",
            Priority = RecommendationPriority.High,
            Actions = RecommendationAction.Standard("Go to bed early"),
            Evidence = [new Evidence { Metric = "sleepDebt", Value = 4, Threshold = 3 }],
        };

        string json = JsonSerializer.Serialize(recommendation, HealthTwinJsonContext.Default.AgentRecommendation);

        json.Should().Contain("\"priority\":\"high\"")
            .And.Contain("\"type\":\"sleep\"")
            .And.Contain("\"kind\":\"accept\"")
            .And.Contain("\"kind\":\"snooze\"")
            .And.Contain("\"createdAt\":\"2025-03-14T07:30:00+00:00\"")
            .And.Contain("\"rationale\":")
            .And.NotContain("\"baseline\":null");
    }

    [Fact]
    public void RoundTrip_DailyMetricsAndProfile_AreEqual()
    {
        DailyMetrics day = TestData.Day() with { Notes = "late dinner", HrvMethod = HrvMethod.Sdnn };
        var profile = new UserProfile { Name = "A", Age = 30, Goal = FitnessGoal.LoseFat, Chronotype = Chronotype.Late, SleepNeedHours = 8, ExamPhase = true, TimeZone = "Europe/Berlin" };

        string dayJson = JsonSerializer.Serialize(day, HealthTwinJsonContext.Default.DailyMetrics);
        string profileJson = JsonSerializer.Serialize(profile, HealthTwinJsonContext.Default.UserProfile);

        dayJson.Should().Contain("\"date\":\"2025-03-14\"").And.Contain("\"hrvMethod\":\"sdnn\"").And.Contain("\"restingHr\":60");
        profileJson.Should().Contain("\"goal\":\"lose_fat\"").And.Contain("\"chronotype\":\"late\"");
        JsonSerializer.Deserialize(dayJson, HealthTwinJsonContext.Default.DailyMetrics).Should().Be(day);
        JsonSerializer.Deserialize(profileJson, HealthTwinJsonContext.Default.UserProfile).Should().Be(profile);
    }

    [Fact]
    public async Task ReadMetricsAsync_AppShapedArray_ReadsEveryDay()
    {
        const string json = """
            [
              {"date":"2025-03-13","sleepHours":7,"sleepEfficiency":88,"hrv":55,"restingHr":58,"steps":9000,"workoutMinutes":30,"trainingLoad":40,"stressScore":35,"moodScore":4,"energyScore":4},
              {"date":"2025-03-14","sleepHours":6.5,"sleepEfficiency":85,"hrv":50,"restingHr":61,"steps":4000,"workoutMinutes":0,"trainingLoad":0,"stressScore":60,"moodScore":3,"energyScore":3,"notes":"busy"}
            ]
            """;

        IReadOnlyList<DailyMetrics> days = await HealthTwinJson.ReadMetricsAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        days.Should().HaveCount(2);
        days[1].Notes.Should().Be("busy");
        days[1].Hrv.Should().Be(50);
    }

    [Fact]
    public async Task ReadMetricsAsync_MalformedJson_NamesPathAndLine()
    {
        const string json = "[\n{\"date\":\"2025-03-13\",\"sleepHours\":\"seven\"}\n]";

        Func<Task> act = () => HealthTwinJson.ReadMetricsAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        (await act.Should().ThrowAsync<HealthDataValidationException>()).WithMessage("*$[0].sleepHours*line 2*");
    }

    [Fact]
    public async Task ReadMetricsAsync_PartialDay_MissingFieldsAreNotMeasured()
    {
        const string json = "[{\"date\":\"2025-03-13\",\"sleepHours\":7,\"sleepEfficiency\":88,\"hrv\":null,\"restingHr\":58}]";

        IReadOnlyList<DailyMetrics> days = await HealthTwinJson.ReadMetricsAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        DailyMetrics day = days.Should().ContainSingle().Subject;
        day.SleepHours.Should().Be(7);
        day.SleepEfficiency.Should().Be(88);
        day.RestingHr.Should().Be(58);
        day.Hrv.Should().BeNull();
        day.Steps.Should().BeNull();
        day.MoodScore.Should().BeNull();
    }

    [Fact]
    public async Task ReadMetricsAsync_DayWithoutAnyMetric_NamesTheDateAndTheFields()
    {
        const string json = "[{\"date\":\"2025-03-13\",\"notes\":\"forgot the ring\"}]";

        Func<Task> act = () => HealthTwinJson.ReadMetricsAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        (await act.Should().ThrowAsync<HealthDataValidationException>()).WithMessage("*2025-03-13.metrics*at least one of sleepHours*");
    }

    [Fact]
    public async Task ReadMetricsAsync_MissingDate_NamesTheField()
    {
        const string json = "[{\"sleepHours\":7}]";

        Func<Task> act = () => HealthTwinJson.ReadMetricsAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        (await act.Should().ThrowAsync<HealthDataValidationException>()).WithMessage("*date*");
    }

    [Fact]
    public async Task ReadMetricsAsync_OutOfRangeValue_NamesDateFieldAndRange()
    {
        const string json = "[{\"date\":\"2025-03-13\",\"sleepHours\":30,\"sleepEfficiency\":88,\"hrv\":50,\"restingHr\":58,\"steps\":1,\"workoutMinutes\":0,\"trainingLoad\":0,\"stressScore\":10,\"moodScore\":3,\"energyScore\":3}]";

        Func<Task> act = () => HealthTwinJson.ReadMetricsAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        (await act.Should().ThrowAsync<HealthDataValidationException>()).WithMessage("2025-03-13.sleepHours = 30 is outside the allowed range 0–24 h.*");
    }

    [Fact]
    public void Serialize_TrainingLoadSummary_CamelCaseAndRoundTrips()
    {
        HealthTwin.Agents.Metrics.TrainingLoadSummary summary = HealthTwin.Agents.Metrics.TrainingLoadCalculator.Compute(TestData.History(30));

        string json = JsonSerializer.Serialize(summary, HealthTwinJsonContext.Default.TrainingLoadSummary);

        json.Should().Contain("\"acuteLoad\":40,").And.Contain("\"loadSpike\":false,").And.NotContain("hrv", "the HRV range is HrvNormalRange's");
        JsonSerializer.Deserialize(json, HealthTwinJsonContext.Default.TrainingLoadSummary).Should().Be(summary);
    }

    [Fact]
    public void Serialize_HrvNormalRange_LowerCaseStatusAndRoundTrips()
    {
        HealthTwin.Agents.Metrics.HrvNormalRange range = HealthTwin.Agents.Metrics.HrvNormalRangeCalculator.Compute(TestData.History(30));

        string json = JsonSerializer.Serialize(range, HealthTwinJsonContext.Default.HrvNormalRange);

        json.Should().Contain("\"status\":\"within\"");
        JsonSerializer.Deserialize(json, HealthTwinJsonContext.Default.HrvNormalRange).Should().Be(range);
    }
}

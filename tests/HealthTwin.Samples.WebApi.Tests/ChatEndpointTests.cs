using System.Net;
using System.Text.Json;
using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.WebApi.Tests;

public sealed class ChatEndpointTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    [Fact]
    public async Task Chat_AppContext_ReturnsRecommendationsArray()
    {
        // A week of 6 h nights against the profile's 8 h need: 14 h of sleep debt, which the local sleep agent answers.
        DailyMetrics[] week = [.. TestData.History(7).Select(d => d with { SleepHours = 6 })];

        HttpResponseMessage response = await factory.ClientFor("mia").PostJsonAsync("/functions/v1/aws-bedrock-chat", new
        {
            context = new { profile = TestData.Profile(), today = week[^1], last7Days = week },
            focus = "sleep optimization",
            model = "claude-3-5-sonnet",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonElement recommendations = (await response.JsonAsync()).GetProperty("recommendations");
        recommendations.ValueKind.Should().Be(JsonValueKind.Array);
        recommendations.GetArrayLength().Should().BePositive("a week of sleep debt with a sleep focus has something to say");
        foreach (JsonElement recommendation in recommendations.EnumerateArray())
        {
            recommendation.GetProperty("id").GetString().Should().EndWith(":2025-03-14");
            recommendation.GetProperty("agent").GetString().Should().EndWith("Agent", "the edge-function endpoints answer with the app's agent names");
            recommendation.GetProperty("type").GetString().Should().BeOneOf(["sleep", "alert"], "a sleep focus keeps sleep recommendations and alerts");
            recommendation.GetProperty("priority").GetString().Should().BeOneOf("low", "medium", "high");
            recommendation.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
            recommendation.GetProperty("rationale").GetString().Should().NotBeNullOrWhiteSpace();
            recommendation.GetProperty("actions").GetArrayLength().Should().BePositive();
            recommendation.GetProperty("createdAt").TryGetDateTimeOffset(out _).Should().BeTrue();
        }

        JsonElement debt = recommendations.EnumerateArray().Should().ContainSingle(r => r.GetProperty("id").GetString() == "sleep:sleep-debt:2025-03-14").Subject;
        debt.GetProperty("agent").GetString().Should().Be("SleepAgent");
        debt.GetProperty("type").GetString().Should().Be("sleep");
        debt.GetProperty("evidence").EnumerateArray().Should().Contain(e => e.GetProperty("metric").GetString() == "sleepHours");
    }

    [Fact]
    public async Task Chat_WithAnalyzer_PassesContextFocusAndModelAndReturnsAppShapedJson()
    {
        var analyzer = new RecordingAnalyzer();
        await using var host = new WebApiFactory { ExtraServices = s => s.AddSingleton<IFocusAnalyzer>(analyzer) };
        DailyMetrics[] month = TestData.History(30);
        DailyMetrics today = month[^1] with { SleepHours = 5 };
        Baseline baseline = new() { Hrv = 70, RestingHr = 55, SleepHours = 8, SleepEfficiency = 90, StressScore = 30, DaysUsed = 14 };

        HttpResponseMessage response = await host.ClientFor("noah").PostJsonAsync("/functions/v1/aws-bedrock-chat", new
        {
            context = new { profile = TestData.Profile(), today, last7Days = month[^7..], baseline, allMetrics = month },
            focus = "training intensity",
            model = "llama-3-3-70b",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        analyzer.Focus.Should().Be("training intensity");
        analyzer.Model.Should().Be("llama-3-3-70b");
        analyzer.Context!.UserId.Should().Be("noah");
        analyzer.Context.AllMetrics.Should().HaveCount(30, "allMetrics wins over last7Days");
        analyzer.Context.Today.SleepHours.Should().Be(5, "today replaces the history's day of the same date");
        analyzer.Context.Baseline.Hrv.Should().Be(70, "a baseline sent by the app is used as is");

        JsonElement recommendation = (await response.JsonAsync()).GetProperty("recommendations").EnumerateArray().Should().ContainSingle().Subject;
        recommendation.GetProperty("agent").GetString().Should().Be("FitnessCoachAgent", "the edge-function endpoints answer with the app's agent names");
        recommendation.GetProperty("type").GetString().Should().Be("training");
        recommendation.GetProperty("priority").GetString().Should().Be("high");
        recommendation.GetProperty("actions")[0].GetProperty("kind").GetString().Should().Be("accept");
        recommendation.GetProperty("createdAt").GetDateTimeOffset().Should().Be(RecordingAnalyzer.CreatedAt);
    }

    [Fact]
    public async Task Chat_TodayIsTheOldestDay_AnalysesAsOfTodayWithTheDaysUpToIt()
    {
        var analyzer = new RecordingAnalyzer();
        await using var host = new WebApiFactory { ExtraServices = s => s.AddSingleton<IFocusAnalyzer>(analyzer) };
        DailyMetrics[] week = TestData.History(7);

        HttpResponseMessage response = await host.ClientFor("olga").PostJsonAsync("/functions/v1/aws-bedrock-chat", new
        {
            context = new { profile = TestData.Profile(), today = week[2], last7Days = week, allMetrics = week },
            focus = "sleep",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        analyzer.Context!.Today.Date.Should().Be(week[2].Date);
        analyzer.Context.AllMetrics.Select(d => d.Date).Should().Equal(week[..3].Select(d => d.Date), "days after today are not used");
    }

    [Theory]
    [InlineData("""{"focus":"sleep"}""", "context.profile")]
    [InlineData("""{"context":{"profile":{}},"focus":"sleep"}""", "context.today")]
    [InlineData("""{"context":{"profile":{},"today":{"date":"2025-03-14","sleepHours":7,"sleepEfficiency":90,"hrv":60,"restingHr":60,"steps":1,"workoutMinutes":0,"trainingLoad":0,"stressScore":0,"moodScore":3,"energyScore":3}}}""", "focus")]
    [InlineData("""{"context":{"profile":{},"today":{"date":"2025-03-14","sleepHours":7,"sleepEfficiency":90,"hrv":60,"restingHr":60,"steps":1,"workoutMinutes":0,"trainingLoad":0,"stressScore":0,"moodScore":3,"energyScore":3}},"focus":"  "}""", "focus")]
    public async Task Chat_MissingPart_Returns400NamingIt(string json, string field)
    {
        HttpResponseMessage response = await factory.ClientFor("pia").PostRawAsync("/functions/v1/aws-bedrock-chat", json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorFieldsAsync()).Should().Equal(field);
    }
}

using System.Text.Json;

namespace HealthTwin.Samples.WebApi.Tests.AppClient;

/// <summary>
/// The original front end, unchanged: the real, pinned <c>@supabase/supabase-js</c> calls
/// <c>functions.invoke(name, { body })</c> on the host (Kestrel on 127.0.0.1) with a Supabase-shaped token and the
/// exact bodies the app and the integration guide send (eng/supabase/app-client.mjs); the assertions read the
/// fields they read.
/// </summary>
public sealed class SupabaseClientTests(SupabaseClientFixture fixture) : IClassFixture<SupabaseClientFixture>
{
    private static readonly Guid UserId = SupabaseClientFixture.UserId;
    private static readonly string[] AppAgentNames =
    [
        "PlannerAgent", "SleepAgent", "FitnessCoachAgent", "BurnoutGuardianAgent", "PredictiveAnalyticsAgent",
        "ContextAwarenessAgent", "BreathingCoachAgent", "SleepEnvironmentAgent", "RecoveryPredictionAgent", "InjuryRiskAgent",
    ];

    private JsonElement Results => fixture.Results;

    [Theory]
    [InlineData("analyzeWithAI")]
    [InlineData("awsBedrockSleepAgent")]
    [InlineData("guideTest")]
    [InlineData("maxThree")]
    public void Chat_AppBody_ReturnsRecommendationsTheAppCanRead(string call)
    {
        JsonElement[] recommendations = [.. Data(call).GetProperty("recommendations").EnumerateArray()];

        recommendations.Should().NotBeEmpty();
        foreach (JsonElement r in recommendations)
        {
            r.GetProperty("id").GetString().Should().NotBeNullOrEmpty();
            DateTimeOffset.TryParse(r.GetProperty("createdAt").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _).Should().BeTrue();
            r.GetProperty("agent").GetString().Should().BeOneOf(AppAgentNames);
            r.GetProperty("type").GetString().Should().BeOneOf("sleep", "training", "stress", "nutrition", "break", "alert", "simulation");
            r.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
            r.GetProperty("rationale").GetString().Should().NotBeNullOrWhiteSpace();
            r.GetProperty("priority").GetString().Should().BeOneOf("low", "medium", "high");
            r.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).Should().OnlyContain(k => k == "accept" || k == "snooze" || k == "reject");
        }
    }

    [Fact]
    public void Chat_SleepFocus_AnswersWithTheSleepAgentAboutLastNight()
    {
        string[] agents = [.. Data("analyzeWithAI").GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("agent").GetString()!)];

        agents.Should().Contain("SleepAgent");
    }

    [Fact]
    public void Chat_MaxRecommendationsThree_ReturnsThree() =>
        Data("maxThree").GetProperty("recommendations").GetArrayLength().Should().Be(3);

    [Fact]
    public void Chat_TodayIsTheOldestDay_AnalysesAsOfThatDay()
    {
        // The guide's test sends loadMetrics()[0] (2025-03-01) as today; ids carry the analysed date.
        Data("guideTest").GetProperty("recommendations").EnumerateArray()
            .Should().OnlyContain(r => r.GetProperty("id").GetString()!.Contains("2025-03-01"));
    }

    [Fact]
    public void Backup_Metrics_AnswersAUrlThatServesTheDaysWithoutAToken()
    {
        JsonElement backup = Data("backup");
        JsonElement fetched = Results.GetProperty("backupUrl");

        backup.GetProperty("key").GetString().Should().Be($"users/{UserId}/metrics/");
        new Uri(backup.GetProperty("url").GetString()!).Host.Should().Be("127.0.0.1");
        fetched.GetProperty("status").GetInt32().Should().Be(200);
        JsonElement[] days = [.. JsonDocument.Parse(fetched.GetProperty("text").GetString()!).RootElement.EnumerateArray()];
        days.Select(d => d.GetProperty("date").GetString()).Should().Equal(Enumerable.Range(1, 14).Select(i => $"2025-03-{i:00}"));
        days[^1].GetProperty("sleepHours").GetDouble().Should().Be(5.2);
    }

    [Fact]
    public void Upload_GuideTestObject_IsStoredAsJsonAndItsUrlServesIt()
    {
        JsonElement upload = Data("testUpload");
        JsonElement fetched = Results.GetProperty("testUploadUrl");

        upload.GetProperty("key").GetString().Should().Be($"users/{UserId}/test/test-upload.json");
        fetched.GetProperty("status").GetInt32().Should().Be(200);
        fetched.GetProperty("contentType").GetString().Should().StartWith("application/json");
        JsonDocument.Parse(fetched.GetProperty("text").GetString()!).RootElement.GetProperty("test").GetString().Should().Be("data");
    }

    [Fact]
    public void Upload_PhotoAsDataUrl_IsStoredAsTheImageBytes()
    {
        JsonElement fetched = Results.GetProperty("photoUrl");

        Data("photoUpload").GetProperty("key").GetString().Should().Be($"users/{UserId}/photos/meals/lunch.jpg");
        fetched.GetProperty("status").GetInt32().Should().Be(200);
        fetched.GetProperty("contentType").GetString().Should().Be("image/jpeg");
        fetched.GetProperty("base64").GetString().Should().Be(Results.GetProperty("expectedJpegBase64").GetString());
    }

    [Fact]
    public void List_MetricsPrefix_ListsTheBackedUpDays() =>
        Keys("listMetrics").Should().Equal(Enumerable.Range(1, 14).Select(i => $"users/{UserId}/metrics/2025-03-{i:00}.json"));

    [Fact]
    public void List_PhotosPrefix_ListsEveryPhotoFolder() =>
        Keys("listPhotos").Should().Equal($"users/{UserId}/photos/meals/lunch.jpg", $"users/{UserId}/photos/sleep-environment/bedroom.jpg");

    [Fact]
    public void List_NoPrefix_ListsEverythingMetricsIncluded()
    {
        string[] keys = Keys("listAll");

        keys.Should().HaveCount(14 + 3);
        keys.Should().Contain($"users/{UserId}/metrics/2025-03-14.json").And.Contain($"users/{UserId}/test/test-upload.json");
    }

    [Fact]
    public void Download_UploadedKey_ReturnsTheText()
    {
        JsonElement download = Data("download");

        download.GetProperty("encoding").GetString().Should().Be("utf-8");
        JsonDocument.Parse(download.GetProperty("data").GetString()!).RootElement.GetProperty("test").GetString().Should().Be("data");
    }

    [Fact]
    public void Chat_StreamReadLikeABrowser_EndsWithRecommendationsThenDone()
    {
        JsonElement[] events = [.. Data("stream").GetProperty("events").EnumerateArray()];

        Results.GetProperty("stream").GetProperty("contentType").GetString().Should().StartWith("text/event-stream");
        events.Select(e => e.GetProperty("event").GetString()).Should().EndWith(["recommendations", "done"]);
        events[^2].GetProperty("data").GetProperty("recommendations").EnumerateArray()
            .Select(r => r.GetProperty("agent").GetString()).Should().Contain("SleepAgent");
    }

    private JsonElement Data(string call)
    {
        JsonElement result = Results.GetProperty(call);
        result.GetProperty("ok").GetBoolean().Should().BeTrue($"{call} must succeed through supabase-js: {result}");
        return result.GetProperty("data");
    }

    private string[] Keys(string call) => [.. Data(call).GetProperty("files").EnumerateArray().Select(f => f.GetProperty("key").GetString()!)];
}

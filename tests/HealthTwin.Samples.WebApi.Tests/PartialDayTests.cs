using System.Net;
using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.WebApi.Tests;

/// <summary>
/// Real days are partial: a sleep-tracker day (sleep, efficiency, HRV, resting HR only) and a phone day (steps and
/// workout minutes only) are accepted by every endpoint that takes days, stored without invented values, and analysed.
/// </summary>
public sealed class PartialDayTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    private static readonly DateOnly Today = TestData.Today;

    /// <summary>14 days alternating: even days from a sleep tracker, odd days from a phone.</summary>
    private static object[] History() =>
    [
        .. Enumerable.Range(0, 14).Select(i => Today.AddDays(i - 13)).Select((date, i) => i % 2 == 0
            ? (object)new { date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), sleepHours = 6.5 + i * 0.05, sleepEfficiency = 86, hrv = 55 + i, restingHr = 58 }
            : new { date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), steps = 9000 + i * 10, workoutMinutes = 35 }),
    ];

    [Fact]
    public async Task Analyze_PartialDays_Returns200AndReportsWhatCouldNotBeJudged()
    {
        HttpResponseMessage response = await factory.ClientFor("pat").PostJsonAsync("/api/analyze", new { profile = TestData.Profile(), metrics = History() });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        JsonElement analysis = await response.JsonAsync();
        analysis.GetProperty("date").GetString().Should().Be("2025-03-14");
        analysis.GetProperty("agents").EnumerateArray().Should().OnlyContain(a => a.GetProperty("status").GetString() != "failed");
        string json = analysis.GetRawText();
        json.Should().NotContain("NaN").And.NotContain("Infinity");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Chat_TodayIsAPartialDay_Returns200(bool sleepTrackerToday)
    {
        object[] history = History();
        object today = sleepTrackerToday
            ? new { date = "2025-03-14", sleepHours = 5.5, sleepEfficiency = 80, hrv = 48, restingHr = 63 }
            : new { date = "2025-03-14", steps = 4200, workoutMinutes = 0 };

        HttpResponseMessage response = await factory.ClientFor("pam").PostJsonAsync("/functions/v1/aws-bedrock-chat", new
        {
            context = new { profile = new { chronotype = "night", timeZone = "Europe/Berlin" }, today, last7Days = history[^7..], allMetrics = history },
            focus = "sleep optimization",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).GetProperty("recommendations").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public async Task Backup_PartialDays_StoresThemWithoutInventedValuesAndAnalyzeUsesThem()
    {
        HttpClient client = factory.ClientFor("pia");

        HttpResponseMessage backup = await client.PostJsonAsync("/functions/v1/s3-upload", new { data = History(), path = "metrics", filename = "b.json" });
        HttpResponseMessage analysis = await client.PostJsonAsync("/api/analyze", new { profile = TestData.Profile() });
        HttpResponseMessage phoneDay = await client.PostJsonAsync("/functions/v1/s3-download", new { key = "metrics/2025-03-14.json" });

        backup.StatusCode.Should().Be(HttpStatusCode.OK, await backup.Content.ReadAsStringAsync());
        analysis.StatusCode.Should().Be(HttpStatusCode.OK, await analysis.Content.ReadAsStringAsync());
        IReadOnlyList<DailyMetrics> stored = await factory.Services.GetRequiredService<IMetricsStore>().LoadAsync("pia", Today.AddDays(-13), Today);
        stored.Should().HaveCount(14);
        DailyMetrics sleepDay = stored[0];
        sleepDay.SleepHours.Should().Be(6.5);
        sleepDay.Steps.Should().BeNull("a sleep-tracker day has no steps, and none are invented");
        sleepDay.StressScore.Should().BeNull();
        DailyMetrics phone = stored[^1];
        phone.Steps.Should().Be(9130);
        phone.SleepHours.Should().BeNull();
        phone.Hrv.Should().BeNull();
        JsonDocument.Parse((await phoneDay.JsonAsync()).GetProperty("data").GetString()!).RootElement
            .EnumerateObject().Select(p => p.Name).Should().Contain(["date", "steps", "workoutMinutes"])
            .And.NotContain(["sleepHours", "sleepEfficiency", "hrv", "restingHr", "trainingLoad", "stressScore", "moodScore", "energyScore"], "absent metrics are omitted, not written as 0 or null");
    }

    [Fact]
    public async Task Backup_DayWithNoMetricAtAll_Returns400NamingIt()
    {
        HttpResponseMessage response = await factory.ClientFor("pia2").PostRawAsync("/functions/v1/s3-upload",
            """{"data":[{"date":"2025-03-13","steps":100},{"date":"2025-03-14"}],"path":"metrics","filename":"b.json"}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorFieldsAsync()).Should().Equal("data[1].metrics");
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using HealthTwin.Agents.Model;

namespace HealthTwin.Samples.WebApi.Tests;

/// <summary>Request bodies and response helpers.</summary>
internal static class TestData
{
    public static readonly DateOnly Today = new(2025, 3, 14);

    public static DailyMetrics Day(DateOnly date) => new()
    {
        Date = date,
        SleepHours = 7.5,
        SleepEfficiency = 90,
        Hrv = 60,
        RestingHr = 60,
        Steps = 8000,
        WorkoutMinutes = 30,
        TrainingLoad = 40,
        StressScore = 40,
        MoodScore = 4,
        EnergyScore = 4,
    };

    /// <summary><paramref name="days"/> consecutive days ending at <see cref="Today"/>.</summary>
    public static DailyMetrics[] History(int days) => [.. Enumerable.Range(0, days).Select(i => Day(Today.AddDays(i - days + 1)))];

    public static object Profile() => new { age = 30, timeZone = "Europe/Berlin", sleepNeedHours = 8 };

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);

    /// <summary>Posts raw text as <c>application/json</c>.</summary>
    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>The field names of a validation problem's <c>errors</c>.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        JsonElement body = await response.JsonAsync();
        return body.TryGetProperty("errors", out JsonElement errors) ? [.. errors.EnumerateObject().Select(p => p.Name)] : [];
    }

    public static async Task<string> UploadAsync(this HttpClient client, string path, string filename, object data)
    {
        HttpResponseMessage response = await client.PostJsonAsync("/functions/v1/s3-upload", new { data, path, filename });
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("key").GetString()!;
    }
}

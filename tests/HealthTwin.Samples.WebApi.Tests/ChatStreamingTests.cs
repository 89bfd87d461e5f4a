using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using HealthTwin.Agents.Model;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.WebApi.Tests;

/// <summary>
/// <c>aws-bedrock-chat</c> streams server-sent events when asked: model text as ConverseStream produces it (through
/// the loopback Bedrock server), ending with the validated recommendations; a failure mid-stream ends with the local
/// fallback and the reason.
/// </summary>
public sealed class ChatStreamingTests : IAsyncLifetime
{
    private const string Chat = "/functions/v1/aws-bedrock-chat";
    private LoopbackBedrockServer _server = null!;
    private WebApiFactory _host = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        _server = await LoopbackBedrockServer.StartAsync();
        _host = CreateHost(_server.Endpoint);
    }

    private static WebApiFactory CreateHost(Uri endpoint) => new()
    {
        ExtraServices = services => services.AddDefaultAWSOptions(new AWSOptions
        {
            Credentials = new BasicAWSCredentials(LoopbackBedrockServer.AccessKey, LoopbackBedrockServer.SecretKey),
            Region = RegionEndpoint.USEast1,
        }),
        Settings =
        {
            ["HealthTwin:Bedrock:Enabled"] = "true",
            ["HealthTwin:Bedrock:ServiceUrl"] = endpoint.AbsoluteUri,
            ["HealthTwin:Bedrock:Region"] = "us-east-1",
            ["HealthTwin:Bedrock:MaxAttempts"] = "1",
            ["HealthTwin:Bedrock:Timeout"] = "00:00:10",
        },
    };

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Chat_StreamTrue_StreamsTheModelTextThenTheValidatedRecommendations()
    {
        string json = LoopbackBedrockReply.ValidRecommendationsJson.Trim();
        string[] pieces = [json[..20], json[20..90], json[90..]];
        _server.Enqueue(LoopbackBedrockReply.TextStream(pieces));

        HttpResponseMessage response = await _host.ClientFor("sia").PostJsonAsync(Chat, Body(stream: true));
        List<(string Event, JsonElement Data)> events = await EventsAsync(response);

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        _server.Requests.Should().ContainSingle().Which.Operation.Should().Be("converse-stream");
        events.Where(e => e.Event == "delta").Select(e => e.Data.GetProperty("text").GetString()).Should().Equal(pieces);
        (string last, JsonElement final) = events[^2];
        last.Should().Be("recommendations");
        final.TryGetProperty("fallbackReason", out _).Should().BeFalse();
        JsonElement recommendation = final.GetProperty("recommendations").EnumerateArray().Should().ContainSingle().Subject;
        recommendation.GetProperty("title").GetString().Should().Be("Go to bed 45 minutes earlier tonight");
        recommendation.GetProperty("agent").GetString().Should().Be("AWSBedrockAgent");
        recommendation.GetProperty("source").GetString().Should().NotBe("local");
        events[^1].Event.Should().Be("done");
    }

    [Fact]
    public async Task Chat_StreamBreaksMidway_EndsWithTheLocalFallbackAndTheReason()
    {
        _server.Enqueue(LoopbackBedrockReply.CorruptStream(3,
            ("messageStart", """{"role":"assistant"}"""),
            ("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"{\"recommendations\":["}}"""),
            ("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"{\"type\":\"sleep\","}}"""),
            ("contentBlockDelta", """{"contentBlockIndex":0,"delta":{"text":"\"title\":\"never arrives\""}}"""),
            ("messageStop", """{"stopReason":"end_turn"}""")));

        HttpResponseMessage response = await _host.ClientFor("tia").PostJsonAsync(Chat, Body(stream: true));
        List<(string Event, JsonElement Data)> events = await EventsAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        events.Count(e => e.Event == "delta").Should().BeGreaterThanOrEqualTo(1, "text arrived before the stream broke");
        JsonElement final = events.Single(e => e.Event == "recommendations").Data;
        final.GetProperty("fallbackReason").GetString().Should().NotBeNullOrEmpty();
        JsonElement[] recommendations = [.. final.GetProperty("recommendations").EnumerateArray()];
        recommendations.Should().NotBeEmpty().And.OnlyContain(r => r.GetProperty("source").GetString() == "local");
        recommendations.Select(r => r.GetProperty("agent").GetString()).Should().Contain("SleepAgent");
        events[^1].Event.Should().Be("done");
    }

    [Fact]
    public async Task Chat_AcceptEventStreamWithLocalAgents_StreamsOneRecommendationsEvent()
    {
        await using var local = new WebApiFactory();
        HttpClient client = local.ClientFor("uma");
        using var request = new HttpRequestMessage(HttpMethod.Post, Chat) { Content = JsonContent(Body(stream: null)) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        HttpResponseMessage response = await client.SendAsync(request);
        List<(string Event, JsonElement Data)> events = await EventsAsync(response);

        events.Select(e => e.Event).Should().Equal("recommendations", "done");
        events[0].Data.GetProperty("recommendations").EnumerateArray().Should().NotBeEmpty()
            .And.OnlyContain(r => r.GetProperty("source").GetString() == "local");
    }

    [Fact]
    public async Task Chat_NoStreamRequested_AnswersPlainJson()
    {
        HttpResponseMessage response = await _host.ClientFor("vea").PostJsonAsync(Chat, Body(stream: false));

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        _server.Requests.Should().ContainSingle().Which.Operation.Should().Be("converse");
    }

    private static object Body(bool? stream)
    {
        DailyMetrics[] week = TestData.History(7);
        week[^1] = week[^1] with { SleepHours = 5, Hrv = 45 };
        return new { context = new { profile = TestData.Profile(), today = week[^1], last7Days = week }, focus = "sleep optimization", stream };
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, Web), System.Text.Encoding.UTF8, "application/json");

    /// <summary>Parses a text/event-stream body into (event, data) pairs.</summary>
    private static async Task<List<(string Event, JsonElement Data)>> EventsAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        string body = (await response.Content.ReadAsStringAsync()).Replace("\r\n", "\n", StringComparison.Ordinal);
        List<(string, JsonElement)> events = [];
        foreach (string block in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            string data = string.Empty;
            foreach (string line in block.Split('\n'))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data += line[6..];
                }
            }

            events.Add((name ?? "message", JsonDocument.Parse(data).RootElement.Clone()));
        }

        return events;
    }
}

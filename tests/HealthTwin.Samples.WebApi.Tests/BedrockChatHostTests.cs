using System.Net;
using System.Text.Json;
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using HealthTwin.Agents.Model;
using HealthTwin.Aws.Bedrock;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.WebApi.Tests;

/// <summary>
/// The web host with <c>HealthTwin:Bedrock:Enabled</c>: <c>aws-bedrock-chat</c> goes through the real
/// <see cref="BedrockChatClient"/> (SigV4-signed) to the loopback Bedrock server, and falls back to the local agents
/// with a 200 when the model fails.
/// </summary>
public sealed class BedrockChatHostTests : IAsyncLifetime
{
    private const string Chat = "/functions/v1/aws-bedrock-chat";
    private const int MaxAttempts = 3;
    private LoopbackBedrockServer _server = null!;
    private WebApiFactory _host = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        _server = await LoopbackBedrockServer.StartAsync();
        _host = CreateHost(_server.Endpoint, LoopbackBedrockServer.SecretKey);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public void Host_BedrockEnabled_AnswersChatWithTheBedrockAnalyzer()
    {
        _host.Services.GetRequiredService<IFocusAnalyzer>().Should().BeOfType<BedrockFocusAnalyzer>();
    }

    [Fact]
    public async Task Chat_ModelAnswers_ReturnsTheModelsRecommendations()
    {
        HttpResponseMessage response = await _host.ClientFor("mia").PostJsonAsync(Chat, ChatBody("sleep optimization", model: "llama-3-3-70b"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        LoopbackBedrockRequest call = _server.Requests.Should().ContainSingle().Subject;
        call.SignatureError.Should().BeNull("the request is signed with the configured credentials");
        call.Operation.Should().Be("converse");
        call.ForcedToolName.Should().NotBeNullOrEmpty("the answer is forced through the recommendation tool");
        call.UserText.Should().Contain("sleep optimization");
        call.ModelId.Should().Be(BedrockChatClientOptions.DefaultModel, "the request's model is not used; HealthTwin:Bedrock:DefaultModel is");

        JsonElement recommendation = (await response.JsonAsync()).GetProperty("recommendations").EnumerateArray().Should().ContainSingle().Subject;
        recommendation.GetProperty("title").GetString().Should().Be("Go to bed 45 minutes earlier tonight");
        recommendation.GetProperty("type").GetString().Should().Be("sleep");
        recommendation.GetProperty("priority").GetString().Should().Be("high");
        recommendation.GetProperty("agent").GetString().Should().Be("AWSBedrockAgent", "a focus answer of the model carries the app's AI agent name");
        recommendation.GetProperty("source").GetString().Should().Be(call.ModelId);
    }

    [Fact]
    public async Task Chat_SameQuestionTwice_AsksTheModelOnce()
    {
        HttpClient client = _host.ClientFor("nina");

        HttpResponseMessage first = await client.PostJsonAsync(Chat, ChatBody("sleep optimization"));
        HttpResponseMessage second = await client.PostJsonAsync(Chat, ChatBody("sleep optimization"));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        _server.RequestCount.Should().Be(1, "the second answer comes from the cache");
        (await IdsAndSourcesAsync(second)).Should().Equal(await IdsAndSourcesAsync(first)).And.OnlyContain(r => r.Source == BedrockChatClientOptions.DefaultModel);
    }

    [Theory]
    [InlineData(500, "InternalServerException", MaxAttempts)]
    [InlineData(503, "ServiceUnavailableException", MaxAttempts)]
    [InlineData(429, "ThrottlingException", MaxAttempts)]
    [InlineData(403, "AccessDeniedException", 1)]
    [InlineData(400, "ValidationException", 1)]
    public async Task Chat_ModelFails_Returns200WithTheLocalFallback(int status, string errorType, int expectedCalls)
    {
        _server.Responder = _ => LoopbackBedrockReply.Error(status, errorType);

        HttpResponseMessage response = await _host.ClientFor("omar").PostJsonAsync(Chat, ChatBody("sleep optimization"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        _server.RequestCount.Should().Be(expectedCalls, "only throttling and 5xx are retried, up to MaxAttempts");
        await ShouldBeLocalSleepFallbackAsync(response);
    }

    [Fact]
    public async Task Chat_WrongSecret_SignatureRejectedAndReturns200WithTheLocalFallback()
    {
        await using WebApiFactory host = CreateHost(_server.Endpoint, secretKey: "not-the-loopback-secret");

        HttpResponseMessage response = await host.ClientFor("pete").PostJsonAsync(Chat, ChatBody("sleep optimization"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        _server.RejectedCount.Should().Be(1, "the loopback server verifies SigV4 like AWS and answers 403");
        await ShouldBeLocalSleepFallbackAsync(response);
    }

    [Fact]
    public async Task Chat_ModelAnswersGarbage_Returns200WithTheLocalFallback()
    {
        _server.Responder = _ => LoopbackBedrockReply.ToolUse("""{"recommendations":[{"title":"no type, no rationale"}]}""");

        HttpResponseMessage response = await _host.ClientFor("quentin").PostJsonAsync(Chat, ChatBody("sleep optimization"));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await ShouldBeLocalSleepFallbackAsync(response);
    }

    [Fact]
    public async Task Analyze_BedrockEnabled_RunsTheBedrockAgentsBesideTheLocalOnes()
    {
        HttpResponseMessage response = await _host.ClientFor("rosa").PostJsonAsync("/api/analyze", new { profile = TestData.Profile(), metrics = TestData.History(14) });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        JsonElement analysis = await response.JsonAsync();
        Dictionary<string, string?> statuses = analysis.GetProperty("agents").EnumerateArray()
            .ToDictionary(a => a.GetProperty("agentId").GetString()!, a => a.GetProperty("status").GetString());
        statuses.Should().ContainKeys("sleep", "bedrock-sleep", "fitness-coach", "bedrock-fitness-coach");
        statuses["bedrock-sleep"].Should().Be("succeeded");
        analysis.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("source").GetString())
            .Should().Contain(BedrockChatClientOptions.DefaultModel).And.Contain("local");
    }

    /// <summary>A host with Bedrock enabled against <paramref name="endpoint"/>, fast retries, and AWSOptions with the loopback key pair.</summary>
    private static WebApiFactory CreateHost(Uri endpoint, string secretKey) => new()
    {
        ExtraServices = services => services.AddDefaultAWSOptions(new AWSOptions
        {
            Credentials = new BasicAWSCredentials(LoopbackBedrockServer.AccessKey, secretKey),
            Region = RegionEndpoint.USEast1,
        }),
        Settings =
        {
            ["HealthTwin:Bedrock:Enabled"] = "true",
            ["HealthTwin:Bedrock:ServiceUrl"] = endpoint.AbsoluteUri,
            ["HealthTwin:Bedrock:Region"] = "us-east-1",
            ["HealthTwin:Bedrock:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HealthTwin:Bedrock:RetryBaseDelay"] = "00:00:00.010",
            ["HealthTwin:Bedrock:RetryMaxDelay"] = "00:00:00.050",
            ["HealthTwin:Bedrock:Timeout"] = "00:00:10",
            ["HealthTwin:Bedrock:RetryBudget"] = "00:00:20",
        },
    };

    /// <summary>A week ending in a short night, so the local sleep agent has something to say.</summary>
    private static object ChatBody(string focus, string? model = null)
    {
        DailyMetrics[] week = TestData.History(7);
        week[^1] = week[^1] with { SleepHours = 5, Hrv = 45 };
        return new { context = new { profile = TestData.Profile(), today = week[^1], last7Days = week }, focus, model };
    }

    private static async Task<List<(string? Id, string? Source)>> IdsAndSourcesAsync(HttpResponseMessage response) =>
        [.. (await response.JsonAsync()).GetProperty("recommendations").EnumerateArray().Select(r => (r.GetProperty("id").GetString(), r.GetProperty("source").GetString()))];

    private static async Task ShouldBeLocalSleepFallbackAsync(HttpResponseMessage response)
    {
        JsonElement[] recommendations = [.. (await response.JsonAsync()).GetProperty("recommendations").EnumerateArray()];
        recommendations.Should().NotBeEmpty("the local agents answer when the model cannot");
        recommendations.Should().OnlyContain(r => r.GetProperty("source").GetString() == "local");
        recommendations.Select(r => r.GetProperty("agent").GetString()).Should().Contain("SleepAgent");
    }
}

using System.Net;
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using HealthTwin.Agents.Model;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.WebApi.Tests.ScaleOut;

/// <summary>
/// Two host instances sharing a real Redis (<c>ConnectionStrings:Redis</c>): a user limited on one is limited on the
/// other, an AI answer cached by one is a cache hit on the other, and Redis going away degrades to in-process.
/// </summary>
public sealed class RedisScaleOutTests : IAsyncLifetime
{
    private const string Chat = "/functions/v1/aws-bedrock-chat";
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task RateLimit_UserLimitedOnOneInstance_IsLimitedOnTheOther()
    {
        await using WebApiFactory first = Instance(aiPermits: 2);
        await using WebApiFactory second = Instance(aiPermits: 2);

        HttpResponseMessage a = await first.ClientFor("ola").PostRawAsync(Chat, "{}");
        HttpResponseMessage b = await second.ClientFor("ola").PostRawAsync(Chat, "{}");
        HttpResponseMessage c = await first.ClientFor("ola").PostRawAsync(Chat, "{}");
        HttpResponseMessage d = await second.ClientFor("ola").PostRawAsync(Chat, "{}");
        HttpResponseMessage other = await second.ClientFor("per").PostRawAsync(Chat, "{}");

        a.StatusCode.Should().Be(HttpStatusCode.BadRequest, "let through, then rejected by validation");
        b.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        c.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the two permits were used across both instances");
        d.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        other.StatusCode.Should().Be(HttpStatusCode.BadRequest, "another user has their own window");
    }

    [Fact]
    public async Task RateLimit_WithoutRedis_EachInstanceCountsOnItsOwn()
    {
        await using WebApiFactory first = Instance(aiPermits: 1, redis: false);
        await using WebApiFactory second = Instance(aiPermits: 1, redis: false);

        HttpResponseMessage a = await first.ClientFor("ola").PostRawAsync(Chat, "{}");
        HttpResponseMessage b = await second.ClientFor("ola").PostRawAsync(Chat, "{}");

        a.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        b.StatusCode.Should().Be(HttpStatusCode.BadRequest, "without ConnectionStrings:Redis limits stay in-process");
    }

    [Fact]
    public async Task AiCache_AnswerCachedByOneInstance_IsAHitOnTheOther()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        await using LoopbackBedrockServer bedrock = await LoopbackBedrockServer.StartAsync();
        await using WebApiFactory first = Instance(aiPermits: 100, bedrock: bedrock.Endpoint);
        await using WebApiFactory second = Instance(aiPermits: 100, bedrock: bedrock.Endpoint);

        HttpResponseMessage one = await first.ClientFor("rae").PostJsonAsync(Chat, ChatBody());
        await WaitForRedisKeysAsync(first);
        HttpResponseMessage two = await second.ClientFor("rae").PostJsonAsync(Chat, ChatBody());

        one.StatusCode.Should().Be(HttpStatusCode.OK, await one.Content.ReadAsStringAsync());
        two.StatusCode.Should().Be(HttpStatusCode.OK);
        bedrock.RequestCount.Should().Be(1, "the second instance found the first one's answer in Redis");
        static async Task<string?[]> TitlesAsync(HttpResponseMessage r) =>
            [.. (await r.JsonAsync()).GetProperty("recommendations").EnumerateArray().Select(x => x.GetProperty("title").GetString())];
        (await TitlesAsync(two)).Should().Equal(await TitlesAsync(one)).And.Contain("Go to bed 45 minutes earlier tonight");
    }

    [Fact]
    public async Task RedisGoesAway_RequestsStillSucceedAndLimitsFallBackToInProcess()
    {
        await using WebApiFactory host = Instance(aiPermits: 2);
        HttpClient client = host.ClientFor("sol");
        (await client.PostRawAsync(Chat, "{}")).StatusCode.Should().Be(HttpStatusCode.BadRequest, "Redis is up");

        await _redis.StopAsync();
        HttpResponseMessage list = await client.PostRawAsync("/functions/v1/s3-list", "{}");
        HttpResponseMessage chat1 = await client.PostJsonAsync(Chat, ChatBody());
        HttpResponseMessage chat2 = await client.PostRawAsync(Chat, "{}");
        HttpResponseMessage chat3 = await client.PostRawAsync(Chat, "{}");

        list.StatusCode.Should().Be(HttpStatusCode.OK, "storage does not need Redis");
        chat1.StatusCode.Should().Be(HttpStatusCode.OK, "the AI cache degrades to memory, it does not fail the request");
        chat2.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        chat3.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "limits are still enforced, per instance");
    }

    private WebApiFactory Instance(int aiPermits, bool redis = true, Uri? bedrock = null)
    {
        var host = new WebApiFactory { AiPermitsPerMinute = aiPermits };
        if (redis)
        {
            host.Settings["ConnectionStrings:Redis"] = _redis.ConnectionString;
        }

        if (bedrock is not null)
        {
            host = new WebApiFactory
            {
                AiPermitsPerMinute = aiPermits,
                ExtraServices = services => services.AddDefaultAWSOptions(new AWSOptions
                {
                    Credentials = new BasicAWSCredentials(LoopbackBedrockServer.AccessKey, LoopbackBedrockServer.SecretKey),
                    Region = RegionEndpoint.USEast1,
                }),
                Settings =
                {
                    ["ConnectionStrings:Redis"] = _redis.ConnectionString,
                    ["HealthTwin:Bedrock:Enabled"] = "true",
                    ["HealthTwin:Bedrock:ServiceUrl"] = bedrock.AbsoluteUri,
                    ["HealthTwin:Bedrock:Region"] = "us-east-1",
                    ["HealthTwin:Bedrock:MaxAttempts"] = "1",
                },
            };
        }

        return host;
    }

    /// <summary>HybridCache writes its second level as part of the first call; wait until Redis holds an entry.</summary>
    private static async Task WaitForRedisKeysAsync(WebApiFactory host)
    {
        var redis = host.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>();
        for (int i = 0; i < 100; i++)
        {
            StackExchange.Redis.IServer server = redis.GetServers()[0];
            if (server.Keys(pattern: "healthtwin:cache:*").Any())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("no cache entry reached Redis");
    }

    private static object ChatBody()
    {
        DailyMetrics[] week = TestData.History(7);
        week[^1] = week[^1] with { SleepHours = 5, Hrv = 45 };
        return new { context = new { profile = TestData.Profile(), today = week[^1], last7Days = week }, focus = "sleep optimization" };
    }
}

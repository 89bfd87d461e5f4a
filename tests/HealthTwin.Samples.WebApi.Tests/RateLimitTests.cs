using System.Net;

namespace HealthTwin.Samples.WebApi.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Chat_MoreThanThePermitsPerMinute_Returns429WithRetryAfterAndProblemDetails()
    {
        await using var factory = new WebApiFactory { AiPermitsPerMinute = 2 };
        HttpClient client = factory.ClientFor("quinn");

        HttpResponseMessage first = await client.PostRawAsync("/functions/v1/aws-bedrock-chat", "{}");
        HttpResponseMessage second = await client.PostRawAsync("/functions/v1/aws-bedrock-chat", "{}");
        HttpResponseMessage third = await client.PostRawAsync("/functions/v1/aws-bedrock-chat", "{}");

        first.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the first two calls are let through (and fail validation)");
        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        third.Headers.RetryAfter!.Delta.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1)).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        third.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await third.JsonAsync()).GetProperty("status").GetInt32().Should().Be(429);
    }

    [Fact]
    public async Task Chat_OneUserAtTheLimit_DoesNotLimitAnotherUser()
    {
        await using var factory = new WebApiFactory { AiPermitsPerMinute = 1 };
        HttpClient rita = factory.ClientFor("rita");
        HttpClient sam = factory.ClientFor("sam");

        await rita.PostRawAsync("/functions/v1/aws-bedrock-chat", "{}");
        HttpResponseMessage ritaAgain = await rita.PostRawAsync("/functions/v1/aws-bedrock-chat", "{}");
        HttpResponseMessage samFirst = await sam.PostRawAsync("/functions/v1/aws-bedrock-chat", "{}");

        ritaAgain.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        samFirst.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
    }

    [Theory]
    [InlineData("/functions/v1/s3-list", "{}", "Too many storage requests.")]
    [InlineData("/functions/v1/s3-download", """{"key":"reports/x.json"}""", "Too many storage requests.")]
    [InlineData("/functions/v1/s3-upload", """{"data":"x","path":"reports","filename":"x.txt"}""", "Too many storage requests.")]
    [InlineData("/api/analyze", """{"profile":{}}""", "Too many analysis requests.")]
    [InlineData("/api/reports", """{"period":"month","month":"2025-01"}""", "Too many report requests.")]
    public async Task Endpoint_BeyondItsPerUserLimit_Returns429(string path, string body, string title)
    {
        await using var factory = new WebApiFactory { PermitsPerMinute = 2 };
        HttpClient client = factory.ClientFor("uli");

        HttpResponseMessage first = await client.PostRawAsync(path, body);
        HttpResponseMessage second = await client.PostRawAsync(path, body);
        HttpResponseMessage third = await client.PostRawAsync(path, body);
        HttpResponseMessage otherUser = await factory.ClientFor("vic").PostRawAsync(path, body);

        first.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
        second.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests);
        third.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        third.Headers.RetryAfter.Should().NotBeNull();
        (await third.JsonAsync()).GetProperty("title").GetString().Should().Be(title);
        otherUser.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests, "limits are per user");
    }

    [Fact]
    public async Task StorageEndpoints_BeyondTheAiLimit_AreNotLimited()
    {
        await using var factory = new WebApiFactory { AiPermitsPerMinute = 1 };
        HttpClient client = factory.ClientFor("tom");

        HttpStatusCode[] statuses = [.. await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ => (await client.PostRawAsync("/functions/v1/s3-list", "{}")).StatusCode))];

        statuses.Should().OnlyContain(s => s == HttpStatusCode.OK);
    }
}

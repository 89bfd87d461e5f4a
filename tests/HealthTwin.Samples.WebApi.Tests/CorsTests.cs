using System.Net;

namespace HealthTwin.Samples.WebApi.Tests;

public sealed class CorsTests
{
    [Theory]
    [InlineData("https://app.example", true)]
    [InlineData("https://evil.example", false)]
    public async Task Preflight_Origin_IsAllowedOnlyWhenConfigured(string origin, bool allowed)
    {
        await using var factory = new WebApiFactory { Settings = { ["Cors:AllowedOrigins:0"] = "https://app.example" } };
        using var request = new HttpRequestMessage(HttpMethod.Options, "/functions/v1/s3-list");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        HttpResponseMessage response = await factory.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out IEnumerable<string>? origins).Should().Be(allowed);
        if (allowed)
        {
            origins.Should().Equal(origin);
        }
    }

    [Fact]
    public async Task Preflight_WildcardConfigured_AllowsAnyOriginLikeTheEdgeFunctions()
    {
        await using var factory = new WebApiFactory { Settings = { ["Cors:AllowedOrigins:0"] = "*" } };
        using var request = new HttpRequestMessage(HttpMethod.Options, "/functions/v1/aws-bedrock-chat");
        request.Headers.Add("Origin", "http://localhost:5173");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,x-client-info,apikey,content-type");

        HttpResponseMessage response = await factory.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().Contain("x-client-info").And.Contain("apikey");
    }
}

using System.Net;
using System.Net.Http.Headers;

namespace HealthTwin.Samples.WebApi.Tests;

public sealed class AuthenticationTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "/functions/v1/aws-bedrock-chat" },
        { "POST", "/functions/v1/s3-upload" },
        { "POST", "/functions/v1/s3-download" },
        { "GET", "/functions/v1/s3-download?key=reports/x.json" },
        { "POST", "/functions/v1/s3-list" },
        { "POST", "/api/analyze" },
        { "POST", "/api/reports" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_NoToken_Returns401ProblemDetails(string method, string path)
    {
        HttpResponseMessage response = await SendAsync(method, path, token: null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Bearer");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WrongSignature_Returns401(string method, string path) =>
        (await SendAsync(method, path, TestTokens.WrongSignature("alice"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_ExpiredToken_Returns401(string method, string path) =>
        (await SendAsync(method, path, TestTokens.Expired("alice"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task List_UnsignedAlgNoneToken_Returns401() =>
        (await SendAsync("POST", "/functions/v1/s3-list", TestTokens.Unsigned("alice"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task List_TokenSignedWithHs512_Returns401BecauseOnlyHs256IsAccepted() =>
        (await SendAsync("POST", "/functions/v1/s3-list", TestTokens.Hs512("alice"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task List_MalformedBearerValue_Returns401() =>
        (await SendAsync("POST", "/functions/v1/s3-list", "not-a-jwt")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData("../bob")]
    [InlineData("alice/../bob")]
    [InlineData("a%2Fb")]
    [InlineData(".hidden")]
    [InlineData("ünïcode")]
    public async Task List_SubjectThatIsNoStorageId_Returns403(string subject)
    {
        HttpResponseMessage response = await SendAsync("POST", "/functions/v1/s3-list", TestTokens.Valid(subject));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task List_TokenWithoutSubject_Returns403() =>
        (await SendAsync("POST", "/functions/v1/s3-list", TestTokens.WithoutSubject())).StatusCode.Should().Be(HttpStatusCode.Forbidden);

    [Fact]
    public async Task List_ValidToken_Returns200() =>
        (await SendAsync("POST", "/functions/v1/s3-list", TestTokens.Valid("3f2a9c1e-5b7d-4e2a-9c1e-5b7d4e2a9c1e"))).StatusCode.Should().Be(HttpStatusCode.OK);

    [Fact]
    public async Task OpenApiDocument_NoToken_IsServedWithTheSixEndpoints()
    {
        HttpResponseMessage response = await factory.CreateClient().GetAsync("/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        string document = await response.Content.ReadAsStringAsync();
        document.Should().Contain("/functions/v1/aws-bedrock-chat").And.Contain("/functions/v1/s3-upload")
            .And.Contain("/functions/v1/s3-download").And.Contain("/functions/v1/s3-list").And.Contain("/api/analyze").And.Contain("/api/reports")
            .And.Contain("\"bearerFormat\": \"JWT\"");
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await factory.CreateClient().SendAsync(request);
    }
}

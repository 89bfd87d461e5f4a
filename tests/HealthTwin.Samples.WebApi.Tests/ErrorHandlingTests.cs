using System.Net;
using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.WebApi.Tests;

/// <summary>Bad input gets 400 problem details naming the field; nothing ever shows a stack trace or .NET type name (in Development too).</summary>
public sealed class ErrorHandlingTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    private const string Day = """{"date":"2025-03-14","sleepHours":7,"sleepEfficiency":90,"hrv":60,"restingHr":60,"steps":1,"workoutMinutes":0,"trainingLoad":0,"stressScore":0,"moodScore":3,"energyScore":3}""";

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { "/api/analyze", """{"profile":{},"metrics":[{"date":"2025-03-14"}]}""", "2025-03-14.metrics" },
        { "/api/analyze", """{"profile":{},"metrics":[{"date":"2025-03-14","sleepHours":"seven"}]}""", "metrics[0].sleepHours" },
        { "/api/analyze", """{"profile":{},"metrics":[{"date":"14.03.2025","sleepHours":7}]}""", "metrics[0].date" },
        { "/api/analyze", """{"profile":{"goal":"fly"}}""", "profile.goal" },
        { "/api/analyze", """{"profile":{"age":"old"}}""", "profile.age" },
        { "/api/analyze", """{"profile":""", "profile" },
        { "/api/analyze", """{"profile":{}, "metrics":[""" + Day.Replace("\"sleepHours\":7", "\"sleepHours\":25", StringComparison.Ordinal) + "]}", "2025-03-14.sleepHours" },
        { "/api/analyze", """{"profile":{"age":300}, "metrics":[""" + Day + "]}", "profile.age" },
        { "/api/analyze", """{"profile":{"timeZone":"Mars/Olympus"}, "metrics":[""" + Day + "]}", "profile.timeZone" },
        { "/api/analyze", """{"metrics":[]}""", "profile" },
        { "/api/analyze", "[1,2]", "body" },
        { "/api/analyze", "null", "body" },
        { "/api/analyze", "", "body" },
        { "/functions/v1/aws-bedrock-chat", """{"context":{"profile":{},"today":{"date":"2025-03-14","hrv":-1}},"focus":"x"}""", "2025-03-14.hrv" },
        { "/functions/v1/aws-bedrock-chat", """{"context":{"profile":{},"today":""" + Day.Replace("\"hrv\":60", "\"hrv\":0", StringComparison.Ordinal) + """},"focus":"sleep"}""", "2025-03-14.hrv" },
        { "/functions/v1/aws-bedrock-chat", """{"context":"yes","focus":"sleep"}""", "context" },
        { "/functions/v1/s3-upload", """{"path":"reports","filename":"a.json"}""", "data" },
        { "/functions/v1/s3-upload", """{"data":1,"path":"Reports!","filename":"a.json"}""", "path" },
        { "/functions/v1/s3-upload", """{"data":1,"path":"reports","filename":"a/b.json"}""", "filename" },
        { "/functions/v1/s3-upload", """{"data":1,"path":"reports"}""", "filename" },
        { "/functions/v1/s3-upload", """{"data":"@@@","path":"reports","filename":"a.bin","encoding":"base64"}""", "data" },
        { "/functions/v1/s3-upload", """{"data":"x","path":"reports","filename":"a.txt","encoding":"latin1"}""", "encoding" },
        { "/functions/v1/s3-upload", """{"data":"x","path":"reports","filename":"a.txt","contentType":"not a mime type"}""", "contentType" },
        { "/functions/v1/s3-upload", """{"data":{"not":"an array"},"path":"metrics","filename":"b.json"}""", "data" },
        { "/functions/v1/s3-upload", """{"data":[],"path":"metrics","filename":"b.json"}""", "data" },
        { "/functions/v1/s3-upload", """{"data":[{"date":"2025-03-14"}],"path":"metrics","filename":"b.json"}""", "2025-03-14.metrics" },
        { "/functions/v1/s3-upload", """{"data":[""" + Day.Replace("\"moodScore\":3", "\"moodScore\":9", StringComparison.Ordinal) + """],"path":"metrics","filename":"b.json"}""", "2025-03-14.moodScore" },
        { "/functions/v1/s3-upload", """{"data":[""" + Day + "," + Day + """],"path":"metrics","filename":"b.json"}""", "2025-03-14.date" },
        { "/functions/v1/s3-download", "{}", "key" },
        { "/functions/v1/s3-download", """{"key":42}""", "key" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Endpoint_MalformedBody_Returns400ProblemNamingTheFieldWithoutInternals(string path, string json, string field)
    {
        HttpResponseMessage response = await factory.ClientFor("uma").PostRawAsync(path, json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.ErrorFieldsAsync()).Should().Contain(field);
        AssertNoInternals(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Analyze_WrongContentType_Returns415Problem()
    {
        HttpResponseMessage response = await factory.ClientFor("uma").PostAsync("/api/analyze", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        AssertNoInternals(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Chat_UnexpectedException_Returns500WithoutMessageTypeOrStackTrace()
    {
        await using var failing = new WebApiFactory { ExtraServices = s => s.AddSingleton<IFocusAnalyzer, FailingAnalyzer>() };
        DailyMetrics[] week = TestData.History(7);

        HttpResponseMessage response = await failing.ClientFor("vic").PostJsonAsync("/functions/v1/aws-bedrock-chat", new
        {
            context = new { profile = TestData.Profile(), today = week[^1], last7Days = week },
            focus = "sleep",
        });

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        string body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain(FailingAnalyzer.Secret).And.NotContain("FailingAnalyzer").And.NotContain("NotSupportedException");
        AssertNoInternals(body);
        (await response.JsonAsync()).TryGetProperty("traceId", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Upload_BodyOverTheLimitOnKestrel_Returns413Problem()
    {
        await using var limited = new WebApiFactory { MaxRequestBodyBytes = 1024 };
        limited.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        limited.StartServer();
        HttpClient client = limited.ClientFor("wes");
        client.BaseAddress!.Host.Should().Be("127.0.0.1");

        HttpResponseMessage small = await client.PostJsonAsync("/functions/v1/s3-upload", new { data = new string('a', 100), path = "reports", filename = "small.txt" });
        HttpResponseMessage large = await client.PostJsonAsync("/functions/v1/s3-upload", new { data = new string('a', 4096), path = "reports", filename = "large.txt" });

        small.StatusCode.Should().Be(HttpStatusCode.OK);
        large.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        AssertNoInternals(await large.Content.ReadAsStringAsync());
    }

    private static void AssertNoInternals(string body)
    {
        body.Should().NotContain("   at ").And.NotContain("HealthTwin.").And.NotContain("System.").And.NotContain("Microsoft.")
            .And.NotContain("Exception").And.NotContain("Request").And.NotContain("Parameter '");
    }

    private sealed class FailingAnalyzer : IFocusAnalyzer
    {
        public const string Secret = "internal detail: bucket healthtwin-prod, key AKIA...";

        public Task<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, string focus, string? model, CancellationToken cancellationToken) =>
            throw new NotSupportedException(Secret);
    }
}

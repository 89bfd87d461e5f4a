using System.Net;
using System.Text.Json;
using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Samples.WebApi.Tests;

public sealed class AnalyzeEndpointTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    [Fact]
    public async Task Analyze_MetricsInBody_ReturnsTheFullAnalysisOfAllTenAgents()
    {
        HttpResponseMessage response = await factory.ClientFor("kim").PostJsonAsync("/api/analyze", new
        {
            profile = TestData.Profile(),
            metrics = TestData.History(14),
            contextData = new { season = "winter" },
            sleepEnvironment = new { temperatureCelsius = 22.5, noiseDb = 30 },
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonElement analysis = await response.JsonAsync();
        analysis.GetProperty("userId").GetString().Should().Be("kim");
        analysis.GetProperty("date").GetString().Should().Be("2025-03-14");
        analysis.GetProperty("recommendations").ValueKind.Should().Be(JsonValueKind.Array);
        analysis.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("agentId").GetString()).Should().HaveCount(10).And.Contain("sleep", "planner");
        analysis.GetProperty("agents").EnumerateArray().Should().OnlyContain(a => a.GetProperty("status").GetString() == "succeeded");
    }

    [Fact]
    public async Task Analyze_AgentThrows_ReportsFailedWithoutTheExceptionDetails()
    {
        await using var throwing = new WebApiFactory { ExtraServices = s => s.AddHealthTwin().AddAgent(new ThrowingAgent()) };

        HttpResponseMessage response = await throwing.ClientFor("lee").PostJsonAsync("/api/analyze", new { profile = TestData.Profile(), metrics = TestData.History(3) });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        string body = await response.Content.ReadAsStringAsync();
        JsonElement report = (await response.JsonAsync()).GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agentId").GetString() == "throwing");
        report.GetProperty("status").GetString().Should().Be("failed");
        report.TryGetProperty("errorType", out _).Should().BeFalse();
        body.Should().NotContain(ThrowingAgent.Secret).And.NotContain("InvalidOperationException");
    }

    private sealed class ThrowingAgent : IAIAgent
    {
        public const string Secret = "connection string Server=db;Password=hunter2";

        public string Id => "throwing";

        public string Name => "Throwing";

        public string Description => "Always fails.";

        public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}

using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;

namespace HealthTwin.Samples.WebApi.Tests;

public sealed class LocalFocusAnalyzerTests
{
    [Theory]
    [InlineData("sleep optimization", new[] { RecommendationType.Sleep })]
    [InlineData("Training intensity", new[] { RecommendationType.Training })]
    [InlineData("stress management", new[] { RecommendationType.Stress, RecommendationType.Break })]
    [InlineData("nutrition and hydration", new[] { RecommendationType.Nutrition })]
    [InlineData("forecast my week", new[] { RecommendationType.Simulation })]
    [InlineData("sleep and workout", new[] { RecommendationType.Sleep, RecommendationType.Training })]
    [InlineData("general wellbeing", new RecommendationType[0])]
    public void TypesFor_Focus_MapsKeywordsToTypes(string focus, RecommendationType[] expected) =>
        LocalFocusAnalyzer.TypesFor(focus).Should().BeEquivalentTo(expected);

    [Fact]
    public async Task AnalyzeAsync_SleepFocus_ReturnsSleepAndAlertRecommendationsOnly()
    {
        IReadOnlyList<AgentRecommendation> result = await AnalyzeAsync("sleep optimization");

        result.Select(r => r.Type).Should().BeEquivalentTo([RecommendationType.Sleep, RecommendationType.Alert]);
    }

    [Fact]
    public async Task AnalyzeAsync_StressFocus_ReturnsStressBreakAndAlert()
    {
        IReadOnlyList<AgentRecommendation> result = await AnalyzeAsync("stress");

        result.Select(r => r.Type).Should().BeEquivalentTo([RecommendationType.Stress, RecommendationType.Break, RecommendationType.Alert]);
    }

    [Fact]
    public async Task AnalyzeAsync_FocusWithoutKeyword_ReturnsEverything()
    {
        IReadOnlyList<AgentRecommendation> result = await AnalyzeAsync("how am I doing?");

        result.Should().HaveCount(Enum.GetValues<RecommendationType>().Length);
    }

    private static async Task<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(string focus)
    {
        var analyzer = new LocalFocusAnalyzer(new AgentOrchestrator([new OneOfEachTypeAgent()]));
        AgentContext context = new AgentContextFactory().Create("focus-user", new UserProfile(), TestData.History(3));
        return await analyzer.AnalyzeAsync(context, focus, model: null, CancellationToken.None);
    }

    private sealed class OneOfEachTypeAgent : IAIAgent
    {
        public string Id => "one-of-each";

        public string Name => "One of each";

        public string Description => "One recommendation of every type.";

        public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>(
            [
                .. Enum.GetValues<RecommendationType>().Select(type => new AgentRecommendation
                {
                    Id = RecommendationId.Create(Id, type.ToString().ToLowerInvariant(), context.Today.Date),
                    CreatedAt = context.AnalyzedAt,
                    Agent = Id,
                    Type = type,
                    Title = type.ToString(),
                    Rationale = "Test.",
                    Priority = RecommendationPriority.Medium,
                }),
            ]);
    }
}

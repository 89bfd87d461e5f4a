using HealthTwin.Agents;
using HealthTwin.Agents.Model;

namespace HealthTwin.Samples.WebApi.Tests;

/// <summary>An <see cref="IFocusAnalyzer"/> that records what it was asked and answers one fixed recommendation.</summary>
internal sealed class RecordingAnalyzer : IFocusAnalyzer
{
    public static readonly DateTimeOffset CreatedAt = new(2025, 3, 14, 7, 0, 0, TimeSpan.Zero);

    public AgentContext? Context { get; private set; }

    public string? Focus { get; private set; }

    public string? Model { get; private set; }

    public Task<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, string focus, string? model, CancellationToken cancellationToken)
    {
        (Context, Focus, Model) = (context, focus, model);
        return Task.FromResult<IReadOnlyList<AgentRecommendation>>(
        [
            new AgentRecommendation
            {
                Id = RecommendationId.Create("fitness-coach", "deload", context.Today.Date),
                CreatedAt = CreatedAt,
                Agent = "fitness-coach",
                Type = RecommendationType.Training,
                Title = "Take a lighter day",
                Rationale = "Short sleep.",
                Priority = RecommendationPriority.High,
                Actions = RecommendationAction.Standard("Plan an easy session"),
                Source = model ?? "local",
            },
        ]);
    }

    public async IAsyncEnumerable<HealthTwin.Aws.AI.AIStreamUpdate> StreamAsync(AgentContext context, string focus, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new HealthTwin.Aws.AI.AIStreamUpdate { Text = "thinking" };
        yield return new HealthTwin.Aws.AI.AIStreamUpdate { Recommendations = await AnalyzeAsync(context, focus, model: null, cancellationToken) };
    }
}

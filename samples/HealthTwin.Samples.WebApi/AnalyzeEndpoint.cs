using System.Security.Claims;
using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthTwin.Samples.WebApi;

/// <summary><c>POST /api/analyze</c>: the full orchestrator result of the local agents for the caller.</summary>
internal static class AnalyzeEndpoint
{
    /// <summary>How many days back from the latest stored day are analysed when the request sends no metrics.</summary>
    public const int StoredDays = 90;

    public static void MapAnalyzeEndpoint(this IEndpointRouteBuilder routes) => routes.MapPost("/api/analyze", AnalyzeAsync).RequireRateLimiting(UserRateLimiting.AnalyzePolicy);

    private static async Task<Results<Ok<AgentAnalysis>, ValidationProblem>> AnalyzeAsync(
        AnalyzeRequest request, ClaimsPrincipal user, AgentContextFactory contexts, AgentOrchestrator orchestrator, IMetricsStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Profile is null)
        {
            return Problems.Field("profile", "is required.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        RequestChecks.Days(request.Metrics, "metrics", DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), errors);
        RequestChecks.ContextData(request.ContextData, "contextData", errors);
        RequestChecks.SleepEnvironment(request.SleepEnvironment, "sleepEnvironment", errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }

        string userId = user.UserId();
        IReadOnlyList<DailyMetrics> history = request.Metrics is { Count: > 0 } sent ? RequestChecks.CleanNotes(sent) : await LoadStoredAsync(store, userId, cancellationToken);
        if (history.Count == 0)
        {
            return Problems.Field("metrics", "is required: send at least one day, or back the days up first (s3-upload with path 'metrics').");
        }

        AgentContext context = await contexts.CreateAsync(
            userId, request.Profile, history, new AgentContextOptions { ContextData = request.ContextData, SleepEnvironment = request.SleepEnvironment }, cancellationToken);
        AgentAnalysis analysis = await orchestrator.AnalyzeAsync(context, cancellationToken);

        // A failed agent's exception stays in the server log (the orchestrator logs it); the client sees only its status.
        return TypedResults.Ok(analysis with
        {
            Agents = [.. analysis.Agents.Select(a => a.Status == AgentRunStatus.Failed ? a with { Error = "The agent failed; see the server log.", ErrorType = null } : a)],
        });
    }

    private static async Task<IReadOnlyList<DailyMetrics>> LoadStoredAsync(IMetricsStore store, string userId, CancellationToken cancellationToken)
    {
        DateOnly? latest = null;
        await foreach (DateOnly date in store.ListDatesAsync(userId, cancellationToken))
        {
            latest = date; // ascending
        }

        return latest is { } last ? await store.LoadAsync(userId, last.AddDays(1 - StoredDays), last, cancellationToken) : [];
    }
}

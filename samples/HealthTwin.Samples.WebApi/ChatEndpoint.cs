using System.Security.Claims;
using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthTwin.Samples.WebApi;

/// <summary><c>POST /functions/v1/aws-bedrock-chat</c>: recommendations for a focus, rate-limited per user.</summary>
internal static class ChatEndpoint
{
    public const int MaxFocusLength = 200;

    public static void MapChatEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/functions/v1/aws-bedrock-chat", ChatAsync).RequireRateLimiting(AiRateLimiting.PolicyName);

    private static async Task<Results<Ok<ChatResponse>, ValidationProblem>> ChatAsync(
        ChatRequest request, ClaimsPrincipal user, AgentContextFactory contexts, IFocusAnalyzer analyzer, CancellationToken cancellationToken)
    {
        if (request.Context?.Profile is not { } profile)
        {
            return Problems.Field("context.profile", "is required.");
        }

        if (request.Context.Today is not { } today)
        {
            return Problems.Field("context.today", "is required.");
        }

        if (string.IsNullOrWhiteSpace(request.Focus) || request.Focus.Length > MaxFocusLength)
        {
            return Problems.Field("focus", $"is required: 1-{MaxFocusLength} characters, for example \"sleep optimization\".");
        }

        if (request.Model is { Length: > MaxFocusLength })
        {
            return Problems.Field("model", $"is at most {MaxFocusLength} characters.");
        }

        // History = allMetrics (or last7Days) with today as its last day.
        DailyMetrics?[] history = [.. (request.Context.AllMetrics ?? request.Context.Last7Days ?? []).Where(d => d?.Date != today.Date), today];
        if (history.Any(d => d?.Date > today.Date))
        {
            return Problems.Field("context.today", "must be the most recent day of the history.");
        }

        AgentContext context = await contexts.CreateAsync(
            user.UserId(), profile, history!, new AgentContextOptions { Baseline = request.Context.Baseline }, cancellationToken);
        return TypedResults.Ok(new ChatResponse(await analyzer.AnalyzeAsync(context, request.Focus, request.Model, cancellationToken)));
    }
}

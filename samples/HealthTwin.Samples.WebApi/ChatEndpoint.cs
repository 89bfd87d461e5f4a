using System.Security.Claims;
using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// <c>POST /functions/v1/aws-bedrock-chat</c>: recommendations for a focus, rate-limited per user, in the app's
/// shape (agent names as the app knows them, at most <c>maxRecommendations</c>). The analysis is as of
/// <c>context.today</c>, from the days up to it: the guide's own test sends the oldest day as today.
/// </summary>
internal static class ChatEndpoint
{
    public const int MaxFocusLength = 200;
    public const int MaxRecommendationsLimit = 50;

    public static void MapChatEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/functions/v1/aws-bedrock-chat", ChatAsync).RequireRateLimiting(UserRateLimiting.AiPolicy);

    private static async Task<IResult> ChatAsync(
        ChatRequest request, HttpContext http, ClaimsPrincipal user, AgentContextFactory contexts, IFocusAnalyzer analyzer, TimeProvider time,
        Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!TryPrepare(request, time, out PreparedChat? chat, out ValidationProblem? problem))
        {
            return problem;
        }

        AgentContext context = await contexts.CreateAsync(
            user.UserId(), chat.Profile, chat.History, new AgentContextOptions { Baseline = chat.Baseline }, cancellationToken);
        if (ChatStreaming.IsRequested(http, request))
        {
            return ChatStreaming.Stream(analyzer, context, chat, json.Value.SerializerOptions, cancellationToken);
        }
        IReadOnlyList<AgentRecommendation> recommendations = await analyzer.AnalyzeAsync(context, chat.Focus, request.Model, cancellationToken);
        return TypedResults.Ok(new ChatResponse(chat.Shape(recommendations)));
    }

    /// <summary>Validates the request and builds the history as of <c>context.today</c>.</summary>
    internal static bool TryPrepare(
        ChatRequest request, TimeProvider time, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PreparedChat? chat,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ValidationProblem? problem)
    {
        chat = null;
        problem = null;
        if (request.Context?.Profile is not { } profile)
        {
            problem = Problems.Field("context.profile", "is required.");
            return false;
        }

        if (request.Context.Today is not { } today)
        {
            problem = Problems.Field("context.today", "is required.");
            return false;
        }

        string? focus = RequestChecks.StripInvisible(request.Focus);
        if (string.IsNullOrWhiteSpace(focus) || focus.Length > MaxFocusLength)
        {
            problem = Problems.Field("focus", $"is required: 1-{MaxFocusLength} characters, for example \"sleep optimization\".");
            return false;
        }

        if (request.Model is { Length: > MaxFocusLength })
        {
            problem = Problems.Field("model", $"is at most {MaxFocusLength} characters.");
            return false;
        }

        if (request.MaxRecommendations is < 1 or > MaxRecommendationsLimit)
        {
            problem = Problems.Field("maxRecommendations", $"= {request.MaxRecommendations} is outside the allowed range 1–{MaxRecommendationsLimit}.");
            return false;
        }

        if (!AppAgentNames.IsKnownAgentType(request.AgentType))
        {
            problem = Problems.Field("agentType", $"must be one of {AppAgentNames.KnownAgentTypes}.");
            return false;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateOnly utcToday = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        RequestChecks.Day(today, "context.today", utcToday, errors);
        RequestChecks.Days(request.Context.Last7Days, "context.last7Days", utcToday, errors);
        RequestChecks.Days(request.Context.AllMetrics, "context.allMetrics", utcToday, errors);
        if (errors.Count > 0)
        {
            problem = Problems.Fields(errors);
            return false;
        }

        // One day per date up to today: today as sent, then allMetrics, then last7Days (a subset of it in the app).
        var byDate = new SortedDictionary<DateOnly, DailyMetrics> { [today.Date] = today };
        foreach (DailyMetrics day in (request.Context.AllMetrics ?? []).Concat(request.Context.Last7Days ?? []).OfType<DailyMetrics>())
        {
            if (day.Date < today.Date)
            {
                byDate.TryAdd(day.Date, day);
            }
        }

        chat = new PreparedChat(profile, RequestChecks.CleanNotes(byDate.Values), request.Context.Baseline, KnownFocus.Match(focus), request.AgentType, request.MaxRecommendations);
        return true;
    }
}

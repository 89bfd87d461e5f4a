using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// A fixed one-minute window per user (the token's <c>sub</c>) on the AI endpoint; a rejected call gets
/// <c>429</c> problem details and a <c>Retry-After</c> header.
/// </summary>
internal static class AiRateLimiting
{
    public const string PolicyName = "ai-per-user";

    public static IServiceCollection AddAiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<Settings>().BindConfiguration("RateLimiting").ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, http =>
            {
                int permits = http.RequestServices.GetRequiredService<IOptions<Settings>>().Value.AiPermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    CallerIdentity.TryGetUserId(http.User) ?? string.Empty,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        HttpContext http = rejected.HttpContext;
        int seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many AI requests.",
                Detail = $"The AI endpoint allows {http.RequestServices.GetRequiredService<IOptions<Settings>>().Value.AiPermitsPerMinute} requests per minute per user; retry after {seconds} s.",
            },
        });
    }

    /// <summary>The <c>RateLimiting</c> section.</summary>
    internal sealed class Settings
    {
        /// <summary>AI requests per user per minute. Default 10; allowed 1–10000.</summary>
        [Range(1, 10_000)]
        public int AiPermitsPerMinute { get; set; } = 10;
    }
}

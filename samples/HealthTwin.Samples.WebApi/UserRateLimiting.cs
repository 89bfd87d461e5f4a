using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// Per-user (the token's <c>sub</c>) fixed one-minute windows on every endpoint family: the AI endpoint, the storage
/// endpoints, <c>/api/analyze</c> and <c>/api/reports</c>, each with its own budget from the <c>RateLimiting</c> section. A rejected call
/// gets <c>429</c> problem details and a <c>Retry-After</c> header. The partitions come from
/// <see cref="IUserRateLimiterSource"/>: in-process by default, shared through Redis when <c>ConnectionStrings:Redis</c> is set.
/// </summary>
internal static class UserRateLimiting
{
    public const string AiPolicy = "ai-per-user";
    public const string StoragePolicy = "storage-per-user";
    public const string AnalyzePolicy = "analyze-per-user";
    public const string ReportsPolicy = "reports-per-user";

    public static IServiceCollection AddUserRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<Settings>().BindConfiguration("RateLimiting").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InProcessRateLimiterSource>();
        services.AddSingleton<IUserRateLimiterSource>(sp => sp.GetRequiredService<InProcessRateLimiterSource>());
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            foreach (string policy in (string[])[AiPolicy, StoragePolicy, AnalyzePolicy, ReportsPolicy])
            {
                limiter.AddPolicy(policy, http =>
                {
                    int permits = http.RequestServices.GetRequiredService<IOptions<Settings>>().Value.PermitsFor(policy);
                    string user = CallerIdentity.TryGetUserId(http.User) ?? string.Empty;
                    return http.RequestServices.GetRequiredService<IUserRateLimiterSource>().Partition(policy, user, permits, TimeSpan.FromMinutes(1));
                });
            }

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
        string policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? AiPolicy;
        Settings settings = http.RequestServices.GetRequiredService<IOptions<Settings>>().Value;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = policy switch
                {
                    StoragePolicy => "Too many storage requests.",
                    AnalyzePolicy => "Too many analysis requests.",
                    ReportsPolicy => "Too many report requests.",
                    _ => "Too many AI requests.",
                },
                Detail = $"This endpoint allows {settings.PermitsFor(policy)} requests per minute per user; retry after {seconds} s.",
            },
        });
    }

    /// <summary>The <c>RateLimiting</c> section.</summary>
    internal sealed class Settings
    {
        /// <summary>AI requests per user per minute. Default 10; allowed 1–10000.</summary>
        [Range(1, 10_000)]
        public int AiPermitsPerMinute { get; set; } = 10;

        /// <summary>Storage requests (upload, download, list, signed links) per user per minute. Default 120; allowed 1–100000.</summary>
        [Range(1, 100_000)]
        public int StoragePermitsPerMinute { get; set; } = 120;

        /// <summary><c>/api/analyze</c> requests per user per minute. Default 30; allowed 1–100000.</summary>
        [Range(1, 100_000)]
        public int AnalyzePermitsPerMinute { get; set; } = 30;

        /// <summary><c>/api/reports</c> requests per user per minute (each renders a PDF, and with Bedrock on asks the model). Default 6; allowed 1–10000.</summary>
        [Range(1, 10_000)]
        public int ReportsPermitsPerMinute { get; set; } = 6;

        public int PermitsFor(string policy) => policy switch
        {
            StoragePolicy => StoragePermitsPerMinute,
            AnalyzePolicy => AnalyzePermitsPerMinute,
            ReportsPolicy => ReportsPermitsPerMinute,
            _ => AiPermitsPerMinute,
        };
    }
}

using Microsoft.AspNetCore.Cors.Infrastructure;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// The default CORS policy: the origins in <c>Cors:AllowedOrigins</c> (none by default; <c>"*"</c> allows any origin,
/// for development, as the edge functions answered), any header, GET and POST. No credentials mode: the app sends
/// its token in the Authorization header.
/// </summary>
internal static class CorsConfiguration
{
    public static IServiceCollection AddConfiguredCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IConfiguration>((cors, configuration) =>
            cors.AddDefaultPolicy(policy =>
            {
                string[] origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
                _ = origins.Contains("*") ? policy.AllowAnyOrigin() : policy.WithOrigins(origins); // "*" for development, as the edge functions answered
                policy.AllowAnyHeader().WithMethods(HttpMethods.Get, HttpMethods.Post);
            }));
        return services;
    }
}

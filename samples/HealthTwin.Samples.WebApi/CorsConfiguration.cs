using Microsoft.AspNetCore.Cors.Infrastructure;

namespace HealthTwin.Samples.WebApi;

/// <summary>The default CORS policy: the origins in <c>Cors:AllowedOrigins</c> (none by default), any header, GET and POST.</summary>
internal static class CorsConfiguration
{
    public static IServiceCollection AddConfiguredCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IConfiguration>((cors, configuration) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])
                .AllowAnyHeader()
                .WithMethods(HttpMethods.Get, HttpMethods.Post)));
        return services;
    }
}

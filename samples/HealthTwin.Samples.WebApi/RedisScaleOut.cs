using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// Scale-out switched on by <c>ConnectionStrings:Redis</c> alone: the AI answer cache gets Redis as HybridCache's
/// second level and the per-user rate limits are counted in Redis, so several instances behind a load balancer
/// share both. Without it, today's in-process behaviour. Redis going away degrades to in-process; it never fails a request.
/// </summary>
internal static class RedisScaleOut
{
    public const string ConnectionName = "Redis";

    public static IServiceCollection AddRedisScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetConnectionString(ConnectionName) is not { Length: > 0 } connection)
        {
            return services;
        }

        ConfigurationOptions options = ConfigurationOptions.Parse(connection);
        options.AbortOnConnectFail = false; // start (and keep running) while Redis is down; reconnect in the background
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
        options.ClientName ??= "healthtwin-webapi";
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));

        services.AddSingleton<RedisRateLimiterSource>();
        services.AddSingleton<IUserRateLimiterSource>(sp => sp.GetRequiredService<RedisRateLimiterSource>());

        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<IServiceProvider>((cache, sp) =>
        {
            cache.InstanceName = "healthtwin:cache:";
            cache.ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>());
        });
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<RedisCache>(sp));
        services.AddSingleton<IDistributedCache>(sp => ActivatorUtilities.CreateInstance<ResilientDistributedCache>(sp, sp.GetRequiredService<RedisCache>()));
        return services;
    }
}

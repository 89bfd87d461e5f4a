using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.Bedrock;

/// <summary>
/// Registers <see cref="BedrockChatClient"/> and its named <see cref="HttpClient"/>, whose primary handler is the
/// SigV4 signing handler (added with <c>AddHttpMessageHandler</c> it would throw: it always has an inner handler)
/// behind a <see cref="BedrockResendMonitor"/> that notices when a handler of the host retries requests the SDK
/// already retries. Handlers a host adds to the named client sit outside the signer, so retries are re-signed.
/// </summary>
internal static class BedrockChatClientRegistration
{
    /// <summary>The standard AWS configuration section (<c>AWSSDK.Extensions.NETCore.Setup</c>).</summary>
    public const string AwsSectionName = "AWS";

    public static void AddBedrockChatClient(IServiceCollection services)
    {
        services.AddOptions<BedrockChatClientOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new BedrockCredentialResolver(
            sp.GetRequiredService<IOptions<BedrockChatClientOptions>>().Value,
            HostAwsOptions(sp),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp =>
        {
            IOptions<AI.BedrockOptions>? bedrock = sp.GetService<IOptions<AI.BedrockOptions>>();
            return new BedrockResendMonitor(
                sp.GetService<ILogger<BedrockResendMonitor>>() ?? NullLogger<BedrockResendMonitor>.Instance,
                () => bedrock?.Value.MaxAttempts ?? 1);
        });
        services.AddHttpClient(BedrockChatClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => CreatePrimaryHandler(sp.GetRequiredService<BedrockCredentialResolver>(), sp.GetRequiredService<BedrockResendMonitor>()));
        services.TryAddSingleton(sp => new BedrockChatClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<BedrockChatClientOptions>>().Value,
            sp.GetRequiredService<BedrockCredentialResolver>(),
            sp.GetRequiredService<ILogger<BedrockChatClient>>()));
    }

    /// <summary>The signing handler over a pooled socket handler (no redirects: a redirect would break the signature).</summary>
    public static HttpMessageHandler CreatePrimaryHandler(BedrockCredentialResolver credentials, BedrockResendMonitor? monitor = null)
    {
        var signing = new SigV4SigningHandler(
            credentials.SigningCredentials,
            RegionEndpoint.USEast1, // default only: every request names its resolved region
            BedrockChatClient.SigningService,
            new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        return monitor is null ? signing : new BedrockResendMonitor.Handler(monitor, signing);
    }

    /// <summary>
    /// The host's <see cref="AWSOptions"/>: the registered instance (<c>AddDefaultAWSOptions</c>), else the standard
    /// <c>AWS</c> section of the host's configuration (profile, region, role), as the S3 client reads it.
    /// </summary>
    private static AWSOptions? HostAwsOptions(IServiceProvider services)
    {
        if (services.GetService<AWSOptions>() is { } registered)
        {
            return registered;
        }

        IConfiguration? configuration = services.GetService<IConfiguration>();
        return configuration is not null && configuration.GetSection(AwsSectionName).Exists()
            ? configuration.GetAWSOptions(AwsSectionName)
            : null;
    }
}

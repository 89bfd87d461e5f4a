using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.Bedrock;

/// <summary>
/// Registers <see cref="BedrockChatClient"/> and its named <see cref="HttpClient"/>, whose primary handler is the
/// SigV4 signing handler (added with <c>AddHttpMessageHandler</c> it would throw: it always has an inner handler).
/// Handlers a host adds to the named client sit outside the signer, so retries are re-signed.
/// </summary>
internal static class BedrockChatClientRegistration
{
    public static void AddBedrockChatClient(IServiceCollection services)
    {
        services.AddOptions<BedrockChatClientOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new BedrockCredentialResolver(
            sp.GetRequiredService<IOptions<BedrockChatClientOptions>>().Value,
            sp.GetService<AWSOptions>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(BedrockChatClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SigV4SigningHandler(
                sp.GetRequiredService<BedrockCredentialResolver>().SigningCredentials,
                RegionEndpoint.USEast1, // default only: every request names its resolved region
                BedrockChatClient.SigningService,
                new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }));
        services.TryAddSingleton(sp => new BedrockChatClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<BedrockChatClientOptions>>().Value,
            sp.GetRequiredService<BedrockCredentialResolver>(),
            sp.GetRequiredService<ILogger<BedrockChatClient>>()));
    }
}

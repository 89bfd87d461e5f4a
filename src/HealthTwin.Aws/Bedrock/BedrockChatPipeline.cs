using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.Bedrock;

/// <summary>
/// Builds the keyed chat client of the Bedrock agents: the host's steps, then OpenTelemetry (GenAI semantic
/// conventions, source <see cref="HealthTwinAwsTelemetry.BedrockSourceName"/>; prompts and answers are never recorded),
/// then logging, around <see cref="BedrockChatClient"/> or the host's client.
/// </summary>
internal static class BedrockChatPipeline
{
    public static IChatClient Build(IServiceProvider services)
    {
        BedrockChatPipelineOptions options = services.GetRequiredService<IOptions<BedrockChatPipelineOptions>>().Value;
        IChatClient inner = options.InnerClient?.Invoke(services) ?? services.GetRequiredService<BedrockChatClient>();
        var builder = new ChatClientBuilder(inner);
        foreach (Action<ChatClientBuilder> step in options.Steps)
        {
            step(builder);
        }

        ILoggerFactory? loggerFactory = services.GetService<ILoggerFactory>();
        builder.UseOpenTelemetry(loggerFactory, HealthTwinAwsTelemetry.BedrockSourceName, static otel => otel.EnableSensitiveData = false);
        if (loggerFactory is not null)
        {
            builder.UseLogging(loggerFactory);
        }

        return builder.Build(services);
    }
}

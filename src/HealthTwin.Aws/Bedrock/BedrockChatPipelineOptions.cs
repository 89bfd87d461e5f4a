using Microsoft.Extensions.AI;

namespace HealthTwin.Aws.Bedrock;

/// <summary>What the host added to the chat pipeline of the Bedrock agents.</summary>
internal sealed class BedrockChatPipelineOptions
{
    /// <summary>The client at the end of the pipeline; <see langword="null"/>: <see cref="BedrockChatClient"/>.</summary>
    public Func<IServiceProvider, IChatClient>? InnerClient { get; set; }

    /// <summary>The host's steps, first outermost.</summary>
    public List<Action<ChatClientBuilder>> Steps { get; } = [];
}

using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace HealthTwin.Reports.Tests.Insights;

/// <summary>A hand-written chat client: answers with fixed text or runs a script; records every request.</summary>
internal sealed class FakeChatClient(Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, Task<string>> answer) : IChatClient
{
    public const string Provider = "fake-provider";
    public const string Model = "fake-model-1";

    private readonly ConcurrentQueue<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> _calls = new();

    public IReadOnlyList<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls => [.. _calls];

    public static FakeChatClient Answering(string text) => new((_, _, _) => Task.FromResult(text));

    public static FakeChatClient Throwing(Exception exception) => new((_, _, _) => Task.FromException<string>(exception));

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatMessage[] list = [.. messages];
        _calls.Enqueue((list, options));
        string text = await answer(list, options, cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = options?.ModelId ?? Model };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Report insights never stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata(Provider, null, Model)
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}

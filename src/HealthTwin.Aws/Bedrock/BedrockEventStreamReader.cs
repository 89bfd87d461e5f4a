using System.Text;
using System.Text.Json;
using Amazon.Runtime.EventStreams;
using Amazon.Runtime.EventStreams.Internal;
using Microsoft.Extensions.AI;

namespace HealthTwin.Aws.Bedrock;

/// <summary>
/// Turns the <c>application/vnd.amazon.eventstream</c> body of ConverseStream into <see cref="ChatResponseUpdate"/>s.
/// Frames are decoded (prelude and message CRC checked) by AWSSDK.Core's <see cref="EventStreamDecoder"/>; this class
/// maps the events: text deltas, tool-use input deltas (and the completed call at the end of its block), the stop
/// reason and the usage. Exception frames and corrupt frames become <see cref="BedrockException"/>.
/// </summary>
internal sealed class BedrockEventStreamReader : IDisposable
{
    /// <summary>The <see cref="ChatResponseUpdate.AdditionalProperties"/> key of a partial tool-use input (a JSON fragment).</summary>
    public const string ToolInputDeltaKey = "bedrock.toolUse.inputDelta";

    private readonly EventStreamDecoder _decoder = new();
    private readonly List<EventStreamMessage> _received = [];
    private readonly Dictionary<int, ToolBlock> _tools = [];
    private readonly string _modelId;
    private readonly string? _requestId;
    private readonly string? _responseTool;
    private int _messages;
    private BedrockException? _corruption;

    public BedrockEventStreamReader(string modelId, string? requestId, string? responseTool)
    {
        _modelId = modelId;
        _requestId = requestId;
        _responseTool = responseTool;

        // The handler must not throw (a throwing handler breaks the decoder): it only collects.
        _decoder.MessageReceived += (_, e) => _received.Add(e.Message);
    }

    /// <summary>
    /// Decodes a chunk of the body and maps the complete frames in it. When the chunk holds a corrupt frame, the good
    /// frames before it are still mapped and the error is kept for <see cref="ThrowIfCorrupt"/>, so callers can hand
    /// out everything that arrived intact first.
    /// </summary>
    /// <param name="buffer">The bytes read; must start at index 0 (the decoder mishandles other offsets).</param>
    /// <param name="count">How many bytes were read.</param>
    /// <param name="updates">Receives the updates, in stream order.</param>
    /// <exception cref="BedrockException">An exception frame from Bedrock.</exception>
    public void Feed(byte[] buffer, int count, List<ChatResponseUpdate> updates)
    {
        ThrowIfCorrupt();
        try
        {
            _decoder.ProcessData(buffer, 0, count);
        }
        catch (Exception ex) when (ex is EventStreamChecksumFailureException or EventStreamParseException or EventStreamException)
        {
            _corruption = new BedrockException(
                $"The ConverseStream response for model '{_modelId}' has a corrupt event-stream frame after {_messages + _received.Count} good frame(s){(_requestId is null ? string.Empty : " (request id " + _requestId + ")")}: {ex.Message}",
                BedrockException.CorruptStreamErrorType,
                System.Net.HttpStatusCode.OK,
                _requestId,
                false,
                ex);
        }

        foreach (EventStreamMessage message in _received)
        {
            _messages++;
            Map(message, updates);
        }

        _received.Clear();
    }

    /// <summary>Throws the corrupt-frame error found by <see cref="Feed"/>, if any (the decoder cannot continue after one).</summary>
    /// <exception cref="BedrockException">The stream had a corrupt frame (<see cref="BedrockException.CorruptStreamErrorType"/>).</exception>
    public void ThrowIfCorrupt()
    {
        if (_corruption is not null)
        {
            throw _corruption;
        }
    }

    public void Dispose() => _decoder.Dispose();

    private static string? Header(EventStreamMessage message, string name) =>
        message.Headers.TryGetValue(name, out IEventStreamHeader? header) ? header.AsString() : null;

    private void Map(EventStreamMessage message, List<ChatResponseUpdate> updates)
    {
        string? messageType = Header(message, ":message-type");
        if (messageType == "exception")
        {
            throw BedrockConverseResponse.StreamError(Header(message, ":exception-type"), BedrockConverseResponse.MessageOf(message.Payload ?? []), _requestId, _modelId);
        }

        if (messageType == "error")
        {
            string code = Header(message, ":error-code") ?? "UnknownStreamError";
            throw BedrockConverseResponse.StreamError(code, Header(message, ":error-message"), _requestId, _modelId);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message.Payload ?? []);
        }
        catch (JsonException ex)
        {
            throw BedrockConverseResponse.Malformed($"A ConverseStream event for model '{_modelId}' is not valid JSON ({ex.Message})", _requestId, ex);
        }

        using (document)
        {
            JsonElement payload = document.RootElement;
            switch (Header(message, ":event-type"))
            {
                case "contentBlockStart":
                    if (payload.TryGetProperty("start", out JsonElement start) && start.TryGetProperty("toolUse", out JsonElement toolStart))
                    {
                        _tools[BlockIndex(payload)] = new ToolBlock(
                            toolStart.TryGetProperty("toolUseId", out JsonElement id) ? id.GetString() ?? string.Empty : string.Empty,
                            toolStart.TryGetProperty("name", out JsonElement name) ? name.GetString() ?? string.Empty : string.Empty);
                    }

                    break;
                case "contentBlockDelta":
                    MapDelta(payload, updates);
                    break;
                case "contentBlockStop":
                    if (_tools.Remove(BlockIndex(payload), out ToolBlock? block) && !IsResponseTool(block.Name))
                    {
                        updates.Add(Update(BedrockConverseResponse.ToolUseContent(block.Id, block.Name, ParseInput(block.Input.ToString()), _responseTool)));
                    }

                    break;
                case "messageStop":
                    string? reason = payload.TryGetProperty("stopReason", out JsonElement stop) ? stop.GetString() : null;
                    ChatResponseUpdate done = Update(null);
                    done.FinishReason = BedrockConverseResponse.MapStopReason(reason, _responseTool is not null);
                    updates.Add(done);
                    break;
                case "metadata":
                    if (payload.TryGetProperty("usage", out JsonElement usage) && BedrockConverseResponse.ReadUsage(usage) is { } details)
                    {
                        updates.Add(Update(new UsageContent(details)));
                    }

                    break;
                default:
                    break; // messageStart and events added later carry nothing to map
            }
        }
    }

    private void MapDelta(JsonElement payload, List<ChatResponseUpdate> updates)
    {
        if (!payload.TryGetProperty("delta", out JsonElement delta))
        {
            return;
        }

        if (delta.TryGetProperty("text", out JsonElement text) && text.ValueKind == JsonValueKind.String)
        {
            updates.Add(Update(new TextContent(text.GetString())));
            return;
        }

        if (delta.TryGetProperty("toolUse", out JsonElement toolUse) && toolUse.TryGetProperty("input", out JsonElement input))
        {
            string fragment = input.GetString() ?? string.Empty;
            int index = BlockIndex(payload);
            if (!_tools.TryGetValue(index, out ToolBlock? block))
            {
                block = new ToolBlock(string.Empty, string.Empty);
                _tools[index] = block;
            }

            block.Input.Append(fragment);
            if (IsResponseTool(block.Name))
            {
                // The forced response-format tool streams its JSON as the response text.
                updates.Add(Update(new TextContent(fragment)));
                return;
            }

            ChatResponseUpdate update = Update(null);
            update.AdditionalProperties = new AdditionalPropertiesDictionary { [ToolInputDeltaKey] = fragment };
            updates.Add(update);
        }
    }

    private bool IsResponseTool(string name) => _responseTool is not null && string.Equals(name, _responseTool, StringComparison.Ordinal);

    private static int BlockIndex(JsonElement payload) =>
        payload.TryGetProperty("contentBlockIndex", out JsonElement index) && index.TryGetInt32(out int i) ? i : 0;

    private JsonElement ParseInput(string json)
    {
        if (json.Length == 0)
        {
            return default;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw BedrockConverseResponse.Malformed($"The streamed tool-use input for model '{_modelId}' is not valid JSON ({ex.Message})", _requestId, ex);
        }
    }

    private ChatResponseUpdate Update(AIContent? content) => new(ChatRole.Assistant, content is null ? [] : [content])
    {
        ModelId = _modelId,
        ResponseId = _requestId,
    };

    private sealed class ToolBlock(string id, string name)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public StringBuilder Input { get; } = new();
    }
}

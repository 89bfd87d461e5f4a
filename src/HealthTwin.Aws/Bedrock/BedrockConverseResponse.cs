using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace HealthTwin.Aws.Bedrock;

/// <summary>Reads Converse responses, stop reasons, usage and errors (one place for every Bedrock wire mapping).</summary>
internal static class BedrockConverseResponse
{
    /// <summary>Parses a successful Converse body.</summary>
    /// <param name="body">The UTF-8 JSON body.</param>
    /// <param name="modelId">The model the request was for.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c>.</param>
    /// <param name="responseTool">The synthetic response-format tool, whose input becomes the response text.</param>
    /// <returns>The response.</returns>
    /// <exception cref="BedrockException">The body is not the documented JSON (<see cref="BedrockException.MalformedResponseErrorType"/>).</exception>
    public static ChatResponse Parse(byte[] body, string modelId, string? requestId, string? responseTool)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw Malformed($"The Converse response is not valid JSON ({ex.Message})", requestId, ex);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("output", out JsonElement output)
                || !output.TryGetProperty("message", out JsonElement message)
                || !message.TryGetProperty("content", out JsonElement content)
                || content.ValueKind != JsonValueKind.Array)
            {
                throw Malformed("The Converse response has no output.message.content array", requestId, null);
            }

            List<AIContent> contents = [];
            foreach (JsonElement block in content.EnumerateArray())
            {
                if (block.TryGetProperty("text", out JsonElement text) && text.ValueKind == JsonValueKind.String)
                {
                    contents.Add(new TextContent(text.GetString()));
                }
                else if (block.TryGetProperty("toolUse", out JsonElement toolUse))
                {
                    contents.Add(ToolUseContent(
                        toolUse.TryGetProperty("toolUseId", out JsonElement id) ? id.GetString() ?? string.Empty : string.Empty,
                        toolUse.TryGetProperty("name", out JsonElement name) ? name.GetString() ?? string.Empty : string.Empty,
                        toolUse.TryGetProperty("input", out JsonElement input) ? input : default,
                        responseTool));
                }
            }

            string? stopReason = root.TryGetProperty("stopReason", out JsonElement stop) ? stop.GetString() : null;
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, contents))
            {
                ModelId = modelId,
                ResponseId = requestId,
                FinishReason = MapStopReason(stopReason, responseTool is not null),
                Usage = root.TryGetProperty("usage", out JsonElement usage) ? ReadUsage(usage) : null,
                RawRepresentation = root.Clone(),
            };
        }
    }

    /// <summary>
    /// The content of a tool-use block: the JSON text when it is the synthetic response-format tool, otherwise a
    /// <see cref="FunctionCallContent"/> with the input's properties as arguments and the raw input as its raw representation.
    /// </summary>
    public static AIContent ToolUseContent(string toolUseId, string name, JsonElement input, string? responseTool)
    {
        if (responseTool is not null && string.Equals(name, responseTool, StringComparison.Ordinal))
        {
            return new TextContent(input.ValueKind == JsonValueKind.Undefined ? "{}" : input.GetRawText());
        }

        Dictionary<string, object?>? arguments = null;
        if (input.ValueKind == JsonValueKind.Object)
        {
            arguments = [];
            foreach (JsonProperty property in input.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }
        }

        return new FunctionCallContent(toolUseId, name, arguments)
        {
            RawRepresentation = input.ValueKind == JsonValueKind.Undefined ? null : input.Clone(),
        };
    }

    /// <summary>Maps Bedrock's <c>stopReason</c>.</summary>
    /// <param name="stopReason">The stop reason.</param>
    /// <param name="responseTool">Whether a synthetic response-format tool was forced (its tool use is the normal end).</param>
    /// <returns>The finish reason, or <see langword="null"/> when there is none.</returns>
    public static ChatFinishReason? MapStopReason(string? stopReason, bool responseTool) => stopReason switch
    {
        null => null,
        "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
        "tool_use" => responseTool ? ChatFinishReason.Stop : ChatFinishReason.ToolCalls,
        "max_tokens" or "model_context_window_exceeded" => ChatFinishReason.Length,
        "guardrail_intervened" or "content_filtered" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(stopReason),
    };

    /// <summary>Reads a <c>usage</c> object (<c>inputTokens</c>, <c>outputTokens</c>, <c>totalTokens</c>).</summary>
    public static UsageDetails? ReadUsage(JsonElement usage)
    {
        if (usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        static long? Count(JsonElement e, string name) =>
            e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : null;

        long? input = Count(usage, "inputTokens");
        long? output = Count(usage, "outputTokens");
        return new UsageDetails
        {
            InputTokenCount = input,
            OutputTokenCount = output,
            TotalTokenCount = Count(usage, "totalTokens") ?? (input + output),
            CachedInputTokenCount = Count(usage, "cacheReadInputTokens"),
        };
    }

    /// <summary>Builds the exception for an HTTP error response.</summary>
    /// <param name="response">The response.</param>
    /// <param name="body">Its body (up to a limit).</param>
    /// <param name="operation">The operation name for the message.</param>
    /// <param name="modelId">The model id for the message.</param>
    /// <returns>The exception.</returns>
    public static BedrockException Error(HttpResponseMessage response, byte[] body, string operation, string modelId)
    {
        string? requestId = RequestId(response);
        string? errorType = null;
        if (response.Headers.TryGetValues("x-amzn-ErrorType", out IEnumerable<string>? values))
        {
            string header = string.Join(",", values);
            int colon = header.IndexOf(':', StringComparison.Ordinal);
            errorType = (colon >= 0 ? header[..colon] : header).Trim();
        }

        string? message = MessageOf(body);
        if (string.IsNullOrEmpty(errorType))
        {
            errorType = TypeOf(body);
        }

        errorType = NormalizeType(errorType) ?? "Http" + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string text = $"Amazon Bedrock {operation} for model '{modelId}' failed with {errorType} (HTTP {(int)response.StatusCode}){(requestId is null ? string.Empty : ", request id " + requestId)}: {message ?? "no message"}";
        return new BedrockException(text, errorType, response.StatusCode, requestId, IsRetryable(errorType, response.StatusCode));
    }

    /// <summary>Builds the exception for an exception or error frame of a response stream.</summary>
    public static BedrockException StreamError(string? exceptionType, string? message, string? requestId, string modelId)
    {
        string errorType = NormalizeType(exceptionType) ?? "UnknownStreamException";
        HttpStatusCode status = NominalStatus(errorType);
        return new BedrockException(
            $"Amazon Bedrock ConverseStream for model '{modelId}' sent {errorType}{(requestId is null ? string.Empty : " (request id " + requestId + ")")}: {message ?? "no message"}",
            errorType,
            status,
            requestId,
            IsRetryable(errorType, status));
    }

    /// <summary>The <c>message</c> of a JSON error payload, or a short excerpt of a non-JSON one.</summary>
    public static string? MessageOf(byte[] payload)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(payload);
            JsonElement root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? String(root, "message") ?? String(root, "Message") : null;
        }
        catch (JsonException)
        {
            return Excerpt(payload);
        }
    }

    /// <summary>Builds the exception for a body that is not the documented JSON.</summary>
    public static BedrockException Malformed(string message, string? requestId, Exception? inner) =>
        new(message + (requestId is null ? "." : $" (request id {requestId})."), BedrockException.MalformedResponseErrorType, HttpStatusCode.OK, requestId, false, inner);

    /// <summary>The <c>x-amzn-RequestId</c> of a response.</summary>
    public static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out IEnumerable<string>? ids) ? ids.FirstOrDefault() : null;

    /// <summary>Whether an error may go away on retry: throttling, model not ready, and 5xx except 501.</summary>
    public static bool IsRetryable(string errorType, HttpStatusCode status) => errorType switch
    {
        "ThrottlingException" or "ModelNotReadyException" or "InternalServerException" or "ServiceUnavailableException" or "ModelStreamErrorException" => true,
        "ModelTimeoutException" or "ValidationException" or "AccessDeniedException" or "ResourceNotFoundException" or "ModelErrorException" or "ServiceQuotaExceededException" => false,
        _ => status == HttpStatusCode.TooManyRequests || ((int)status >= 500 && status != HttpStatusCode.NotImplemented),
    };

    private static HttpStatusCode NominalStatus(string errorType) => errorType switch
    {
        "ThrottlingException" or "ModelNotReadyException" => HttpStatusCode.TooManyRequests,
        "ValidationException" or "ServiceQuotaExceededException" => HttpStatusCode.BadRequest,
        "AccessDeniedException" => HttpStatusCode.Forbidden,
        "ResourceNotFoundException" => HttpStatusCode.NotFound,
        "ModelTimeoutException" => HttpStatusCode.RequestTimeout,
        "ModelErrorException" or "ModelStreamErrorException" => HttpStatusCode.FailedDependency,
        "ServiceUnavailableException" => HttpStatusCode.ServiceUnavailable,
        _ => HttpStatusCode.InternalServerError,
    };

    /// <summary><c>com.amazon…#ThrottlingException</c> or <c>throttlingException</c> (stream frames) → <c>ThrottlingException</c>.</summary>
    private static string? NormalizeType(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        type = type.Trim();
        int hash = type.LastIndexOf('#');
        if (hash >= 0)
        {
            type = type[(hash + 1)..];
        }

        return type.Length > 0 && char.IsLower(type[0]) ? char.ToUpperInvariant(type[0]) + type[1..] : type;
    }

    private static string? TypeOf(byte[] body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? String(root, "__type") ?? String(root, "code") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Excerpt(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? null : text;
    }
}

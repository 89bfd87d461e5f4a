using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace HealthTwin.Aws.Bedrock;

/// <summary>
/// Writes the JSON body of Converse / ConverseStream from Microsoft.Extensions.AI messages and options: system
/// blocks, alternating user/assistant messages (text, tool use, tool result), <c>inferenceConfig</c> and
/// <c>toolConfig</c>. A JSON-schema response format becomes one forced tool (the portable way to get JSON from
/// Claude 3.x); its input is later returned as the response text. A schema-less JSON format has no Converse
/// equivalent and is left to the prompt (a system block would break models without system prompts, such as Titan).
/// </summary>
internal static partial class BedrockConverseRequest
{
    /// <summary>The tool name used for a JSON-schema response format without a usable schema name.</summary>
    public const string DefaultResponseToolName = "json_response";

    /// <summary>Writes the request body.</summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="options">The chat options, if any.</param>
    /// <returns>The UTF-8 JSON body and the name of the synthetic response-format tool, if one was added.</returns>
    /// <exception cref="ArgumentException">An option is out of Bedrock's range (temperature or top-p outside 0–1, max tokens below 1).</exception>
    public static (byte[] Body, string? ResponseToolName) Write(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        Validate(options);
        var buffer = new ArrayBufferWriter<byte>(2048);
        string? responseTool = null;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteMessages(writer, messages);
            WriteSystem(writer, messages, options);
            WriteInferenceConfig(writer, options);
            responseTool = WriteToolConfig(writer, options);
            writer.WriteEndObject();
        }

        return (buffer.WrittenSpan.ToArray(), responseTool);
    }

    private static void Validate(ChatOptions? options)
    {
        if (options is null)
        {
            return;
        }

        if (options.Temperature is { } t && (!float.IsFinite(t) || t < 0 || t > 1))
        {
            throw new InvalidArgumentException($"ChatOptions.Temperature = {t} is outside Bedrock's range 0–1.", nameof(options));
        }

        if (options.TopP is { } p && (!float.IsFinite(p) || p < 0 || p > 1))
        {
            throw new InvalidArgumentException($"ChatOptions.TopP = {p} is outside Bedrock's range 0–1.", nameof(options));
        }

        if (options.MaxOutputTokens is < 1)
        {
            throw new InvalidArgumentException($"ChatOptions.MaxOutputTokens = {options.MaxOutputTokens} must be at least 1.", nameof(options));
        }
    }

    private static void WriteMessages(Utf8JsonWriter writer, IEnumerable<ChatMessage> messages)
    {
        writer.WritePropertyName("messages");
        writer.WriteStartArray();
        string? openRole = null;
        foreach (ChatMessage message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                continue;
            }

            string role = message.Role == ChatRole.Assistant ? "assistant" : "user"; // user and tool results
            bool hasContent = false;
            foreach (AIContent content in message.Contents)
            {
                if (!IsMappable(content))
                {
                    continue;
                }

                if (!hasContent)
                {
                    hasContent = true;
                    if (openRole != role)
                    {
                        // Bedrock wants alternating roles: consecutive messages of one role become one message.
                        if (openRole is not null)
                        {
                            writer.WriteEndArray();
                            writer.WriteEndObject();
                        }

                        writer.WriteStartObject();
                        writer.WriteString("role", role);
                        writer.WritePropertyName("content");
                        writer.WriteStartArray();
                        openRole = role;
                    }
                }

                WriteContent(writer, content);
            }
        }

        if (openRole is not null)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static bool IsMappable(AIContent content) => content switch
    {
        TextContent text => !string.IsNullOrEmpty(text.Text),
        FunctionCallContent or FunctionResultContent => true,
        _ => false, // usage, reasoning and other provider-specific contents have no Converse block
    };

    private static void WriteContent(Utf8JsonWriter writer, AIContent content)
    {
        writer.WriteStartObject();
        switch (content)
        {
            case TextContent text:
                writer.WriteString("text", text.Text);
                break;
            case FunctionCallContent call:
                writer.WritePropertyName("toolUse");
                writer.WriteStartObject();
                writer.WriteString("toolUseId", call.CallId);
                writer.WriteString("name", call.Name);
                writer.WritePropertyName("input");
                writer.WriteStartObject();
                if (call.Arguments is not null)
                {
                    foreach (KeyValuePair<string, object?> argument in call.Arguments)
                    {
                        writer.WritePropertyName(argument.Key);
                        WriteValue(writer, argument.Value);
                    }
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
                break;
            case FunctionResultContent result:
                writer.WritePropertyName("toolResult");
                writer.WriteStartObject();
                writer.WriteString("toolUseId", result.CallId);
                writer.WritePropertyName("content");
                writer.WriteStartArray();
                writer.WriteStartObject();
                if (result.Result is string s)
                {
                    writer.WriteString("text", s);
                }
                else
                {
                    writer.WritePropertyName("json");
                    WriteValue(writer, result.Result);
                }

                writer.WriteEndObject();
                writer.WriteEndArray();
                if (result.Exception is not null)
                {
                    writer.WriteString("status", "error");
                }

                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        if (value is JsonElement element)
        {
            element.WriteTo(writer);
            return;
        }

        JsonSerializer.Serialize(writer, value, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object)));
    }

    private static void WriteSystem(Utf8JsonWriter writer, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        bool started = false;
        void Block(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return;
            }

            if (!started)
            {
                writer.WritePropertyName("system");
                writer.WriteStartArray();
                started = true;
            }

            writer.WriteStartObject();
            writer.WriteString("text", text);
            writer.WriteEndObject();
        }

        if (options?.Instructions is { } instructions)
        {
            Block(instructions);
        }

        foreach (ChatMessage message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                Block(message.Text);
            }
        }

        if (started)
        {
            writer.WriteEndArray();
        }
    }

    private static void WriteInferenceConfig(Utf8JsonWriter writer, ChatOptions? options)
    {
        if (options is null || (options.MaxOutputTokens is null && options.Temperature is null && options.TopP is null && options.StopSequences is not { Count: > 0 }))
        {
            return;
        }

        writer.WritePropertyName("inferenceConfig");
        writer.WriteStartObject();
        if (options.MaxOutputTokens is { } max)
        {
            writer.WriteNumber("maxTokens", max);
        }

        if (options.Temperature is { } temperature)
        {
            writer.WriteNumber("temperature", temperature);
        }

        if (options.TopP is { } topP)
        {
            writer.WriteNumber("topP", topP);
        }

        if (options.StopSequences is { Count: > 0 } stops)
        {
            writer.WritePropertyName("stopSequences");
            writer.WriteStartArray();
            foreach (string stop in stops)
            {
                writer.WriteStringValue(stop);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static string? WriteToolConfig(Utf8JsonWriter writer, ChatOptions? options)
    {
        if (options is null || options.ToolMode is NoneChatToolMode)
        {
            return null;
        }

        List<AIFunctionDeclaration> tools = [];
        if (options.Tools is { } declared)
        {
            foreach (AITool tool in declared)
            {
                if (tool is AIFunctionDeclaration function)
                {
                    tools.Add(function);
                }
            }
        }

        string? responseTool = null;
        if (options.ResponseFormat is ChatResponseFormatJson { Schema: { } schema } json)
        {
            responseTool = ToolName(json.SchemaName);
            tools.Add(AIFunctionFactory.CreateDeclaration(responseTool, json.SchemaDescription ?? "Return the response as JSON matching this schema.", schema));
        }

        if (tools.Count == 0)
        {
            return null;
        }

        writer.WritePropertyName("toolConfig");
        writer.WriteStartObject();
        writer.WritePropertyName("tools");
        writer.WriteStartArray();
        foreach (AIFunctionDeclaration tool in tools)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("toolSpec");
            writer.WriteStartObject();
            writer.WriteString("name", tool.Name);
            if (!string.IsNullOrEmpty(tool.Description))
            {
                writer.WriteString("description", tool.Description);
            }

            writer.WritePropertyName("inputSchema");
            writer.WriteStartObject();
            writer.WritePropertyName("json");
            tool.JsonSchema.WriteTo(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        string? forced = responseTool ?? (options.ToolMode as RequiredChatToolMode)?.RequiredFunctionName;
        if (forced is not null || options.ToolMode is not null)
        {
            writer.WritePropertyName("toolChoice");
            writer.WriteStartObject();
            if (forced is not null)
            {
                writer.WritePropertyName("tool");
                writer.WriteStartObject();
                writer.WriteString("name", forced);
                writer.WriteEndObject();
            }
            else
            {
                writer.WritePropertyName(options.ToolMode is RequiredChatToolMode ? "any" : "auto");
                writer.WriteStartObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        return responseTool;
    }

    /// <summary>A tool name Bedrock accepts (<c>[a-zA-Z0-9_-]{1,64}</c>) from a schema name.</summary>
    private static string ToolName(string? schemaName)
    {
        if (string.IsNullOrEmpty(schemaName))
        {
            return DefaultResponseToolName;
        }

        string name = InvalidToolNameChars().Replace(schemaName, "_");
        return name.Length > 64 ? name[..64] : name;
    }

    [GeneratedRegex("[^a-zA-Z0-9_-]")]
    private static partial Regex InvalidToolNameChars();
}

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthTwin.Aws.Bedrock;

/// <summary>
/// A Microsoft.Extensions.AI <see cref="IChatClient"/> for the Amazon Bedrock Runtime Converse and ConverseStream
/// APIs, over an <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> (named <see cref="HttpClientName"/>)
/// whose primary handler is AWSSDK.Core's SigV4 signing handler (service <c>bedrock</c>).
/// </summary>
/// <remarks>
/// <para>Registered by <c>AddBedrockAgents</c> (the agents use it through the keyed <see cref="IChatClient"/>
/// <see cref="ServiceKey"/>), or created without dependency injection by <see cref="Create"/>. Credentials and region resolve lazily on the first request (explicit
/// credentials, <c>AWSOptions</c>, then AWSSDK.Core's default chain; the region never through instance metadata) and are
/// cached; missing ones throw <see cref="BedrockConfigurationException"/>. Bedrock errors throw
/// <see cref="BedrockException"/>. The client does not retry: callers own the retry policy.</para>
/// <para><c>ChatOptions</c> map to <c>inferenceConfig</c> (max tokens, temperature, top-p, stop sequences) and
/// <c>toolConfig</c> (<see cref="ChatToolMode.RequireSpecific"/> forces a tool); a JSON-schema
/// <see cref="ChatOptions.ResponseFormat"/> becomes a forced tool whose input is returned as the response text.
/// Tool-use input deltas of a stream carry the fragment in <see cref="ChatResponseUpdate.AdditionalProperties"/> under
/// <see cref="ToolInputDeltaKey"/>, and the completed call follows as a <see cref="FunctionCallContent"/>.</para>
/// </remarks>
public sealed partial class BedrockChatClient : IChatClient
{
    /// <summary>The name of the <see cref="HttpClient"/> in <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "HealthTwin.Bedrock";

    /// <summary>
    /// The service key of the keyed <see cref="IChatClient"/> the Bedrock agents use: <c>HealthTwin.Bedrock</c>. A host
    /// that registers its own keyed client under this key (for example with <c>AddKeyedChatClient</c>) replaces the
    /// Bedrock pipeline; the host's unkeyed <see cref="IChatClient"/> is never used or replaced.
    /// </summary>
    public const string ServiceKey = "HealthTwin.Bedrock";

    /// <summary>The provider name in <see cref="ChatClientMetadata"/>: <c>aws.bedrock</c>.</summary>
    public const string ProviderName = "aws.bedrock";

    /// <summary>The SigV4 signing service name of Bedrock Runtime: <c>bedrock</c>.</summary>
    internal const string SigningService = "bedrock";

    /// <summary>The <see cref="ChatResponseUpdate.AdditionalProperties"/> key of a partial tool-use input in a stream.</summary>
    public const string ToolInputDeltaKey = BedrockEventStreamReader.ToolInputDeltaKey;

    private const int MaxErrorBodyBytes = 64 * 1024;
    private static readonly HttpRequestOptionsKey<string> RegionOption = new(SigV4SigningHandler.RegionOptionKey);
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly Func<HttpClient> _httpClient;
    private readonly BedrockChatClientOptions _options;
    private readonly BedrockCredentialResolver _credentials;
    private readonly ILogger _logger;
    private readonly IDisposable? _owned;

    internal BedrockChatClient(IHttpClientFactory httpClientFactory, BedrockChatClientOptions options, BedrockCredentialResolver credentials, ILogger<BedrockChatClient> logger)
        : this(() => httpClientFactory.CreateClient(HttpClientName), options, credentials, logger, owned: null)
    {
    }

    private BedrockChatClient(Func<HttpClient> httpClient, BedrockChatClientOptions options, BedrockCredentialResolver credentials, ILogger logger, IDisposable? owned)
    {
        _httpClient = httpClient;
        _options = options;
        _credentials = credentials;
        _logger = logger;
        _owned = owned;
    }

    /// <summary>
    /// Creates a client for hosts without dependency injection: it owns one SigV4-signed <see cref="HttpClient"/>
    /// (released by <see cref="Dispose"/>). Credentials: <see cref="BedrockChatClientOptions.Credentials"/>, else
    /// AWSSDK.Core's default chain; region: <see cref="BedrockChatClientOptions.Region"/>, else <c>AWS_REGION</c> or the
    /// profile's region. Compose it like any other client, for example
    /// <c>new ChatClientBuilder(BedrockChatClient.Create(options)).UseLogging(loggerFactory).Build()</c>.
    /// </summary>
    /// <param name="options">The options (copied; later changes have no effect).</param>
    /// <param name="loggerFactory">The logger factory, if any.</param>
    /// <param name="timeProvider">The clock of the credential failure cache; default <see cref="TimeProvider.System"/>.</param>
    /// <returns>The client.</returns>
    public static BedrockChatClient Create(BedrockChatClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var copy = new BedrockChatClientOptions
        {
            Region = options.Region,
            ServiceUrl = options.ServiceUrl,
            DefaultModelId = options.DefaultModelId,
            Credentials = options.Credentials,
        };
        var credentials = new BedrockCredentialResolver(copy, awsOptions: null, timeProvider ?? TimeProvider.System);
        var httpClient = new HttpClient(BedrockChatClientRegistration.CreatePrimaryHandler(credentials), disposeHandler: true);
        ILogger logger = loggerFactory?.CreateLogger<BedrockChatClient>() ?? NullLogger<BedrockChatClient>.Instance;
        return new BedrockChatClient(() => httpClient, copy, credentials, logger, new Owned(httpClient, credentials));
    }

    /// <summary>Sends a Converse request.</summary>
    /// <param name="messages">The conversation (system messages become system blocks).</param>
    /// <param name="options">Model, inference settings, tools and response format.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response with text and tool calls, the finish reason and the token usage.</returns>
    /// <exception cref="BedrockException">Bedrock returned an error or an unreadable body.</exception>
    /// <exception cref="BedrockConfigurationException">No credentials or region.</exception>
    /// <exception cref="HttpRequestException">The endpoint could not be reached.</exception>
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        (HttpRequestMessage request, string modelId, string? responseTool) = await CreateRequestAsync(messages, options, "converse", cancellationToken).ConfigureAwait(false);
        using (request)
        {
            long start = Stopwatch.GetTimestamp();
            using HttpResponseMessage response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            byte[] body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            string? requestId = BedrockConverseResponse.RequestId(response);
            LogResponse("Converse", modelId, response, start, requestId);
            if (!response.IsSuccessStatusCode)
            {
                throw BedrockConverseResponse.Error(response, body, "Converse", modelId);
            }

            return BedrockConverseResponse.Parse(body, modelId, requestId, responseTool);
        }
    }

    /// <summary>Sends a ConverseStream request and yields its events as they arrive.</summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="options">Model, inference settings, tools and response format.</param>
    /// <param name="cancellationToken">Cancels the request and the stream.</param>
    /// <returns>Text deltas, tool-use input deltas and calls, the finish reason and a <see cref="UsageContent"/>.</returns>
    /// <exception cref="BedrockException">Bedrock returned an error, an exception frame or a corrupt frame.</exception>
    /// <exception cref="BedrockConfigurationException">No credentials or region.</exception>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        (HttpRequestMessage request, string modelId, string? responseTool) = await CreateRequestAsync(messages, options, "converse-stream", cancellationToken).ConfigureAwait(false);
        using (request)
        {
            long start = Stopwatch.GetTimestamp();
            using HttpResponseMessage response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            string? requestId = BedrockConverseResponse.RequestId(response);
            LogResponse("ConverseStream", modelId, response, start, requestId);
            if (!response.IsSuccessStatusCode)
            {
                byte[] body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
                throw BedrockConverseResponse.Error(response, body, "ConverseStream", modelId);
            }

            Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var reader = new BedrockEventStreamReader(modelId, requestId, responseTool);
                byte[] buffer = new byte[16 * 1024];
                List<ChatResponseUpdate> updates = [];
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    reader.Feed(buffer, read, updates);
                    foreach (ChatResponseUpdate update in updates)
                    {
                        yield return update;
                    }

                    updates.Clear();
                    reader.ThrowIfCorrupt();
                }
            }
        }
    }

    /// <summary>Returns <see cref="ChatClientMetadata"/> (provider <c>aws.bedrock</c>, the endpoint, the default model) or this client.</summary>
    /// <param name="serviceType">The requested type.</param>
    /// <param name="serviceKey">Must be <see langword="null"/>.</param>
    /// <returns>The service, or <see langword="null"/>.</returns>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return new ChatClientMetadata(ProviderName, Endpoint(_credentials.TryGetRegion()), _options.DefaultModelId);
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Releases the <see cref="HttpClient"/> of a client made by <see cref="Create"/>; with dependency injection the clients belong to the factory.</summary>
    public void Dispose() => _owned?.Dispose();

    private async ValueTask<(HttpRequestMessage Request, string ModelId, string? ResponseTool)> CreateRequestAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        string modelId = string.IsNullOrWhiteSpace(options?.ModelId) ? _options.DefaultModelId : options.ModelId.Trim();
        (byte[] body, string? responseTool) = BedrockConverseRequest.Write(messages, options);

        // Resolve before sending: the signing handler only reads the cached credentials.
        await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        RegionEndpoint region = _credentials.GetRegion();
        Uri endpoint = Endpoint(region)!;

        // The model id is one path segment: ':' -> %3A, '/' of an ARN -> %2F.
        var uri = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/model/" + Uri.EscapeDataString(modelId) + "/" + operation);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonContentType;
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Options.Set(RegionOption, region.SystemName);
        return (request, modelId, responseTool);
    }

    private void LogResponse(string operation, string modelId, HttpResponseMessage response, long start, string? requestId)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            double elapsedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            int status = (int)response.StatusCode;
            Log.Responded(_logger, operation, modelId, status, elapsedMs, requestId);
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        HttpClient client = _httpClient();
        return client.SendAsync(request, completion, cancellationToken);
    }

    private Uri? Endpoint(RegionEndpoint? region) =>
        _options.ServiceUrl
        ?? (region is null ? null : new Uri($"https://bedrock-runtime.{region.SystemName}.{(string.IsNullOrEmpty(region.PartitionDnsSuffix) ? "amazonaws.com" : region.PartitionDnsSuffix)}"));

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        // Error bodies are small; cap them so a misbehaving proxy cannot make us buffer megabytes.
        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var copy = new MemoryStream();
            byte[] buffer = new byte[8192];
            int read;
            while (copy.Length < MaxErrorBodyBytes && (read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                copy.Write(buffer, 0, read);
            }

            return copy.ToArray();
        }
    }

    private sealed class Owned(HttpClient httpClient, BedrockCredentialResolver credentials) : IDisposable
    {
        public void Dispose()
        {
            httpClient.Dispose();
            credentials.Dispose();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "Bedrock {Operation} for {ModelId} answered HTTP {StatusCode} in {ElapsedMs} ms (request id {RequestId})")]
        public static partial void Responded(ILogger logger, string operation, string modelId, int statusCode, double elapsedMs, string? requestId);
    }
}

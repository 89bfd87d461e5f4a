using System.Collections.Concurrent;
using Amazon.Runtime;

namespace HealthTwin.Aws.Tests.S3;

/// <summary>
/// Gives the S3 client one <see cref="HttpClient"/> whose handler records every request (method, path and query,
/// headers) and can run a hook before sending it (for example to kill the server mid-save).
/// </summary>
public sealed class RecordingHttpClientFactory : HttpClientFactory, IDisposable
{
    private readonly HttpClient _client;

    public RecordingHttpClientFactory(Func<HttpRequestMessage, Task>? beforeSend = null) =>
        _client = new HttpClient(new RecordingHandler(this, beforeSend ?? (_ => Task.CompletedTask)), disposeHandler: true);

    /// <summary>Every request sent, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => _client;

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public void Dispose() => _client.Dispose();

    /// <summary>The requests with this method whose query contains <paramref name="queryPart"/> (case-insensitive).</summary>
    public List<RecordedRequest> Where(HttpMethod method, string? queryPart = null) =>
        [.. Requests.Where(r => r.Method == method && (queryPart is null || r.Query.Contains(queryPart, StringComparison.OrdinalIgnoreCase)))];

    private sealed class RecordingHandler(RecordingHttpClientFactory owner, Func<HttpRequestMessage, Task> beforeSend)
        : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }

            owner.Requests.Enqueue(new RecordedRequest(request.Method, Uri.UnescapeDataString(request.RequestUri!.AbsolutePath), request.RequestUri.Query, headers));
            await beforeSend(request);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>One request the S3 client sent.</summary>
public sealed record RecordedRequest(HttpMethod Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers);

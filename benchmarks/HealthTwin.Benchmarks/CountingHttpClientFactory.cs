using Amazon.Runtime;

namespace HealthTwin.Benchmarks;

/// <summary>
/// Gives the S3 client one HttpClient that counts requests and can add a fixed delay before each one (an emulated
/// network round trip: the loopback server answers in well under a millisecond, real S3 in tens).
/// </summary>
public sealed class CountingHttpClientFactory : HttpClientFactory, IDisposable
{
    private readonly CountingHandler _handler;
    private readonly HttpClient _client;

    public CountingHttpClientFactory(TimeSpan roundTrip)
    {
        _handler = new CountingHandler(roundTrip);
        _client = new HttpClient(_handler, disposeHandler: true);
    }

    /// <summary>Requests sent so far.</summary>
    public int Requests => Volatile.Read(ref _handler.Count);

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => _client;

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public void Dispose() => _client.Dispose();

    private sealed class CountingHandler(TimeSpan roundTrip) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
    {
#pragma warning disable SA1401, CA1051 // a plain field so it can be incremented atomically
        internal int Count;
#pragma warning restore SA1401, CA1051

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Count);
            if (roundTrip > TimeSpan.Zero)
            {
                await Task.Delay(roundTrip, cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}

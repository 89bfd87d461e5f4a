using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HealthTwin.Samples.WebApi.Tests.Hardening;

/// <summary>
/// A loopback TCP server that misbehaves like a sick S3 endpoint: <see cref="Fault.Stall"/> accepts connections and
/// never answers; <see cref="Fault.BrokenBody"/> answers every request with 200, headers promising 1000 bytes, sends
/// 10 and closes the connection (a read error mid-download).
/// </summary>
internal sealed class FaultyS3Server : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Task _accepting;
    private readonly Fault _fault;
    private int _requests;

    public FaultyS3Server(Fault fault)
    {
        _fault = fault;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public enum Fault
    {
        Stall,
        BrokenBody,
    }

    public Uri ServiceUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Requests => Volatile.Read(ref _requests);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            lock (_held)
            {
                _held.Add(client);
            }

            if (_fault == Fault.BrokenBody)
            {
                _ = AnswerBrokenAsync(client);
            }
        }
    }

    private async Task AnswerBrokenAsync(TcpClient client)
    {
        try
        {
            NetworkStream stream = client.GetStream();
            var buffer = new byte[16 * 1024];
            var seen = new StringBuilder();
            while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                int read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            string head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\nETag: \"0123456789abcdef\"\r\n"
                + "Last-Modified: Fri, 14 Mar 2025 08:00:00 GMT\r\nx-amz-request-id: FAULTY\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "{\"broken\":"), _stop.Token);
            await stream.FlushAsync(_stop.Token);
            client.Client.Shutdown(SocketShutdown.Both);
            client.Dispose();
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the client went away first
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HealthTwin.Samples.WebApi.Tests.ScaleOut;

/// <summary>
/// A real redis-server (Debian's, installed by eng/redis/install.sh) on a free 127.0.0.1 port, without persistence,
/// stopped on dispose. <see cref="StopAsync"/> takes it away mid-test.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        string server = Environment.GetEnvironmentVariable("HEALTHTWIN_REDIS_SERVER") is { Length: > 0 } configured && File.Exists(configured)
            ? configured
            : File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server"
            : throw new InvalidOperationException("redis-server not found: run bash eng/redis/install.sh (eng/test.sh does).");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var redis = new RedisServer(port);
        var info = new ProcessStartInfo(server)
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        redis._process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {server}.");
        redis._process.OutputDataReceived += (_, _) => { };
        redis._process.ErrorDataReceived += (_, _) => { };
        redis._process.BeginOutputReadLine();
        redis._process.BeginErrorReadLine();
        for (int i = 0; i < 100; i++)
        {
            if (await PingAsync(port))
            {
                return redis;
            }

            await Task.Delay(50);
        }

        await redis.DisposeAsync();
        throw new InvalidOperationException($"redis-server did not answer PING on port {port}.");
    }

    /// <summary>Kills the server (Redis "goes away").</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        _process = null;
    }

    private static async Task<bool> PingAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            NetworkStream stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            int read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

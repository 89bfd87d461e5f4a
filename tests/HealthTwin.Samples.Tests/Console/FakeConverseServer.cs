using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace HealthTwin.Samples.Tests.Console;

/// <summary>
/// A minimal Amazon Bedrock Runtime <c>Converse</c> endpoint on 127.0.0.1 (HttpListener, no ASP.NET Core in this test
/// project): it answers a forced tool call with the given input, or an AWS-style error, and records each request.
/// The SigV4 signature itself is verified by the web host's tests against the AWS add-on's loopback server.
/// </summary>
internal sealed class FakeConverseServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, string Authorization, JsonElement Body)> _requests = new();
    private readonly Task _loop;

    public FakeConverseServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>The input of the forced tool call answered to every request; <see cref="ErrorStatus"/> wins when set.</summary>
    public string ToolInputJson { get; set; } = """{"paragraphs":["Fine."]}""";

    /// <summary>When set, every request gets this status with <see cref="ErrorType"/> in <c>x-amzn-ErrorType</c>.</summary>
    public int? ErrorStatus { get; set; }

    public string ErrorType { get; set; } = "InternalServerException";

    public IReadOnlyList<(string Path, string Authorization, JsonElement Body)> Requests => [.. _requests];

    public void Dispose()
    {
        _listener.Close(); // stops listening; the loop ends at its next accept
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException ex) when (ex.InnerException is HttpListenerException or ObjectDisposedException)
        {
            // stopped
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync();
            _requests.Enqueue((context.Request.RawUrl ?? string.Empty, context.Request.Headers["Authorization"] ?? string.Empty, JsonDocument.Parse(body).RootElement.Clone()));
            string reply;
            if (ErrorStatus is { } status)
            {
                context.Response.StatusCode = status;
                context.Response.Headers["x-amzn-ErrorType"] = ErrorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/";
                reply = """{"message":"scripted error"}""";
            }
            else
            {
                string tool = JsonDocument.Parse(body).RootElement.GetProperty("toolConfig").GetProperty("toolChoice").GetProperty("tool").GetProperty("name").GetString()!;
                reply = string.Concat(
                    """{"output":{"message":{"role":"assistant","content":[{"toolUse":{"toolUseId":"tooluse_1","name":""", JsonSerializer.Serialize(tool), ""","input":""", ToolInputJson,
                    """}}]}},"stopReason":"tool_use","usage":{"inputTokens":900,"outputTokens":150,"totalTokens":1050},"metrics":{"latencyMs":12}}""");
            }

            byte[] bytes = Encoding.UTF8.GetBytes(reply);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}

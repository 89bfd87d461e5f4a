using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using HealthTwin.Aws.Bedrock;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthTwin.Aws.Tests.Infrastructure;

/// <summary>
/// A Kestrel server on 127.0.0.1 (random port) that speaks the Bedrock Runtime Converse / ConverseStream wire
/// format and verifies every request's SigV4 signature like AWS (403 <c>InvalidSignatureException</c> otherwise).
/// Replies come from <see cref="Enqueue"/>d scripts first, then from <see cref="Responder"/>.
/// </summary>
internal sealed class LoopbackBedrockServer : IAsyncDisposable
{
    /// <summary>The access key the server accepts.</summary>
    public const string AccessKey = "AKIDLOOPBACKTEST";

    /// <summary>The secret the server verifies signatures with.</summary>
    public const string SecretKey = "loopback/Secret+Key0123456789";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<LoopbackBedrockReply> _script = new();
    private readonly ConcurrentQueue<LoopbackBedrockRequest> _requests = new();
    private int _requestCounter;

    private LoopbackBedrockServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base address, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The reply when no script is queued. Default: a valid recommendation set.</summary>
    public Func<LoopbackBedrockRequest, LoopbackBedrockReply> Responder { get; set; } = static _ => LoopbackBedrockReply.Recommendations();

    /// <summary>A delay before every accepted reply (the "slow model").</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Every request received (signed or not), in arrival order.</summary>
    public IReadOnlyList<LoopbackBedrockRequest> Requests => [.. _requests];

    /// <summary>How many requests arrived (signed or not).</summary>
    public int RequestCount => _requests.Count;

    /// <summary>How many requests were rejected for their signature.</summary>
    public int RejectedCount => _requests.Count(r => r.SignatureError is not null);

    /// <summary>Starts a server.</summary>
    public static async Task<LoopbackBedrockServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        LoopbackBedrockServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackBedrockServer(app, new Uri(address));
        return server;
    }

    /// <summary>Queues replies for the next requests, in order.</summary>
    public void Enqueue(params LoopbackBedrockReply[] replies)
    {
        foreach (LoopbackBedrockReply reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        CancellationToken aborted = context.RequestAborted;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, aborted);
        byte[] body = buffer.ToArray();
        string rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        string? signatureError = LoopbackBedrockServerSigV4.Verify(context, body, AccessKey, SecretKey, "bedrock");
        var request = new LoopbackBedrockRequest(rawTarget, Encoding.UTF8.GetString(body), context.Request.Headers.Authorization.ToString(), signatureError);
        _requests.Enqueue(request);
        context.Response.Headers["x-amzn-RequestId"] = "req-" + Interlocked.Increment(ref _requestCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);

        LoopbackBedrockReply reply;
        if (signatureError is not null)
        {
            reply = LoopbackBedrockReply.Error(403, "InvalidSignatureException", signatureError);
        }
        else if (request.Operation is null)
        {
            reply = LoopbackBedrockReply.Error(404, "UnknownOperationException", "unknown path " + rawTarget);
        }
        else
        {
            reply = _script.TryDequeue(out LoopbackBedrockReply? scripted) ? scripted : Responder(request);
        }

        try
        {
            if (Delay > TimeSpan.Zero && signatureError is null)
            {
                await Task.Delay(Delay, aborted);
            }

            await reply.WriteAsync(context, request, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (timeout test).
        }
    }
}

/// <summary>One request as the loopback server saw it.</summary>
internal sealed class LoopbackBedrockRequest
{
    public LoopbackBedrockRequest(string rawTarget, string body, string authorization, string? signatureError)
    {
        RawTarget = rawTarget;
        Body = body;
        Authorization = authorization;
        SignatureError = signatureError;
        string[] parts = rawTarget.Split('?')[0].Split('/');
        if (parts.Length == 4 && parts[1] == "model" && parts[3] is "converse" or "converse-stream")
        {
            ModelId = Uri.UnescapeDataString(parts[2]);
            Operation = parts[3];
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            Json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            Json = default;
        }
    }

    /// <summary>The path and query exactly as sent (percent-encoding kept).</summary>
    public string RawTarget { get; }

    /// <summary>The model id decoded from the path.</summary>
    public string? ModelId { get; }

    /// <summary><c>converse</c> or <c>converse-stream</c>.</summary>
    public string? Operation { get; }

    /// <summary>The JSON body.</summary>
    public string Body { get; }

    /// <summary>The parsed body.</summary>
    public JsonElement Json { get; }

    /// <summary>The Authorization header.</summary>
    public string Authorization { get; }

    /// <summary>Why the signature was rejected, or <see langword="null"/> when it verified.</summary>
    public string? SignatureError { get; }

    /// <summary>The name in <c>toolConfig.toolChoice.tool.name</c>.</summary>
    public string? ForcedToolName =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("toolConfig", out JsonElement config) && config.TryGetProperty("toolChoice", out JsonElement choice) && choice.TryGetProperty("tool", out JsonElement tool)
            ? tool.GetProperty("name").GetString()
            : null;

    /// <summary>The first tool's name, if the request declares tools.</summary>
    public string? FirstToolName =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("toolConfig", out JsonElement config)
            ? config.GetProperty("tools")[0].GetProperty("toolSpec").GetProperty("name").GetString()
            : null;

    /// <summary>All system text blocks, joined.</summary>
    public string SystemText =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("system", out JsonElement system)
            ? string.Join("\n", system.EnumerateArray().Select(b => b.GetProperty("text").GetString()))
            : string.Empty;

    /// <summary>All text blocks of user messages, joined.</summary>
    public string UserText =>
        Json.ValueKind == JsonValueKind.Object
            ? string.Join("\n", Json.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("role").GetString() == "user")
                .SelectMany(m => m.GetProperty("content").EnumerateArray())
                .Where(c => c.TryGetProperty("text", out _))
                .Select(c => c.GetProperty("text").GetString()))
            : string.Empty;
}

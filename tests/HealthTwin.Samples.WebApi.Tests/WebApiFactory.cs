using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HealthTwin.Samples.WebApi.Tests;

/// <summary>
/// The web host in process, in the Development environment (which must not leak errors either), with a real HS256
/// key and the file-system store under a fresh temp folder that is deleted afterwards.
/// </summary>
public sealed class WebApiFactory : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-only-healthtwin-webapi-signing-key-long-enough-for-hs512-0123456789";

    public WebApiFactory()
    {
        ClientOptions.BaseAddress = new Uri("http://127.0.0.1/");
    }

    public string StorageRoot { get; } = Directory.CreateTempSubdirectory("healthtwin-webapi-").FullName;

    public int AiPermitsPerMinute { get; init; } = 1000;

    /// <summary>Storage, analysis and report requests per user per minute (high by default, so only rate-limit tests meet the limit).</summary>
    public int PermitsPerMinute { get; init; } = 10_000;

    /// <summary>Whether <see cref="StartOnLoopback"/> was called (links then come from the real listening address).</summary>
    private bool _loopback;

    public long? MaxRequestBodyBytes { get; init; }

    /// <summary>Further configuration values, for example <c>["Cors:AllowedOrigins:0"] = "https://app.example"</c>.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Extra service registrations applied after Program's (the last registration wins).</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>A client that sends a valid token for <paramref name="userId"/>.</summary>
    public HttpClient ClientFor(string userId)
    {
        HttpClient client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Valid(userId));
        return client;
    }

    /// <summary>
    /// Starts the host on Kestrel on a free loopback port (instead of the in-memory test server) and returns its base
    /// address, for real clients in other processes (Node, supabase-js). Call before any other use.
    /// </summary>
    public Uri StartOnLoopback()
    {
        _loopback = true;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        string address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (!_loopback)
        {
            builder.UseSetting("PublicLinks:BaseUrl", "http://127.0.0.1/");
        }

        builder.UseSetting("RateLimiting:StoragePermitsPerMinute", PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:AnalyzePermitsPerMinute", PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:ReportsPermitsPerMinute", Math.Min(PermitsPerMinute, 10_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseEnvironment(Environments.Development);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("HealthTwin:Storage:RootPath", StorageRoot);
        builder.UseSetting("RateLimiting:AiPermitsPerMinute", AiPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (MaxRequestBodyBytes is { } limit)
        {
            builder.UseSetting("Limits:MaxRequestBodyBytes", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach ((string key, string value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => ExtraServices?.Invoke(services));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(StorageRoot))
        {
            Directory.Delete(StorageRoot, recursive: true);
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// Expiring download links that work without the bearer token, like pre-signed S3 URLs:
/// <c>{base}/functions/v1/s3-file?key=…&amp;expires=…&amp;sig=…</c>, where <c>sig</c> is an HMAC-SHA256 over the
/// key, the optional metrics range and the expiry. The key names its user, so a link opens exactly one file (or
/// one range of the metrics backup) of one user until it expires.
/// </summary>
internal sealed partial class SignedLinks
{
    public const string Route = "/functions/v1/s3-file";
    private readonly byte[] _key;
    private readonly PublicLinkSettings _settings;
    private readonly IServer _server;
    private readonly TimeProvider _time;

    public SignedLinks(IOptions<PublicLinkSettings> settings, IOptions<AuthSettings> auth, IServer server, TimeProvider time, ILogger<SignedLinks> logger)
    {
        _settings = settings.Value;
        _server = server;
        _time = time;
        if (_settings.SigningKey is { } own)
        {
            _key = Encoding.UTF8.GetBytes(own);
        }
        else if (auth.Value.SigningKey is { } shared)
        {
            _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(shared), 32, salt: [], info: "healthtwin-download-links-v1"u8.ToArray());
        }
        else
        {
            _key = RandomNumberGenerator.GetBytes(32);
            LogRandomKey(logger);
        }
    }

    /// <summary>How long a link works (<c>PublicLinks:Lifetime</c>); also the lifetime of S3 pre-signed URLs.</summary>
    public TimeSpan Lifetime => _settings.Lifetime;

    /// <summary>A link to <paramref name="key"/> (and, for the metrics folder, the days <paramref name="from"/>–<paramref name="to"/>).</summary>
    public Uri Create(string key, DateOnly? from = null, DateOnly? to = null)
    {
        long expires = _time.GetUtcNow().Add(_settings.Lifetime).ToUnixTimeSeconds();
        var query = new Dictionary<string, string?> { ["key"] = key };
        if (from is { } f && to is { } t)
        {
            query["from"] = f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            query["to"] = t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        query["expires"] = expires.ToString(CultureInfo.InvariantCulture);
        query["sig"] = Sign(key, query.GetValueOrDefault("from"), query.GetValueOrDefault("to"), expires);
        return new Uri(QueryHelpers.AddQueryString(BaseUrl().TrimEnd('/') + Route, query));
    }

    /// <summary>Whether the link's signature is valid and it has not expired (constant-time comparison).</summary>
    public bool Verify(string key, string? from, string? to, long expires, string signature)
    {
        if (expires < _time.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        byte[] expected = Encoding.ASCII.GetBytes(Sign(key, from, to, expires));
        byte[] given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private string Sign(string key, string? from, string? to, long expires)
    {
        string payload = string.Join('\n', key, from ?? string.Empty, to ?? string.Empty, expires.ToString(CultureInfo.InvariantCulture));
        return WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload)));
    }

    private string BaseUrl()
    {
        if (_settings.BaseUrl is { } configured)
        {
            return configured;
        }

        ICollection<string>? addresses = _server.Features.Get<IServerAddressesFeature>()?.Addresses;
        string? listening = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault();
        if (listening is null || !Uri.TryCreate(listening.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out Uri? uri))
        {
            throw new InvalidOperationException("Set PublicLinks:BaseUrl: the server reports no address to build download links from.");
        }

        var builder = new UriBuilder(uri);
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "127.0.0.1";
        }

        return builder.Uri.AbsoluteUri;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Neither PublicLinks:SigningKey nor Auth:SigningKey is set: download links are signed with a random key of this process and fail on other instances.")]
    private static partial void LogRandomKey(ILogger logger);
}

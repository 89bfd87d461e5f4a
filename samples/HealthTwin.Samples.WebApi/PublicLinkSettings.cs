using System.ComponentModel.DataAnnotations;
using System.Text;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// The <c>PublicLinks</c> section: how the download links of upload answers are built in file-system mode (and for
/// the metrics backup in any mode). Links never come from the request's <c>Host</c> header.
/// </summary>
internal sealed class PublicLinkSettings : IValidatableObject
{
    public const string SectionName = "PublicLinks";

    /// <summary>
    /// The host's public base URL as clients reach it (for example <c>https://api.example.com/</c>). When unset, the
    /// first address the server listens on (a wildcard becomes 127.0.0.1): fine on one machine, set it behind a proxy.
    /// </summary>
    public string? BaseUrl { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

    /// <summary>
    /// The HMAC key that signs links (at least 32 bytes). Every instance behind a load balancer needs the same one.
    /// When unset, a key derived from <c>Auth:SigningKey</c>; without that either, a random key per process.
    /// </summary>
    public string? SigningKey { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value; }

    /// <summary>How long a link works. Default 15 minutes; allowed 1 minute – 7 days.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is not null && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query)))
        {
            yield return new ValidationResult($"PublicLinks:BaseUrl '{BaseUrl}' is not an absolute http(s) URL without a query.", [nameof(BaseUrl)]);
        }

        if (SigningKey is not null && Encoding.UTF8.GetByteCount(SigningKey) < AuthSettings.MinSigningKeyBytes)
        {
            yield return new ValidationResult($"PublicLinks:SigningKey needs at least {AuthSettings.MinSigningKeyBytes} bytes.", [nameof(SigningKey)]);
        }

        if (Lifetime < TimeSpan.FromMinutes(1) || Lifetime > TimeSpan.FromDays(7))
        {
            yield return new ValidationResult($"PublicLinks:Lifetime {Lifetime} is outside 00:01:00 – 7.00:00:00.", [nameof(Lifetime)]);
        }
    }
}

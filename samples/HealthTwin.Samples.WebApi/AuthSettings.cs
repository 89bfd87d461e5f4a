using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// The <c>Auth</c> section: an HS256 shared secret (<c>SigningKey</c>, e.g. a Supabase JWT secret) and/or an OpenID
/// Connect <c>Authority</c> whose JWKS signs the tokens. <c>Issuer</c> and <c>Audience</c> are validated when set.
/// Blank values count as unset.
/// </summary>
internal sealed class AuthSettings : IValidatableObject
{
    public const string SectionName = "Auth";

    /// <summary>HS256 needs a key of at least 256 bits.</summary>
    public const int MinSigningKeyBytes = 32;

    public string? SigningKey { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value; }

    public string? Authority { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value; }

    public string? Issuer { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value; }

    public string? Audience { get; set => field = string.IsNullOrWhiteSpace(value) ? null : value; }

    public SymmetricSecurityKey? SymmetricKey =>
        SigningKey is null ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SigningKey is null && Authority is null)
        {
            yield return new ValidationResult(
                "Set Auth:SigningKey (an HS256 secret of at least 32 bytes, e.g. the Supabase JWT secret) or Auth:Authority (the token issuer's URL, for JWKS).",
                [nameof(SigningKey), nameof(Authority)]);
        }

        if (SigningKey is not null && Encoding.UTF8.GetByteCount(SigningKey) < MinSigningKeyBytes)
        {
            yield return new ValidationResult(
                $"Auth:SigningKey is {Encoding.UTF8.GetByteCount(SigningKey)} bytes; HS256 needs at least {MinSigningKeyBytes}.", [nameof(SigningKey)]);
        }

        if (Authority is not null && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"Auth:Authority '{Authority}' is not an absolute URL.", [nameof(Authority)]);
        }
    }
}

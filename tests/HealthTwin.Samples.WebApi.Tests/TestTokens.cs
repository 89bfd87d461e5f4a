using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HealthTwin.Samples.WebApi.Tests;

/// <summary>Real signed JWTs, made independently of the host's own token code.</summary>
internal static class TestTokens
{
    public static string Valid(string subject) => Create(new Dictionary<string, object> { ["sub"] = subject });

    public static string WithoutSubject() => Create(new Dictionary<string, object> { ["name"] = "no-sub" });

    public static string WrongSignature(string subject) =>
        Create(new Dictionary<string, object> { ["sub"] = subject }, key: "another-key-that-is-long-enough-for-hs256-0123456789");

    public static string Expired(string subject) =>
        Create(new Dictionary<string, object> { ["sub"] = subject }, lifetimeStart: TimeSpan.FromHours(-2), lifetime: TimeSpan.FromHours(1));

    /// <summary>Signed with the right key but HS512: rejected because only HS256 is accepted.</summary>
    public static string Hs512(string subject) =>
        Create(new Dictionary<string, object> { ["sub"] = subject }, algorithm: SecurityAlgorithms.HmacSha512);

    /// <summary>An unsigned token (<c>alg: none</c>) with a valid subject and lifetime.</summary>
    public static string Unsigned(string subject)
    {
        long now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        return $"{Part("""{"alg":"none","typ":"JWT"}""")}.{Part($$"""{"sub":"{{subject}}","iat":{{now}},"nbf":{{now}},"exp":{{now + 600}}}""")}.";
    }

    private static string Create(
        Dictionary<string, object> claims, string key = WebApiFactory.SigningKey, string algorithm = SecurityAlgorithms.HmacSha256,
        TimeSpan? lifetimeStart = null, TimeSpan? lifetime = null)
    {
        DateTime start = TimeProvider.System.GetUtcNow().Add(lifetimeStart ?? TimeSpan.FromMinutes(-1)).UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = start,
            NotBefore = start,
            Expires = start.Add(lifetime ?? TimeSpan.FromMinutes(30)),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm),
        });
    }
}

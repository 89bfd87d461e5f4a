using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HealthTwin.Samples.WebApi.Tests.AppClient;

/// <summary>Tokens shaped like Supabase Auth's: HS256 with the project's JWT secret, <c>aud: authenticated</c>, a UUID <c>sub</c>.</summary>
internal static class SupabaseTokens
{
    public const string Audience = "authenticated";
    public const string Issuer = "http://127.0.0.1/auth/v1";

    /// <summary>A signed-in user's access token.</summary>
    public static string User(Guid userId) => Create(new Dictionary<string, object>
    {
        ["sub"] = userId.ToString(),
        ["aud"] = Audience,
        ["role"] = "authenticated",
        ["email"] = "ada@example.test",
        ["aal"] = "aal1",
        ["session_id"] = Guid.NewGuid().ToString(),
        ["is_anonymous"] = false,
    });

    /// <summary>The project's anon key (role <c>anon</c>, no user): sent as <c>apikey</c>, never accepted as a user.</summary>
    public static string AnonKey() => Create(new Dictionary<string, object> { ["role"] = "anon", ["ref"] = "healthtwin-local" });

    private static string Create(Dictionary<string, object> claims)
    {
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = Issuer,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(WebApiFactory.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}

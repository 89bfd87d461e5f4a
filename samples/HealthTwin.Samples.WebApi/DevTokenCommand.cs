using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// <c>dotnet run -- mint-token &lt;user-id&gt; [minutes]</c>: prints a token signed with <c>Auth:SigningKey</c>
/// (the development key in appsettings.Development.json when run with <c>dotnet run</c>), for calling the API with curl.
/// </summary>
internal static class DevTokenCommand
{
    public static bool TryRun(string[] args, IConfiguration configuration)
    {
        if (args is not ["mint-token", ..])
        {
            return false;
        }

        AuthSettings auth = configuration.GetSection(AuthSettings.SectionName).Get<AuthSettings>() ?? new AuthSettings();
        int minutes = args.Length > 2 && int.TryParse(args[2], out int m) && m is > 0 and <= 1440 ? m : 60;
        if (args.Length < 2 || !Agents.Storage.StorageKeys.IsValidUserId(args[1]) || auth.SymmetricKey is null)
        {
            Console.Error.WriteLine("usage: mint-token <user-id> [minutes 1-1440]; needs Auth:SigningKey (see appsettings.Development.json).");
            Environment.ExitCode = 2;
            return true;
        }

        Console.WriteLine(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { [CallerIdentity.SubjectClaim] = args[1] },
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Expires = TimeProvider.System.GetUtcNow().AddMinutes(minutes).UtcDateTime,
            SigningCredentials = new SigningCredentials(auth.SymmetricKey, SecurityAlgorithms.HmacSha256),
        }));
        return true;
    }
}

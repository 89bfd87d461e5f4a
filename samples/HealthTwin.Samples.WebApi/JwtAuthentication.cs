using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace HealthTwin.Samples.WebApi;

/// <summary>JWT bearer authentication from the <c>Auth</c> section, and the policy every endpoint requires.</summary>
internal static class JwtAuthentication
{
    public static IServiceCollection AddJwtAuthentication(this IServiceCollection services)
    {
        services.AddOptions<AuthSettings>().BindConfiguration(AuthSettings.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthSettings>>((jwt, auth) => Apply(jwt, auth.Value));
        services.AddAuthorizationBuilder().AddPolicy(CallerIdentity.PolicyName, CallerIdentity.Policy);
        return services;
    }

    private static void Apply(JwtBearerOptions jwt, AuthSettings auth)
    {
        bool hasAuthority = auth.Authority is not null;
        jwt.MapInboundClaims = false; // keep "sub" as "sub"
        jwt.Authority = auth.Authority;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            IssuerSigningKey = auth.SymmetricKey,
            ValidAlgorithms = hasAuthority ? null : [SecurityAlgorithms.HmacSha256], // no algorithm confusion with a shared secret
            ValidateIssuer = hasAuthority || auth.Issuer is not null,
            ValidIssuer = auth.Issuer,
            ValidateAudience = auth.Audience is not null,
            ValidAudience = auth.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = CallerIdentity.SubjectClaim,
        };
    }
}

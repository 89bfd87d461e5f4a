using System.Security.Claims;
using HealthTwin.Agents.Storage;
using Microsoft.AspNetCore.Authorization;

namespace HealthTwin.Samples.WebApi;

/// <summary>The caller's user id: the token's <c>sub</c>, accepted only when it is a valid storage user id.</summary>
internal static class CallerIdentity
{
    public const string PolicyName = "HealthTwinUser";
    public const string SubjectClaim = "sub";

    /// <summary>Authenticated, with a <c>sub</c> that <see cref="StorageKeys.IsValidUserId"/> accepts (403 otherwise).</summary>
    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(context => TryGetUserId(context.User) is not null)
        .Build();

    public static string? TryGetUserId(ClaimsPrincipal user) =>
        user.FindFirst(SubjectClaim)?.Value is { } sub && StorageKeys.IsValidUserId(sub) ? sub : null;

    /// <summary>The caller's user id on an endpoint that requires <see cref="PolicyName"/>.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        TryGetUserId(user) ?? throw new InvalidOperationException($"The endpoint must require the '{PolicyName}' policy.");
}

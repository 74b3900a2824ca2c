using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ResMonitor.Core.Accounts;

namespace ResMonitor.Web.Features.Accounts;

/// <summary>
/// The region a signed-in user belongs to travels in the sign-in cookie as a claim (docs/decisions/0021): no claim means
/// a national user, who works for every region in the instance.
/// </summary>
public static class RegionClaims
{
    public const string Type = "resmonitor:regio";

    /// <summary>The user's region, or null for a national user (or an anonymous visitor).</summary>
    public static string? RegionOf(this ClaimsPrincipal user) => user.FindFirst(Type)?.Value;

    /// <summary>Whether a signed-in user may see or change data of the region: a national user every region, anyone else their own.</summary>
    public static bool MayAccessRegion(this ClaimsPrincipal user, string regionId) =>
        user.Identity?.IsAuthenticated == true && (user.RegionOf() is not { } own || string.Equals(own, regionId, StringComparison.Ordinal));
}

/// <summary>Adds the user's region to the claims made at sign-in.</summary>
public sealed class RegionClaimsFactory(UserManager<User> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.RegionId is { } region)
        {
            identity.AddClaim(new Claim(RegionClaims.Type, region));
        }

        return identity;
    }
}

using System.Security.Claims;
using Cisa.Crm.Core.Security;

namespace Cisa.Crm.Web.Authentication;

/// <summary>Reads the signed-in user as a core <see cref="CrmActor"/>, the same way for Entra and local sign-in.</summary>
public static class CrmClaims
{
    /// <summary>Entra ID puts app roles in <c>roles</c>; local sign-in uses the same claim type.</summary>
    public const string RoleClaimType = "roles";
    public const string NameClaimType = "name";
    public const string ObjectIdClaimType = "oid";

    /// <summary>The server-side session the cookie belongs to (<see cref="ServerSessions"/>); the CRM's own claim, not Entra's.</summary>
    public const string SessionIdClaimType = "cisa_session";

    /// <summary>Marks the anonymous state an open page gets when its session ends on this instance (<see cref="SessionRevalidation"/>).</summary>
    public const string SessionEndedClaimType = "cisa_session_ended";
    private const string ObjectIdLongClaimType = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public static CrmActor ToCrmActor(this ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return CrmActor.Anonymous;
        }

        var id = user.FindFirst(ObjectIdClaimType)?.Value
            ?? user.FindFirst(ObjectIdLongClaimType)?.Value
            ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? user.Identity.Name
            ?? "unknown";
        var name = user.FindFirst(NameClaimType)?.Value ?? user.Identity.Name ?? id;
        // Only the CRM's own roles count: an app role it does not know (or a differently cased one) grants nothing,
        // and its holder sees the "no role" page rather than an empty one.
        var roles = user.Claims
            .Where(c => c.Type is RoleClaimType or ClaimTypes.Role)
            .Select(c => c.Value)
            .Where(CrmRoles.All.Contains)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new CrmActor(id, name, roles);
    }
}

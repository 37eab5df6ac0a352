using System.Security.Claims;
using Cisa.Crm.Core.Security;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cisa.Crm.Web.Authentication;

/// <summary>Invented staff members for the local sign-in: one per role and one without a role.</summary>
public static class DemoUsers
{
    public sealed record DemoUser(string Id, string Name, string? Role);

    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("demo-sales", "Sofie Verhaegen", CrmRoles.Sales),
        new("demo-hr", "Jonas Wouters", CrmRoles.HR),
        new("demo-privacy", "Annelies Claes", CrmRoles.PrivacyAdmin),
        new("demo-norole", "Pieter Janssens", null),
    ];

    public static DemoUser? Find(string? id) => All.FirstOrDefault(u => u.Id == id);

    public static ClaimsPrincipal ToPrincipal(DemoUser user)
    {
        var claims = new List<Claim>
        {
            new(CrmClaims.ObjectIdClaimType, user.Id),
            new(CrmClaims.NameClaimType, user.Name),
        };
        if (user.Role is not null)
        {
            claims.Add(new Claim(CrmClaims.RoleClaimType, user.Role));
        }

        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, CrmClaims.NameClaimType, CrmClaims.RoleClaimType);
        return new ClaimsPrincipal(identity);
    }
}

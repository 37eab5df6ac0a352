using System.Security.Claims;
using Cisa.Crm.Demo;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cisa.Crm.Web.Authentication;

/// <summary>The local sign-in's users: one per role and one without a role (<see cref="DemoStaff"/>).</summary>
public static class DemoUsers
{
    public static IReadOnlyList<DemoStaff.Member> All => DemoStaff.SignInChoices;

    public static DemoStaff.Member? Find(string? id) => All.FirstOrDefault(u => u.Id == id);

    public static ClaimsPrincipal ToPrincipal(DemoStaff.Member user)
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

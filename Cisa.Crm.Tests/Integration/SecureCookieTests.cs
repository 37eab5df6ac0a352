using System.Net;
using Cisa.Crm.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cisa.Crm.Tests.Integration;

/// <summary>Issue 18 defect 8: over HTTPS every cookie the app sets to keep a session safe carries Secure, the antiforgery cookie too.</summary>
public sealed class SecureCookieTests
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Staging")]
    public async Task Over_https_the_antiforgery_cookie_is_Secure(string environment)
    {
        await using var factory = new CrmAppFactory
        {
            Environment = environment,
            Settings = new Dictionary<string, string> { ["Authentication:LocalSignIn:Enabled"] = "true" },
        };
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });

        var page = await client.GetAsync("/authentication/local");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}

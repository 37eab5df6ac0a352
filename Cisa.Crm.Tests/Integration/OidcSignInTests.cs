using System.Net;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support.Oidc;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Integration;

/// <summary>
/// Sign-in with Microsoft Entra ID through a real OpenID Connect provider (<see cref="TestOidcProvider"/>): the full
/// flow the app is registered for (redirect to the authorize endpoint, <c>response_type=id_token</c> posted back to
/// <c>/signin-oidc</c> with <c>response_mode=form_post</c>), the app's back channel fetching the discovery document
/// and signing keys, and the id token checked as production checks it (signature, issuer against the tenant,
/// audience, lifetime, nonce).
/// </summary>
public sealed class OidcSignInTests(OidcFixture oidc) : IClassFixture<OidcFixture>
{
    private static OidcAccount Account(string name, params string[] roles) =>
        new(Guid.NewGuid().ToString(), name, $"{name.Replace(' ', '.').ToLowerInvariant()}@cisa.example", roles);

    [Fact]
    public async Task LOG_ACTIONS_a_person_signs_in_through_the_full_OpenID_Connect_flow_and_the_sign_in_is_recorded_under_their_object_id()
    {
        var account = Account("Sofie Verhaegen", CrmRoles.Sales);
        using var browser = oidc.NewBrowser(account);

        var home = await browser.OpenAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(oidc.App.BaseUrl + "/", home.RequestMessage!.RequestUri!.AbsoluteUri);
        Assert.Contains("Welkom, Sofie Verhaegen", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Through the provider's authorize endpoint and back to the app's callback: a real round trip, no shortcut.
        Assert.Contains(browser.Visited, uri => uri.AbsoluteUri.StartsWith(oidc.Provider.Issuer.Replace("/v2.0", "/oauth2/v2.0/authorize", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Contains(browser.Visited, uri => uri.AbsoluteUri == oidc.App.BaseUrl + "/signin-oidc");
        Assert.NotNull(browser.SessionCookie);
        var signIns = await oidc.App.QueryAsync(db => db.AuditEntries.Where(e => e.ActorId == account.ObjectId && e.Action == AuditActions.SignIn).CountAsync());
        Assert.Equal(1, signIns);
    }

    [Theory]
    [InlineData(CrmRoles.Sales, "/prospects", "/audit")]
    [InlineData(CrmRoles.HR, "/hr/applicants", "/prospects")]
    [InlineData(CrmRoles.PrivacyAdmin, "/audit", "/hr/applicants/new")]
    public async Task Each_roles_claim_from_the_provider_becomes_that_CRM_role(string role, string allowed, string refused)
    {
        using var browser = oidc.NewBrowser(Account("Role Holder", role));
        await browser.OpenAsync("/");

        var mine = await browser.GetAsync(allowed);
        var other = await browser.GetAsync(refused);

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/access-denied", other.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_roles_claims_give_the_permissions_of_each()
    {
        using var browser = oidc.NewBrowser(Account("Two Hats", CrmRoles.Sales, CrmRoles.HR));
        await browser.OpenAsync("/");

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/prospects")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hr/applicants")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/audit")).StatusCode);
    }

    [Fact]
    public async Task A_person_without_roles_is_signed_in_but_sees_the_no_role_page_and_is_refused_everywhere_else()
    {
        using var browser = oidc.NewBrowser(Account("Pieter Janssens"));

        var home = await browser.OpenAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Je hebt nog geen rol", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var page in new[] { "/prospects", "/hr/applicants", "/audit", "/companies" })
        {
            var refused = await browser.GetAsync(page);
            Assert.True(HttpStatusCode.Redirect == refused.StatusCode, $"{page}: {refused.StatusCode}");
            Assert.StartsWith("/access-denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_roles_claim_the_CRM_does_not_know_gives_no_permission_and_shows_the_no_role_page()
    {
        using var browser = oidc.NewBrowser(Account("Global Admin", "Admin", "sales"));

        var home = await (await browser.OpenAsync("/")).Content.ReadAsStringAsync();

        Assert.Contains("Je hebt nog geen rol", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Role.Admin", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/prospects")).StatusCode);
    }

    [Theory]
    [InlineData("aud", "another audience")]
    [InlineData("iss", "another issuer")]
    [InlineData("exp", "expired")]
    [InlineData("nonce", "another nonce")]
    public async Task An_id_token_that_is_not_for_this_app_is_refused_with_a_clear_page_and_no_session_starts(string claim, string what)
    {
        var account = Account("Mallory", CrmRoles.PrivacyAdmin);
        using var browser = oidc.NewBrowser(account);
        oidc.Provider.TamperNextIdToken = payload =>
        {
            var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
            switch (claim)
            {
                case "aud": payload["aud"] = "00000000-aaaa-bbbb-cccc-000000000000"; break;
                case "iss": payload["iss"] = oidc.Provider.Issuer.Replace(TestOidcProvider.TenantId, "0d1e2f3a-0000-4000-8000-000000000000", StringComparison.Ordinal); break;
                case "exp": payload["iat"] = now - 7200; payload["nbf"] = now - 7200; payload["exp"] = now - 3600; break;
                case "nonce": payload["nonce"] = "a-nonce-of-another-sign-in"; break;
                default: throw new ArgumentOutOfRangeException(nameof(claim), what);
            }
        };

        var answer = await browser.OpenAsync("/audit");

        Assert.True(oidc.Provider.TamperNextIdToken is null, "the provider did not hand out the changed token");
        Assert.Null(browser.SessionCookie);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(oidc.App.BaseUrl + "/authentication/failed", answer.RequestMessage!.RequestUri!.AbsoluteUri);
        Assert.Contains("Aanmelden mislukt", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await browser.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.Redirect, audit.StatusCode);
        Assert.StartsWith(oidc.Provider.Instance, audit.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(0, await oidc.App.QueryAsync(db => db.AuditEntries.CountAsync(e => e.ActorId == account.ObjectId)));
    }
}

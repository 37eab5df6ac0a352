using System.Net;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support.Oidc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// Sign-out after a sign-in through the test OpenID Connect provider, in Chromium: the sign-out form needs the
/// antiforgery token the interactive user menu renders, as a person's browser has it.
/// </summary>
public sealed class OidcSignOutJourneyTests(OidcFixture oidc) : IClassFixture<OidcFixture>, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [Fact]
    public async Task LOG_ACTIONS_signing_out_ends_the_session_at_the_app_and_at_the_provider_and_is_recorded()
    {
        var account = new OidcAccount(Guid.NewGuid().ToString(), "Annelies Claes", "annelies.claes@cisa.example", CrmRoles.PrivacyAdmin);
        var page = await SignedInPageAsync(account);
        var signOutsBefore = oidc.Provider.SignOuts;

        await SignOutAsync(page);

        Assert.Equal(signOutsBefore + 1, oidc.Provider.SignOuts);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), cookie => cookie.Name.StartsWith("cisa-crm-session", StringComparison.Ordinal));
        var audit = await page.Context.APIRequest.GetAsync("/audit", new() { MaxRedirects = 0 });
        Assert.Equal((int)HttpStatusCode.Redirect, audit.Status);
        Assert.StartsWith(oidc.Provider.Instance, audit.Headers["location"], StringComparison.Ordinal);
        var actions = await oidc.App.QueryAsync(db => db.AuditEntries.Where(e => e.ActorId == account.ObjectId).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.SignIn, AuditActions.SignOut], actions);
    }

    [Fact]
    public async Task A_copied_session_cookie_is_refused_after_sign_out_through_the_OIDC_provider()
    {
        var page = await SignedInPageAsync(new OidcAccount(Guid.NewGuid().ToString(), "Sofie Verhaegen", "sofie.verhaegen@cisa.example", CrmRoles.Sales));
        var copied = string.Join("; ", (await page.Context.CookiesAsync())
            .Where(cookie => cookie.Name.StartsWith("cisa-crm-session", StringComparison.Ordinal))
            .Select(cookie => $"{cookie.Name}={cookie.Value}"));
        using var handler = oidc.Provider.CreateTrustingHandler();
        using var thief = new HttpClient(handler) { BaseAddress = new Uri(oidc.App.BaseUrl) };
        Task<HttpResponseMessage> WithCopiedCookieAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/prospects");
            request.Headers.Add("Cookie", copied);
            return thief.SendAsync(request);
        }

        var before = await WithCopiedCookieAsync();
        await SignOutAsync(page);
        var after = await WithCopiedCookieAsync();

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith(oidc.Provider.Instance, after.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    private async Task<IPage> SignedInPageAsync(OidcAccount account)
    {
        oidc.Provider.SignInAs = account;
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = oidc.App.BaseUrl,
            IgnoreHTTPSErrors = true, // the app's and the provider's certificates are made for this run
            Locale = "nl-BE",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoInteractiveAsync("/");
        return page;
    }

    private async Task SignOutAsync(IPage page)
    {
        await page.Locator("#user-menu").ClickAsync();
        await page.Locator("#sign-out").ClickAsync();
        await page.WaitForURLAsync(oidc.App.BaseUrl + "/authentication/signed-out");
    }
}

using Cisa.Crm.Web.Authentication;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

public sealed class ShellJourneyTests(BrowserFixture browser) : JourneyTests(browser)
{
    [Theory]
    [InlineData("demo-sales", "Verkoop", false, "#sales-dashboard")]
    [InlineData("demo-hr", "HR", false, "#hr-dashboard")]
    [InlineData("demo-privacy", "Privacyverantwoordelijke", true, "#privacy-dashboard")]
    [InlineData("demo-norole", "Geen rol", false, "#no-role")]
    public async Task Each_demo_user_signs_in_and_sees_their_role_dashboard_and_menu(string demoUserId, string roleText, bool seesAudit, string dashboard)
    {
        var page = await SignedInPageAsync(demoUserId);

        var user = DemoUsers.Find(demoUserId)!;
        await Expect(page.Locator("#user-name")).ToHaveTextAsync(user.Name);
        await Expect(page.Locator("#user-role")).ToHaveTextAsync(roleText);
        await Expect(page.Locator(dashboard)).ToBeVisibleAsync();
        var auditLink = page.Locator("nav a[href='/audit']");
        if (seesAudit)
        {
            await Expect(auditLink).ToBeVisibleAsync();
        }
        else
        {
            await Expect(auditLink).ToHaveCountAsync(0);
        }

        await page.ScreenshotAsync($"home-{demoUserId}");
    }

    [Fact]
    public async Task A_user_switches_the_language_and_the_choice_is_remembered()
    {
        var page = await SignedInPageAsync("demo-sales");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Welkom, Sofie Verhaegen");

        await page.Locator("#language-en").ClickAsync();
        await page.WaitForInteractiveAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Welcome, Sofie Verhaegen");
        await Expect(page.Locator("#user-role")).ToHaveTextAsync("Sales");
        await page.ScreenshotAsync("home-demo-sales-english");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Welcome, Sofie Verhaegen");

        await page.Locator("#language-nl").ClickAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Welkom, Sofie Verhaegen");
    }

    [Fact]
    public async Task A_user_signs_out_and_pages_ask_for_sign_in_again()
    {
        var page = await SignedInPageAsync("demo-hr");

        await page.Locator("#user-menu").ClickAsync();
        await page.Locator("#sign-out").ClickAsync();

        await Expect(page.Locator("#signed-out")).ToBeVisibleAsync();
        await page.ScreenshotAsync("signed-out");
        await page.GotoAsync("/");
        await Expect(page.Locator("#sign-in-demo-hr")).ToBeVisibleAsync();
        Assert.Contains("/authentication/local", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_in_one_tab_sends_the_sessions_other_open_tab_to_the_signed_out_page_without_a_click()
    {
        var page = await SignedInPageAsync("demo-sales", "/prospects");
        var other = await page.Context.NewPageAsync();
        await other.GotoInteractiveAsync("/");

        await other.Locator("#user-menu").ClickAsync();
        await other.Locator("#sign-out").ClickAsync();
        await Expect(other.Locator("#signed-out")).ToBeVisibleAsync();

        // The first tab's circuit is signed out by the server (ASVS 3.3.1): it shows the signed-out page by itself.
        await Expect(page.Locator("#signed-out")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Contains(AuthenticationEndpoints.SignedOutPath, page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_offers_one_demo_user_per_role_and_one_without()
    {
        var page = await NewPageAsync("en-BE");

        await page.GotoAsync("/");

        await Expect(page.Locator(".demo-user")).ToHaveCountAsync(DemoUsers.All.Count);
        await page.ScreenshotAsync("sign-in");
    }

    [Fact]
    public async Task Sales_is_refused_on_the_audit_trail_with_a_readable_message()
    {
        var page = await SignedInPageAsync("demo-sales");

        await page.GotoAsync("/audit");

        await Expect(page.Locator("#access-denied")).ToBeVisibleAsync();
        await page.ScreenshotAsync("access-denied-sales");
    }

    [Fact]
    public async Task An_unknown_page_shows_a_friendly_not_found_page()
    {
        var page = await SignedInPageAsync("demo-sales");

        var response = await page.GotoAsync("/does-not-exist");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("#not-found")).ToBeVisibleAsync();
        await page.ScreenshotAsync("not-found");
    }
}

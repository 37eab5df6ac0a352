using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class AuditJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task LOG_ACTIONS_the_privacy_officer_sees_sign_ins_filters_by_user_and_verifies_the_chain()
    {
        // A sales sign-in to find in the trail.
        var sales = await browser.NewPageAsync();
        await sales.SignInAsAsync("demo-sales");
        await sales.Context.CloseAsync();

        var page = await browser.NewPageAsync("en-BE");
        await page.SignInAsAsync("demo-privacy", "/audit");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Audit trail");
        await Expect(page.Locator("#audit-grid")).ToContainTextAsync("Signed in");
        // LOG_ACTIONS: the trail speaks the reader's language, never the stored action code.
        await Expect(page.Locator("#audit-grid")).Not.ToContainTextAsync("Session.SignIn");

        await page.Locator("#filter-user").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Sofie Verhaegen" }).ClickAsync();

        var rows = page.Locator("#audit-grid tbody tr");
        await Expect(rows.First).ToContainTextAsync("Sofie Verhaegen");
        foreach (var row in await rows.AllAsync())
        {
            await Expect(row).ToContainTextAsync("Sofie Verhaegen");
        }

        await page.Locator("#verify-chain").ClickAsync();
        await Expect(page.Locator("#chain-report")).ToContainTextAsync("The chain is intact");
        await page.ScreenshotAsync("audit-trail");
        await page.Context.CloseAsync();
    }
}

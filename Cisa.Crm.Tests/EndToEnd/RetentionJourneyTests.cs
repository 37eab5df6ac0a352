using System.Globalization;
using Cisa.Crm.Core.Time;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// The privacy officer's retention page in Chromium. The demo data holds one record past retention per rule
/// (and nothing else is due), so the sweep here erases only those: the other journeys never use them.
/// </summary>
public sealed class RetentionJourneyTests(BrowserFixture browser) : JourneyTests(browser)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-BE");

    [Fact]
    public async Task RET_RUN_privacy_officer_previews_holds_one_record_and_runs_the_sweep()
    {
        var page = await SignedInPageAsync("demo-privacy", "/", "en-BE");
        await Expect(page.Locator("#retention-dashboard")).ToBeVisibleAsync();
        await Expect(page.Locator("#retention-outlook tr[data-rule='RET-PARTNER'] [data-within='0']")).ToHaveTextAsync("1");
        await page.ScreenshotAsync("home-retention-card");

        await page.Locator("nav a[href='/privacy/retention']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Retention");
        await Expect(page.Locator("[data-policy='RET-APP-CV']")).ToContainTextAsync("2 years");
        await Expect(page.Locator("[data-policy='RET-APP-CONTACT']")).ToContainTextAsync("5 years");
        await Expect(page.Locator("[data-policy='RET-PROSPECT']")).ToContainTextAsync("Anonymised: their calls stay");
        await Expect(page.Locator("[data-policy='RET-PARTNER']")).ToContainTextAsync("10 years");
        await Expect(page.Locator("#sweep-schedule")).ToContainTextAsync("The daily sweep is switched off"); // as in every test app

        // Today: one record due under each rule, none held.
        foreach (var rule in new[] { "RET-APP-CV", "RET-APP-CONTACT", "RET-PROSPECT", "RET-PARTNER" })
        {
            await Expect(Count(page, rule, "erasable")).ToHaveTextAsync("1");
        }

        var table = page.Locator("#preview-table");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(4);
        await Expect(table).ToContainTextAsync("Hilde Vanderstraeten");
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "Ludo Van Gorp" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/contacts/\\d+$"));
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "Dirk Goossens" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/hr/applicants/\\d+$"));
        await page.ScreenshotAsync("retention-preview");

        // Forty days on, one more CV falls due (the demo vacancy that closed almost two years ago).
        var today = DateOnly.FromDateTime(BrusselsTime.FromUtc(DateTime.UtcNow));
        await SetAsOfAsync(page, today.AddDays(40));
        await Expect(Count(page, "RET-APP-CV", "erasable")).ToHaveTextAsync("2");
        await SetAsOfAsync(page, today);
        await Expect(Count(page, "RET-APP-CV", "erasable")).ToHaveTextAsync("1");

        // Only the partner rule, then a legal hold on its one record: the reason is required by the core.
        await page.ChooseAsync("preview-rule", "A contact person at a customer or supplier (RET-PARTNER)");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await table.Locator("tbody tr", new() { HasText = "Ludo Van Gorp" }).GetByRole(AriaRole.Button, new() { Name = "Legal hold" }).ClickAsync();
        await page.Locator("#save-hold").ClickAsync();
        await Expect(page.Field("hold-reason")).ToContainTextAsync("Required.");
        await page.Locator("#hold-reason").FillAsync("Invoice dispute with Drukkerij Van Gorp before the court in Turnhout: keep until judgment.");
        await page.ScreenshotAsync("retention-hold-dialog");
        await page.Locator("#save-hold").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        await Expect(page.Locator("#preview-empty")).ToBeVisibleAsync();
        await Expect(Count(page, "RET-PARTNER", "held")).ToHaveTextAsync("1");
        await Expect(Count(page, "RET-PARTNER", "erasable")).ToHaveTextAsync("0");
        await Expect(page.Locator("#preview-held")).ToContainTextAsync("Invoice dispute with Drukkerij Van Gorp");
        await Expect(page.Locator("#holds-table")).ToContainTextAsync("Ludo Van Gorp");

        // The sweep, confirmed, with its progress and its result.
        await page.Locator("#run-sweep").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("3 records. 1 held record is kept.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run sweep" }).ClickAsync();
        await Expect(page.Locator("#sweep-result")).ToContainTextAsync("Sweep finished. Erased: 3. Calls anonymised: 1. Held: 1.");
        await Expect(page.Locator("#sweep-progress-text")).ToHaveTextAsync("Erased 3 of 3");
        await Expect(page.Locator("#run-sweep")).ToBeVisibleAsync();

        var run = page.Locator("#runs-table tbody tr").First;
        await Expect(run).ToContainTextAsync("On demand");
        await Expect(run).ToContainTextAsync("Annelies Claes");
        await Expect(run.Locator("[data-status]")).ToHaveTextAsync("Completed");
        await Expect(run.Locator("[data-count='applicants']")).ToHaveTextAsync("1");
        await Expect(run.Locator("[data-count='cvs']")).ToHaveTextAsync("1");
        await Expect(run.Locator("[data-count='prospects']")).ToHaveTextAsync("1");
        await Expect(run.Locator("[data-count='calls']")).ToHaveTextAsync("1");
        await Expect(run.Locator("[data-count='contacts']")).ToHaveTextAsync("0");
        await Expect(run.Locator("[data-count='held']")).ToHaveTextAsync("1");

        // Nothing is left to erase; the held contact is still there, still held.
        await page.ChooseAsync("preview-rule", "All rules");
        await Expect(Count(page, "total", "erasable")).ToHaveTextAsync("0");
        await Expect(page.Locator("#preview-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#preview-held tr[data-held]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#preview-held")).ToContainTextAsync("Ludo Van Gorp");
        await page.ScreenshotAsync("retention-after-sweep");

        // The erased applicant's page is gone; the held contact's page still opens.
        await page.Locator("#preview-held").GetByRole(AriaRole.Link, new() { Name = "Ludo Van Gorp" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ludo Van Gorp");
    }

    [Fact]
    public async Task RET_RUN_the_retention_page_speaks_Dutch_and_is_refused_to_sales()
    {
        var page = await SignedInPageAsync("demo-privacy", "/privacy/retention", "nl-BE");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bewaartermijnen");
        await Expect(page.Locator("[data-policy='RET-PARTNER']")).ToContainTextAsync("10 jaar");
        await Expect(page.Locator("#preview-counts tr[data-rule='total']")).ToBeVisibleAsync();
        await Expect(page.Locator("#retention-preview")).ToContainTextAsync("Zou gewist worden");
        await Expect(page.Locator("#retention-preview .mud-table-pagination")).ToContainTextAsync("Rijen per pagina:");
        await Expect(page.Locator("#runs-table .mud-table-loading")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("retention-dutch");

        var sales = await SignedInPageAsync("demo-sales", "/", "nl-BE");
        await Expect(sales.Locator("nav a[href='/privacy/retention']")).ToHaveCountAsync(0);
        await Expect(sales.Locator("#retention-dashboard")).ToHaveCountAsync(0);
        await sales.GotoAsync("/privacy/retention");
        await Expect(sales.Locator("#access-denied")).ToBeVisibleAsync();
    }

    private static ILocator Count(IPage page, string rule, string column) =>
        page.Locator($"#preview-counts tr[data-rule='{rule}'] [data-count='{column}']");

    private static async Task SetAsOfAsync(IPage page, DateOnly day)
    {
        var input = page.Locator("#preview-as-of");
        await input.FillAsync(day.ToString("d", English));
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(day.ToString("d", English));
    }
}

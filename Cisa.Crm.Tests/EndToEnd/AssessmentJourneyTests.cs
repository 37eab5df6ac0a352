using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

public sealed class AssessmentJourneyTests(BrowserFixture browser) : JourneyTests(browser)
{
    [Fact]
    public async Task LI_REVIEW_the_privacy_officer_sees_an_overdue_assessment_and_reviews_it()
    {
        var page = await SignedInPageAsync("demo-privacy", "/", "en-BE");
        await Expect(page.Locator("[data-figure='assessments-overdue']")).Not.ToHaveTextAsync("0");
        await page.ScreenshotAsync("home-privacy-dashboard");

        await page.Locator("nav a[href='/privacy/assessments']").ClickAsync();
        await Expect(page.Locator("#overdue-assessments")).ToBeVisibleAsync();
        await page.ScreenshotAsync("assessments");
        var overdueRow = page.Locator("#assessment-table tbody tr", new() { HasText = "review overdue" }).First;
        var title = await overdueRow.Locator("td").First.InnerTextAsync();

        await overdueRow.GetByRole(AriaRole.Button, new() { Name = "Review" }).ClickAsync();
        await Expect(page.Locator("#assessment-title")).ToHaveValueAsync(title.Trim());
        await page.ScreenshotAsync("assessment-review-dialog");
        await page.Locator("#save-assessment").ClickAsync();

        await Expect(page.Locator("#assessment-table tbody tr", new() { HasText = title.Trim() })).Not.ToContainTextAsync("review overdue");
    }

    [Fact]
    public async Task The_sales_pages_read_well_in_Dutch()
    {
        var page = await SignedInPageAsync("demo-sales", "/prospects", "nl-BE");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Prospecten");
        await Expect(page.Locator("#prospect-grid")).ToContainTextAsync("Laatste gesprek");
        await page.ScreenshotAsync("prospects-dutch");
        await page.Locator("#prospect-grid a.prospect-link").First.ClickAsync();
        await Expect(page.Locator("#privacy-basis")).ToContainTextAsync("Bron van de gegevens");
        await page.ScreenshotAsync("prospect-page-dutch");
    }
}

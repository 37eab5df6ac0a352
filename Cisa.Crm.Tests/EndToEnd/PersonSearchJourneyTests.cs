using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>The search box in the app bar: type a name, e-mail or phone, pick the person, land on their page.</summary>
public sealed class PersonSearchJourneyTests(BrowserFixture browser) : JourneyTests(browser)
{

    /// <summary>Focus first, as a user does: the box opens its list on focus, and text typed during that render could be lost.</summary>
    private static async Task TypeAsync(Microsoft.Playwright.IPage page, string text)
    {
        var box = page.Locator("#person-search");
        await box.ClickAsync();
        await Expect(box).ToBeFocusedAsync();
        await box.FillAsync(text);
        await Expect(box).ToHaveValueAsync(text);
    }

    [Fact]
    public async Task Sales_type_part_of_a_name_in_the_app_bar_pick_the_prospect_and_land_on_their_page()
    {
        var prospect = await QueryAsync(db => db.Prospects.Where(p => !p.IsRestricted).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.FirstName, p.LastName }).FirstAsync());
        var page = await SignedInPageAsync("demo-sales", "/", "en-BE");

        await TypeAsync(page, $"{prospect.FirstName} {prospect.LastName[..^1]}");
        var hit = page.Locator($".person-search-hit[data-person='Prospect/{prospect.Id}']");
        await Expect(hit).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(hit).ToContainTextAsync($"{prospect.FirstName} {prospect.LastName}");
        await Expect(hit).ToContainTextAsync("Prospect");
        // The list fades in; the screenshot should show it opened.
        await page.WaitForTimeoutAsync(600);
        await page.ScreenshotAsync("person-search-sales");
        await hit.ClickAsync();

        await page.WaitForURLAsync($"**/prospects/{prospect.Id}");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"{prospect.FirstName} {prospect.LastName}");
        await Expect(page.Locator("#person-search")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task CAT_APPLICANT_the_same_e_mail_finds_the_applicant_for_HR_and_nobody_for_Sales()
    {
        var applicant = await QueryAsync(db => db.Applicants.Where(a => a.Email != null).OrderBy(a => a.Id).Select(a => new { a.Id, Email = a.Email! }).FirstAsync());

        var sales = await SignedInPageAsync("demo-sales", "/", "en-BE");
        await TypeAsync(sales, applicant.Email);
        await Expect(sales.Locator("#person-search-none")).ToBeVisibleAsync();
        await Expect(sales.Locator(".person-search-hit")).ToHaveCountAsync(0);

        var hr = await SignedInPageAsync("demo-hr");
        await TypeAsync(hr, applicant.Email);
        var hit = hr.Locator($".person-search-hit[data-person='Applicant/{applicant.Id}']");
        await Expect(hit).ToBeVisibleAsync();
        await Expect(hit).ToContainTextAsync("Sollicitant");
        await hr.ScreenshotAsync("person-search-hr-dutch");
        await hit.ClickAsync();
        await hr.WaitForURLAsync($"**/hr/applicants/{applicant.Id}");
    }
}

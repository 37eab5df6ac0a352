using Cisa.Crm.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>The search box in the app bar: type a name, e-mail or phone, pick the person, land on their page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PersonSearchJourneyTests(BrowserFixture browser)
{
    private async Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

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
        var page = await browser.NewPageAsync("en-BE");
        await page.SignInAsAsync("demo-sales");

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
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CAT_APPLICANT_the_same_e_mail_finds_the_applicant_for_HR_and_nobody_for_Sales()
    {
        var applicant = await QueryAsync(db => db.Applicants.Where(a => a.Email != null).OrderBy(a => a.Id).Select(a => new { a.Id, Email = a.Email! }).FirstAsync());

        var sales = await browser.NewPageAsync("en-BE");
        await sales.SignInAsAsync("demo-sales");
        await TypeAsync(sales, applicant.Email);
        await Expect(sales.Locator("#person-search-none")).ToBeVisibleAsync();
        await Expect(sales.Locator(".person-search-hit")).ToHaveCountAsync(0);
        await sales.Context.CloseAsync();

        var hr = await browser.NewPageAsync();
        await hr.SignInAsAsync("demo-hr");
        await TypeAsync(hr, applicant.Email);
        var hit = hr.Locator($".person-search-hit[data-person='Applicant/{applicant.Id}']");
        await Expect(hit).ToBeVisibleAsync();
        await Expect(hit).ToContainTextAsync("Sollicitant");
        await hr.ScreenshotAsync("person-search-hr-dutch");
        await hit.ClickAsync();
        await hr.WaitForURLAsync($"**/hr/applicants/{applicant.Id}");
        await hr.Context.CloseAsync();
    }
}

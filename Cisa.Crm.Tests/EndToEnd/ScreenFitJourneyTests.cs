using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// The phone's own layouts: the call button and dialog of the prospect list, the app bar's search and user menu. Every
/// page of every menu at both sizes is measured by <see cref="ScreenCrawlTests"/>.
/// </summary>
public sealed class ScreenFitJourneyTests(BrowserFixture browser) : JourneyTests(browser)
{

    [Theory]
    [InlineData("nl-BE")]
    [InlineData("en-BE")]
    public async Task On_a_phone_the_call_button_of_a_prospect_shows_without_scrolling_and_the_call_dialog_shows_its_date_and_time_whole(string language)
    {
        var page = await SignedInPageAsync("demo-sales", "/prospects", language, BrowserFixture.Phone.Width, BrowserFixture.Phone.Height);
        await ScreenChecks.SettleAsync(page);

        // One card per prospect: nothing of the list, call buttons included, lies out of sight to the right.
        var callButton = page.Locator("[data-log-call]").First;
        await Expect(callButton).ToBeVisibleAsync();
        Assert.Empty(await ScreenChecks.FindCutOffAsync(page, sidewaysScrollAllowed: false));
        await page.ScreenshotAsync($"prospects-phone-{language[..2]}");
        await callButton.ClickAsync();

        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await ScreenChecks.SettleAsync(page);
        await page.ScreenshotAsync($"call-dialog-phone-{language[..2]}");
        // The date and the time are filled in (now, in Brussels); each must show whole in its field, not scrolled.
        var dateAndTime = dialog.Locator("input[type='text']");
        await Expect(dateAndTime.Nth(0)).Not.ToHaveValueAsync("");
        await Expect(dateAndTime.Nth(1)).Not.ToHaveValueAsync("");
        var cutValues = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.mud-dialog input[type=text]')].filter(i => i.scrollWidth > i.clientWidth).map(i => `${i.value} needs ${i.scrollWidth}px in ${i.clientWidth}px`)");
        Assert.Empty(cutValues);
        Assert.Empty(await ScreenChecks.FindCutOffAsync(page, sidewaysScrollAllowed: false));
        Assert.Empty(await ScreenChecks.FindSeriousAccessibilityViolationsAsync(page));
    }

    [Theory]
    [InlineData("nl-BE", "Zoeken sluiten", "Afmelden")]
    [InlineData("en-BE", "Close the search", "Sign out")]
    public async Task On_a_phone_the_app_bar_keeps_one_row_and_opens_the_person_search_and_the_user_menu_over_it(string language, string closeSearch, string signOut)
    {
        var prospect = await QueryAsync(db => db.Prospects.Where(p => !p.IsRestricted).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.FirstName, p.LastName }).FirstAsync());
        var page = await SignedInPageAsync("demo-sales", "/", language, BrowserFixture.Phone.Width, BrowserFixture.Phone.Height);
        await ScreenChecks.SettleAsync(page);

        // Menu, title, magnifier, language and the user's icon on one row, nothing cut off.
        var bar = (await page.Locator("header.mud-appbar").BoundingBoxAsync())!;
        Assert.True(bar.Height <= 64, $"the app bar is {bar.Height}px high");
        Assert.Empty(await ScreenChecks.FindCutOffAsync(page, sidewaysScrollAllowed: false));
        var box = page.Locator("#person-search");
        await Expect(box).Not.ToBeVisibleAsync();

        // The magnifier opens the search over the whole bar, ready to type in; the arrow closes it again.
        await page.Locator("#person-search-open").ClickAsync();
        await Expect(box).ToBeFocusedAsync();
        var opened = (await page.Locator("#person-search-bar").BoundingBoxAsync())!;
        Assert.True(opened.X <= 0.5 && opened.Width >= BrowserFixture.Phone.Width - 1, $"the search bar spans x {opened.X} to {opened.X + opened.Width}");
        await page.Locator("#person-search-close").ClickAsync();
        await Expect(box).Not.ToBeVisibleAsync();
        await Expect(page.Locator("#person-search-close")).ToHaveAttributeAsync("aria-label", closeSearch);

        // Open it again, find a prospect and land on their page: the bar is back to its one row.
        await page.Locator("#person-search-open").ClickAsync();
        await box.FillAsync($"{prospect.FirstName} {prospect.LastName[..^1]}");
        var hit = page.Locator($".person-search-hit[data-person='Prospect/{prospect.Id}']");
        await Expect(hit).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.WaitForTimeoutAsync(600); // the list fades in; the screenshot should show it opened
        await page.ScreenshotAsync($"phone-person-search-{language[..2]}");
        Assert.Empty(await ScreenChecks.FindCutOffAsync(page, sidewaysScrollAllowed: false));
        await hit.ClickAsync();
        await page.WaitForURLAsync($"**/prospects/{prospect.Id}");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"{prospect.FirstName} {prospect.LastName}");
        await Expect(box).Not.ToBeVisibleAsync();
        await Expect(page.Locator("#person-search-open")).ToBeVisibleAsync();

        // The user's icon opens their name, role and sign-out.
        await page.Locator("#user-menu").ClickAsync();
        var panel = page.Locator("#user-menu-panel");
        await Expect(panel).ToContainTextAsync("Sofie Verhaegen");
        await Expect(page.Locator("#sign-out")).ToHaveTextAsync(signOut);
        await ScreenChecks.SettleAsync(page);
        await page.ScreenshotAsync($"phone-user-menu-{language[..2]}");
        Assert.Empty(await ScreenChecks.FindCutOffAsync(page, sidewaysScrollAllowed: false));
        Assert.Empty(await ScreenChecks.FindSeriousAccessibilityViolationsAsync(page));
        await page.Locator("#sign-out").ClickAsync();
        await Expect(page.Locator("#signed-out")).ToBeVisibleAsync();
    }
}

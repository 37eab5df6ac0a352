using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// Every page a role's menu reaches, on a laptop (1366×768) and on a phone (390×844), in Dutch and English: the page
/// is no wider than the window, no button, link or field is cut off, and axe-core finds no critical or serious
/// violation of WCAG 2.1 A/AA. Every page is also left as a screenshot to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenFitJourneyTests(BrowserFixture browser)
{
    private static readonly Dictionary<string, ViewportSize> Screens = new()
    {
        ["laptop"] = new ViewportSize { Width = 1366, Height = 768 },
        ["phone"] = BrowserFixture.Phone,
    };

    public static TheoryData<string, string> RolesAndScreens
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var user in new[] { "demo-sales", "demo-hr", "demo-privacy", "demo-norole" })
            {
                foreach (var screen in Screens.Keys)
                {
                    data.Add(user, screen);
                }
            }

            return data;
        }
    }

    private async Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>The prospect company with the most prospects: the widest prospect table a company page shows.</summary>
    private Task<int> BusiestProspectCompanyAsync() => QueryAsync(db => db.Companies
        .Where(c => c.Type == CompanyType.Prospect)
        .OrderByDescending(c => db.Prospects.Count(p => p.CompanyId == c.Id)).ThenBy(c => c.Id)
        .Select(c => c.Id).FirstAsync());

    [Theory]
    [MemberData(nameof(RolesAndScreens))]
    public async Task Every_menu_page_in_Dutch_and_English_fits_the_screen_with_nothing_cut_off_and_no_serious_WCAG_violation(string demoUserId, string screen)
    {
        var page = await browser.NewPageAsync("nl-BE", Screens[screen]);
        await page.SignInAsAsync(demoUserId);
        var routes = (await page.EvaluateAsync<string[]>(
            "() => [...new Set([...document.querySelectorAll('.mud-navmenu a[href]')].map(a => new URL(a.href).pathname))]")).ToList();
        Assert.Contains("/", routes);
        if (demoUserId == "demo-sales")
        {
            // Not in the menu, but one click away from it, and where the widest prospect table sits beside a card.
            routes.Add($"/companies/{await BusiestProspectCompanyAsync()}");
        }

        var findings = new List<string>();
        foreach (var language in new[] { "nl", "en" })
        {
            if (language == "en")
            {
                // The switch in the app bar, as a person does it: a full reload in the other language.
                await page.Locator("#language-en").ClickAsync();
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
                await page.WaitForInteractiveAsync();
            }

            foreach (var route in routes)
            {
                await NavigateInAppAsync(page, route);
                await page.ScreenshotAsync($"screen-{screen}-{language}-{demoUserId}{route.Replace('/', '-')}");
                findings.AddRange((await ScreenChecks.FindCutOffAsync(page, sidewaysScrollAllowed: screen == "phone")).Select(finding => $"{language} {route}: {finding}"));
                findings.AddRange((await ScreenChecks.FindSeriousAccessibilityViolationsAsync(page)).Select(finding => $"{language} {route}: {finding}"));
            }
        }

        await page.Context.CloseAsync();
        Assert.True(findings.Count == 0, $"{findings.Count} finding(s):\n" + string.Join("\n", findings));
    }

    /// <summary>
    /// Goes to a page inside the running app (no reload, no new circuit: many pages in little time) and waits until
    /// the new page's heading has replaced the old one and its data has arrived.
    /// </summary>
    private static async Task NavigateInAppAsync(IPage page, string route)
    {
        await page.EvaluateAsync("""
            route => {
              if (location.pathname !== route) {
                document.querySelectorAll('h1').forEach(h => h.dataset.left = 'true');
                Blazor.navigateTo(route);
              }
            }
            """, route);
        await page.WaitForFunctionAsync(
            "route => location.pathname === route && document.querySelector('h1') && !document.querySelector('h1[data-left]')", route);
        await ScreenChecks.SettleAsync(page);
    }

    [Theory]
    [InlineData("nl-BE")]
    [InlineData("en-BE")]
    public async Task On_a_phone_the_call_button_of_a_prospect_shows_without_scrolling_and_the_call_dialog_shows_its_date_and_time_whole(string language)
    {
        var page = await browser.NewPageAsync(language, BrowserFixture.Phone);
        await page.SignInAsAsync("demo-sales", "/prospects");
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
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("nl-BE", "Zoeken sluiten", "Afmelden")]
    [InlineData("en-BE", "Close the search", "Sign out")]
    public async Task On_a_phone_the_app_bar_keeps_one_row_and_opens_the_person_search_and_the_user_menu_over_it(string language, string closeSearch, string signOut)
    {
        var prospect = await QueryAsync(db => db.Prospects.Where(p => !p.IsRestricted).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.FirstName, p.LastName }).FirstAsync());
        var page = await browser.NewPageAsync(language, BrowserFixture.Phone);
        await page.SignInAsAsync("demo-sales");
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
        await page.Context.CloseAsync();
    }
}

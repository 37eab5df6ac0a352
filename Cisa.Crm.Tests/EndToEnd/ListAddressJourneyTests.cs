using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// Every list keeps its view in the address: search, filters, sort, page and page size set by clicking survive a reload,
/// and the address opened by a colleague (another browser, signed in anew) shows the same rows, in both languages, on a
/// desktop and on a phone.
/// </summary>
public sealed class ListAddressJourneyTests(BrowserFixture browser) : JourneyTests(browser)
{
    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Sales_prospects_contacts_and_companies_come_back_as_they_were_after_a_reload_and_from_a_shared_link(string culture, int width, int height)
    {
        var page = await NewPageAsync(culture, width, height);
        await page.SignInAsAsync("demo-sales", "/prospects");
        var size = SizeName(width);

        // Prospects: restricted ones shown too, sorted by company from Z to A, second page. The first click waits for the
        // list to have loaded, as a person does: clicked the instant the circuit turned interactive, the switch's address
        // change was lost under load in 2 runs of about 30 (cause not found; see issue 15's note).
        await Expect(page.Locator("#prospect-grid table")).ToHaveAttributeAsync("aria-busy", "false");
        await page.Locator("label[for='prospects-restricted']").ClickAsync();
        await WaitForAddressAsync(page, "restricted=1");
        await SortProspectsByCompanyDescendingAsync(page);
        await WaitForAddressAsync(page, "desc=1");
        await Expect(page.Locator("#prospect-grid table")).ToHaveAttributeAsync("aria-busy", "false");
        await page.Locator("#prospect-grid .mud-table-pagination-actions button").Nth(2).ClickAsync();
        await WaitForAddressAsync(page, "page=2");
        Assert.Contains("sort=Company", page.Url, StringComparison.Ordinal);
        await ExpectSameViewAfterReloadAndInAnotherBrowserAsync(page, "demo-sales", culture, width, height, ProspectView, $"list-prospects-{culture}-{size}");

        // A search without hits: the empty list says so and what to try, and keeps saying it after a reload.
        await page.Locator("#prospect-search").FillAsync("zzzz");
        await WaitForAddressAsync(page, "q=zzzz");
        Assert.DoesNotContain("page=", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#prospects-empty[data-empty='filtered']")).ToBeVisibleAsync();
        await ExpectSameViewAfterReloadAndInAnotherBrowserAsync(page, "demo-sales", culture, width, height, ProspectView, $"list-prospects-empty-{culture}-{size}");

        // Companies: sorted by city from Z to A, second page; then a search.
        await page.GotoAsync("/companies");
        await page.WaitForInteractiveAsync();
        await SortAsync(page, "#company-grid", 3, twice: true, "City");
        await WaitForAddressAsync(page, "desc=1");
        await NextPageAsync(page, "#company-grid");
        await WaitForAddressAsync(page, "page=2");
        Assert.Contains("sort=City", page.Url, StringComparison.Ordinal);
        await ExpectSameViewAfterReloadAndInAnotherBrowserAsync(page, "demo-sales", culture, width, height, GridView("#company-grid", "#company-search"), $"list-companies-{culture}-{size}");

        // Contacts: restricted shown, sorted by company, 50 a page.
        await page.GotoAsync("/contacts");
        await page.WaitForInteractiveAsync();
        await page.Locator("#contacts-restricted").ClickAsync();
        await WaitForAddressAsync(page, "restricted=1");
        await SortAsync(page, "#contact-grid", 1, twice: false, "Company");
        await WaitForAddressAsync(page, "sort=Company");
        await PageSizeAsync(page, "#contact-grid", "50");
        await WaitForAddressAsync(page, "size=50");
        await ExpectSameViewAfterReloadAndInAnotherBrowserAsync(page, "demo-sales", culture, width, height, GridView("#contact-grid", "#contact-search"), $"list-contacts-{culture}-{size}");

        await page.Locator("#contact-search").FillAsync("zzzz");
        await WaitForAddressAsync(page, "q=zzzz");
        await Expect(page.Locator("#contacts-empty[data-empty='filtered']")).ToBeVisibleAsync();
        await page.ScreenshotAsync($"list-contacts-empty-{culture}-{size}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_privacy_officers_assessments_requests_and_audit_trail_come_back_as_they_were_after_a_reload_and_from_a_shared_link(string culture, int width, int height)
    {
        // The audit trail's user filter offers those who have entries: Sales signs in once first, so the filter offers
        // Sofie whether or not an earlier test signed her in.
        var sales = await NewPageAsync(culture, width, height);
        await sales.SignInAsAsync("demo-sales", "/");
        await sales.Context.CloseAsync();

        var page = await NewPageAsync(culture, width, height);
        await page.SignInAsAsync("demo-privacy", "/privacy/assessments");
        var size = SizeName(width);

        // Assessments: sorted by review date, latest first, only those due for review.
        await SortAsync(page, "#assessment-table", 2, twice: true, "ReviewDue");
        await WaitForAddressAsync(page, "desc=1");
        Assert.Contains("sort=ReviewDue", page.Url, StringComparison.Ordinal);
        await page.Locator("#assessments-overdue").ClickAsync();
        await WaitForAddressAsync(page, "overdue=1");
        await ExpectSameViewAfterReloadAndInAnotherBrowserAsync(page, "demo-privacy", culture, width, height, GridView("#assessment-table", "#assessment-search"), $"list-assessments-{culture}-{size}");

        // Requests: closed ones too.
        await page.GotoAsync("/privacy/requests");
        await page.WaitForInteractiveAsync();
        // As on the prospect list: the first click waits for the rows (the same lost address change, once in CI).
        await Expect(page.Locator("#request-grid [data-status]").First).ToBeVisibleAsync();
        await page.Locator("#open-only").ClickAsync();
        await WaitForAddressAsync(page, "all=1");
        await Expect(page.Locator("#request-grid [data-status='Answered']").First).ToBeVisibleAsync();
        await ExpectSameViewAfterReloadAndInAnotherBrowserAsync(page, "demo-privacy", culture, width, height, GridView("#request-grid", null), $"list-requests-{culture}-{size}");

        // The audit trail: one user's entries only. Not the officer's own: the colleague's sign-in and the officer's
        // own reading add entries of theirs while the view is compared; Sales does nothing meanwhile.
        await page.GotoAsync("/audit");
        await page.WaitForInteractiveAsync();
        await page.Locator("#filter-user").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Sofie Verhaegen" }).ClickAsync();
        await WaitForAddressAsync(page, "user=");
        await ExpectSameViewAfterReloadAndInAnotherBrowserAsync(page, "demo-privacy", culture, width, height, GridView("#audit-grid", null), $"list-audit-{culture}-{size}");
        await page.Context.CloseAsync();
    }

    /// <summary>What the list shows: the pager's caption, the rows' text and the search box.</summary>
    private delegate Task<string> ViewReader(IPage page);

    private static async Task<string> ProspectView(IPage page)
    {
        await Expect(page.Locator("#prospect-grid table")).ToHaveAttributeAsync("aria-busy", "false");
        return string.Join(" | ",
            await page.Locator("#prospect-pager-info").InnerTextAsync(),
            await page.Locator("#prospect-search").InputValueAsync(),
            await page.Locator("#prospect-source").InputValueAsync(),
            await page.Locator("#prospects-restricted").GetAttributeAsync("aria-checked"),
            await page.Locator("#prospect-grid th[aria-sort='ascending'], #prospect-grid th[aria-sort='descending']").InnerTextAsync(),
            await page.Locator("#prospect-grid th[aria-sort='ascending'], #prospect-grid th[aria-sort='descending']").GetAttributeAsync("aria-sort"),
            string.Join(" / ", await page.Locator("#prospect-grid tbody tr").AllInnerTextsAsync()),
            string.Join(" / ", await page.Locator("#prospects-empty").AllInnerTextsAsync()));
    }

    private static ViewReader GridView(string grid, string? search) => async page =>
    {
        await Expect(page.Locator($"{grid} .mud-table-loading")).ToHaveCountAsync(0);
        return string.Join(" | ",
            await page.Locator($"{grid} .mud-table-pagination-caption").Last.InnerTextAsync(),
            search is null ? "" : await page.Locator(search).InputValueAsync(),
            string.Join(" / ", await page.Locator($"{grid} .mud-direction-asc, {grid} .mud-direction-desc").EvaluateAllAsync<string[]>(
                "icons => icons.map(i => i.closest('th').innerText + ':' + (i.classList.contains('mud-direction-desc') ? 'desc' : 'asc'))")),
            string.Join(" / ", await page.Locator($"{grid} input[type=checkbox]").EvaluateAllAsync<bool[]>("boxes => boxes.map(b => b.checked)")),
            string.Join(" / ", await page.Locator($"{grid} tbody tr").AllInnerTextsAsync()));
    };

    /// <summary>Reloads, then opens the address in a new browser context (another person's), and expects the same view.</summary>
    private async Task ExpectSameViewAfterReloadAndInAnotherBrowserAsync(IPage page, string user, string culture, int width, int height, ViewReader view, string screenshot)
    {
        // The address is written when the rows are asked for: wait until what is shown stops changing.
        var before = await view(page);
        for (var reads = 0; reads < 50; reads++)
        {
            await page.WaitForTimeoutAsync(300);
            var again = await view(page);
            if (again == before)
            {
                break;
            }

            before = again;
        }

        var address = page.Url;
        await page.ScreenshotAsync(screenshot);

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        Assert.Equal(address, page.Url);
        await ExpectViewAsync(page, view, before);

        var colleague = await NewPageAsync(culture, width, height);
        await colleague.SignInAsAsync(user, new Uri(address).PathAndQuery);
        await ExpectViewAsync(colleague, view, before);
        await colleague.Context.CloseAsync();
    }

    private static async Task ExpectViewAsync(IPage page, ViewReader view, string expected)
    {
        // The rows arrive after the first render: read again until they are there (or fail with the difference).
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string shown;
        while ((shown = await view(page)) != expected && DateTime.UtcNow < deadline)
        {
            await page.WaitForTimeoutAsync(200);
        }

        Assert.Equal(expected, shown);
    }

    private static Task WaitForAddressAsync(IPage page, string part) =>
        page.WaitForURLAsync(url => url.Contains(part, StringComparison.Ordinal));

    /// <summary>
    /// Clicks a MudDataGrid column's header (by position) once or twice. On a phone the grid shows its rows as cards
    /// without headers: the sorted view comes by its address there (a link a colleague sent).
    /// </summary>
    private static async Task SortAsync(IPage page, string grid, int column, bool twice, string sortKey)
    {
        var header = page.Locator($"{grid} thead th").Nth(column).Locator(".column-header > span").First;
        if (!await header.IsVisibleAsync())
        {
            var address = new Uri(page.Url);
            var query = System.Web.HttpUtility.ParseQueryString(address.Query);
            query["sort"] = sortKey;
            if (twice)
            {
                query["desc"] = "1";
            }

            await page.GotoAsync($"{address.AbsolutePath}?{query}");
            await page.WaitForInteractiveAsync();
            return;
        }

        await header.ClickAsync();
        if (twice)
        {
            await Expect(page.Locator($"{grid} thead th").Nth(column).Locator(".mud-direction-asc")).ToHaveCountAsync(1);
            await header.ClickAsync();
        }
    }

    /// <summary>
    /// The prospect table's Company header, clicked twice (Z to A). On a phone the table is one card per prospect without
    /// headers: the sorted view comes by its address there, as for the data grids.
    /// </summary>
    private static async Task SortProspectsByCompanyDescendingAsync(IPage page)
    {
        var header = page.Locator("#prospect-grid [data-sort='Company']");
        if (!await header.IsVisibleAsync())
        {
            await page.GotoAsync(page.Url + "&sort=Company&desc=1");
            await page.WaitForInteractiveAsync();
            return;
        }

        await header.ClickAsync();
        await Expect(page.Locator("#prospect-grid th[aria-sort='ascending']")).ToContainTextAsync(new Regex(".+"));
        await header.ClickAsync();
    }

    private static Task NextPageAsync(IPage page, string grid) =>
        page.Locator($"{grid} .mud-table-pagination-actions button").Nth(2).ClickAsync();

    private static async Task PageSizeAsync(IPage page, string grid, string size)
    {
        await page.Locator($"{grid} .mud-table-pagination-select").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = ExactText(size) }).ClickAsync();
    }

    private static Regex ExactText(string text) => new($"^\\s*{Regex.Escape(text)}\\s*$");
}

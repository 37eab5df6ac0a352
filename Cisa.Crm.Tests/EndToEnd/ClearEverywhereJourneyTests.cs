using System.Globalization;
using Cisa.Crm.Core.Time;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// The small dead ends of issue 16 as a person meets them: the request's search after a reload, a typed retention day,
/// the log-call tooltip at the table's edge, and the dashboards' figures, in both languages, on a desktop and a phone.
/// </summary>
public sealed class ClearEverywhereJourneyTests(BrowserFixture browser) : JourneyTests(browser)
{
    [Theory]
    [MemberData(nameof(Screens))]
    public async Task DSR_FIND_the_requests_search_results_come_back_after_a_reload(string culture, int width, int height)
    {
        var page = await SignedInPageAsync("demo-privacy", "/privacy/requests", culture, width, height);
        await page.Locator("#request-grid [data-request]").First.ClickAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("#find-results")).ToHaveCountAsync(0);

        // The officer narrows the search to the e-mail address alone.
        await page.Locator("#find-last-name").FillAsync("");
        await page.Locator("#find-first-name").FillAsync("");
        await page.Locator("#search-records").ClickAsync();
        await Expect(page.Locator("#find-results")).ToBeVisibleAsync();
        await page.WaitForURLAsync(url => url.Contains("find=1", StringComparison.Ordinal));
        var results = (await page.Locator("#find-results").TextContentAsync())!;
        Assert.DoesNotContain("@", new Uri(page.Url).Query, StringComparison.Ordinal); // the requester's e-mail stays out of the address

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("#find-results")).ToHaveTextAsync(results);
        await Expect(page.Locator("#find-last-name")).ToHaveValueAsync("");
        await page.ScreenshotAsync($"request-find-after-reload-{culture}-{SizeName(width)}");
    }

    [Theory]
    [InlineData("nl-BE", "dd/MM/yyyy", "Dit is geen geldige dag: typ hem als dd/mm/jjjj", "Kies een dag van")]
    [InlineData("en-BE", "dd/MM/yyyy", "This is not a day: type it as dd/mm/yyyy", "Choose a day from")]
    public async Task RET_RUN_a_typed_retention_day_is_applied_on_Enter_and_an_impossible_or_far_day_is_said_at_the_field(
        string culture, string format, string unreadable, string outOfRange)
    {
        var page = await SignedInPageAsync("demo-privacy", "/privacy/retention", culture);
        var today = DateOnly.FromDateTime(BrusselsTime.FromUtc(DateTime.UtcNow));
        var input = page.Locator("#preview-as-of");
        var field = page.Field("preview-as-of");
        var totalDue = page.Locator("#preview-counts tr[data-rule='total'] [data-count='due']");
        await Expect(totalDue).ToBeVisibleAsync();
        var dueToday = int.Parse(await totalDue.InnerTextAsync(), CultureInfo.InvariantCulture);

        // Thirty years on, everyone in the demo data is past every period: typed, then Enter.
        await input.FillAsync(today.AddYears(30).ToString(format, CultureInfo.InvariantCulture));
        await input.PressAsync("Enter");
        await Expect(totalDue).Not.ToHaveTextAsync(dueToday.ToString(CultureInfo.InvariantCulture));
        Assert.True(int.Parse(await totalDue.InnerTextAsync(), CultureInfo.InvariantCulture) > dueToday);
        await Expect(field.Locator(".mud-input-error")).ToHaveCountAsync(0);

        // 31 February: said at the field, the preview stays as it was.
        await input.FillAsync("31/02/2026");
        await input.PressAsync("Enter");
        await Expect(field).ToContainTextAsync(unreadable);
        await page.ScreenshotAsync($"retention-as-of-unreadable-{culture}");

        // The last day of the calendar: a message at the field, not an error page.
        await input.FillAsync("31/12/9999");
        await input.PressAsync("Tab");
        await Expect(field).ToContainTextAsync(outOfRange);
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await page.ScreenshotAsync($"retention-as-of-out-of-range-{culture}");

        // Back to today, by typing it.
        await input.FillAsync(today.ToString(format, CultureInfo.InvariantCulture));
        await input.PressAsync("Enter");
        await Expect(totalDue).ToHaveTextAsync(dueToday.ToString(CultureInfo.InvariantCulture));
        await Expect(field).Not.ToContainTextAsync(outOfRange);
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_log_call_tooltip_of_the_last_row_stays_inside_the_table(int width, int height)
    {
        var page = await SignedInPageAsync("demo-sales", "/prospects", "nl-BE", width, height);
        var button = page.Locator("#prospect-grid tbody tr:last-child [data-log-call]");
        await button.HoverAsync();
        await page.WaitForTimeoutAsync(600); // the tooltip fades in after 300 ms, as MudTooltip did

        // The ::after box from its computed position (the button is its containing block), against the table's scroll box.
        var inside = await button.EvaluateAsync<bool>("""
            b => {
                const style = getComputedStyle(b, '::after');
                const box = b.getBoundingClientRect();
                const m = new DOMMatrixReadOnly(style.transform === 'none' ? undefined : style.transform);
                const left = box.left + parseFloat(style.left) + m.e, top = box.top + parseFloat(style.top) + m.f;
                const right = left + parseFloat(style.width), bottom = top + parseFloat(style.height);
                const clip = b.closest('.mud-table-container').getBoundingClientRect();
                return style.opacity === '1' && left >= clip.left && right <= clip.right && top >= clip.top && bottom <= clip.bottom;
            }
            """);
        await page.ScreenshotAsync($"prospects-tooltip-{SizeName(width)}");
        Assert.True(inside, "the tooltip runs out of the table's scroll box, which cuts it off");
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_dashboards_say_whose_figures_they_are_and_split_what_is_overdue_from_what_is_coming(string culture, int width, int height)
    {
        var size = SizeName(width);
        var english = culture == "en-BE";
        var sales = await SignedInPageAsync("demo-sales", "/", culture, width, height);
        var card = sales.Locator("#sales-dashboard");
        await Expect(card.Locator("#calls-chart svg")).ToBeVisibleAsync();
        await Expect(card.Locator("#calls-chart")).ToContainTextAsync(english ? "Week starting on Monday" : "Week vanaf maandag");
        await Expect(card.Locator("#calls-chart")).ToContainTextAsync(english ? "Calls" : "Gesprekken");
        await Expect(card.Locator("#call-outcomes thead")).ToContainTextAsync(english ? "Team (me included)" : "Team (ik inbegrepen)");
        await Expect(card.Locator("[data-figure='follow-ups-overdue']")).ToBeVisibleAsync();
        await Expect(card.Locator("[data-figure='follow-ups-upcoming']")).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync(english ? "my follow-ups overdue" : "mijn opvolgingen te laat");
        await sales.ScreenshotAsync($"home-sales-{culture}-{size}");
        await card.Locator("[data-figure='follow-ups-overdue']").ClickAsync();
        await sales.WaitForURLAsync(url => url.EndsWith("/my-work", StringComparison.Ordinal));

        var privacy = await SignedInPageAsync("demo-privacy", "/", culture, width, height);
        var retention = privacy.Locator("#retention-dashboard");
        await Expect(retention.Locator("[data-figure='due-now']")).ToBeVisibleAsync();
        await Expect(retention).ToContainTextAsync(english ? "past their period now" : "nu over hun termijn");
        await Expect(retention.Locator("#retention-outlook thead")).ToContainTextAsync(english ? "Now" : "Nu");
        await privacy.ScreenshotAsync($"home-privacy-{culture}-{size}");
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// What a person types or clicks the moment a form or page shows arrives: nothing is lost to a second render, whether
/// the page came by a full load (shown before the circuit is ready) or by a click in the app.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RenderRaceJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/contacts/new", "#new-contact", "/contacts")]
    [InlineData("/prospects/new", "#new-prospect", "/prospects")]
    public async Task Typing_into_the_company_field_the_moment_the_form_opens_keeps_every_character(string form, string button, string list)
    {
        // By a click in the app: the form's data loads after the first render.
        var page = await browser.NewPageAsync("en-BE");
        await page.SignInAsAsync("demo-sales", list);
        await page.Locator(button).ClickAsync();
        await TypeAtOnceAsync(page, "#company", "Brab");
        await Expect(page.Locator("#company")).ToHaveValueAsync("Brab");
        await Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();

        // By a full load (a reload, a bookmark): the form is on screen before the circuit is ready.
        await page.GotoAsync(form);
        await TypeAtOnceAsync(page, "#company", "Brab");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("#company")).ToHaveValueAsync("Brab");
        await page.Context.CloseAsync();
    }

    // Desktop only: on a phone the drawer's own open and close after a menu click is the layout's (issue 16, layout part).
    [Theory]
    [InlineData(1366, 768)]
    public async Task A_click_the_moment_a_page_shows_after_a_menu_click_is_not_lost(int width, int height)
    {
        var page = await browser.NewPageAsync("en-BE", width, height);
        await page.SignInAsAsync("demo-sales", "/prospects");
        for (var round = 0; round < 3; round++)
        {
            await OpenFromMenuAsync(page, "/companies");
            await page.Locator("#new-company").ClickAsync();
            await Expect(page.Locator(".mud-dialog #company-name")).ToBeVisibleAsync();
            await page.Locator(".mud-dialog button", new() { HasText = "Cancel" }).ClickAsync();
            await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);

            await OpenFromMenuAsync(page, "/prospects");
            await page.Locator("#prospect-grid [data-sort='Company']").ClickAsync();
            await Expect(page.Locator("#prospect-grid th[aria-sort='ascending']")).ToContainTextAsync("Company");
        }

        await page.ScreenshotAsync($"menu-click-then-click-{(width < 600 ? "phone" : "desktop")}");
        await page.Context.CloseAsync();
    }

    /// <summary>A menu entry, as a person reaches it: on a phone the menu opens first.</summary>
    private static async Task OpenFromMenuAsync(IPage page, string path)
    {
        // Below MudBlazor's md breakpoint the drawer is a closed overlay, moved out of view rather than hidden.
        if (page.ViewportSize!.Width < 960)
        {
            await page.Locator("header button").First.ClickAsync();
        }

        await page.Locator($"nav a[href='{path}']").ClickAsync();
    }

    /// <summary>Types as soon as the field is there, key by key without pause, as a quick typist on a busy machine would.</summary>
    private static async Task TypeAtOnceAsync(IPage page, string selector, string text)
    {
        var field = page.Locator(selector);
        await field.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await field.FocusAsync();
        await page.Keyboard.TypeAsync(text);
    }
}

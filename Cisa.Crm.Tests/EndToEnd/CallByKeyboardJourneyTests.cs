using Cisa.Crm.Core.Prospects.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// Issue 16, defects 6 and 5 (calls): a call logged from the prospect list with the keyboard alone. Before, focus
/// landed on nothing when the dialog opened, Esc did not close it, a click on the backdrop threw away what was typed,
/// and a saved call was not confirmed. As Sales, in Dutch and English, on a laptop and on a phone (the card's button).
/// </summary>
public sealed class CallByKeyboardJourneyTests(BrowserFixture browser, ITestOutputHelper output) : JourneyTests(browser)
{
    [Theory]
    [MemberData(nameof(Screens))]
    public async Task A_call_is_logged_from_the_prospect_list_by_keyboard_alone_and_confirmed(string culture, int width, int height)
    {
        var size = SizeName(width);
        var report = $"Belt terug na de vakantie ({culture}, {size}, toetsenbord).";
        var page = await OpenProspectListAsync(culture, width, height);
        await ScreenChecks.SettleAsync(page);
        var firstCallButton = page.Locator("#prospect-grid [data-log-call]").First;
        await Expect(firstCallButton).ToBeVisibleAsync();
        var prospectId = int.Parse((await firstCallButton.GetAttributeAsync("data-log-call"))!, System.Globalization.CultureInfo.InvariantCulture);

        // From where the page puts the focus (its heading): the first Tab reaches "Skip to the list", shown once it has
        // the focus; Enter there puts the focus on the first call button (before it, 15 Tabs on a laptop, 11 on a phone).
        await page.WaitForFunctionAsync("() => document.activeElement?.tagName === 'H1'");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("#skip-to-calls");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveTextAsync(UiTexts.Get(Browser, culture, "Prospects.SkipToList"));
        await Expect(skip).ToBeInViewportAsync();
        await page.ScreenshotAsync($"call-keyboard-skip-{culture}-{size}");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement?.matches('[data-log-call]') === true");
        output.WriteLine($"{culture} {size}: 1 Tab and Enter to the first call button");
        Assert.Equal(prospectId.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.EvaluateAsync<string>("() => document.activeElement.dataset.logCall"));
        await Expect(firstCallButton).ToBeInViewportAsync();

        // Enter opens the dialog with the focus on the first outcome.
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await page.WaitForFunctionAsync(FocusInReadyDialog);
        Assert.Equal(nameof(CallOutcome.Reached), await page.EvaluateAsync<string>("() => document.activeElement.closest('[data-outcome]').dataset.outcome"));
        await ScreenChecks.SettleAsync(page);
        await page.ScreenshotAsync($"call-keyboard-opened-{culture}-{size}");

        // An outcome by keyboard: Tab to the next one (voicemail), Space picks it.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(nameof(CallOutcome.Voicemail), await page.EvaluateAsync<string>("() => document.activeElement.closest('[data-outcome]')?.dataset.outcome"));
        await page.Keyboard.PressAsync("Space");
        await Expect(dialog.Locator("[data-outcome='Voicemail']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-selected"));

        // Tab on to the report and type it; Ctrl+Enter saves from there.
        for (var tabs = 0; !await page.EvaluateAsync<bool>("() => document.activeElement?.id === 'call-report'"); tabs++)
        {
            Assert.True(tabs < 10, "the report is not reached by Tab from the outcomes");
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.TypeAsync(report);
        await page.ScreenshotAsync($"call-keyboard-typed-{culture}-{size}");
        await page.Keyboard.PressAsync("Control+Enter");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-snackbar", new() { HasText = UiTexts.Get(Browser, culture, "Call.Saved") })).ToBeVisibleAsync();
        await page.ScreenshotAsync($"call-keyboard-saved-{culture}-{size}");

        var call = await QueryAsync(db => db.Calls.Where(c => c.ProspectId == prospectId && c.Report == report).SingleAsync());
        Assert.Equal((CallOutcome.Voicemail, "demo-sales"), (call.Outcome, call.LoggedById));
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Esc_closes_an_empty_call_dialog_and_Esc_or_the_backdrop_ask_before_throwing_away_what_was_typed(string culture, int width, int height)
    {
        var size = SizeName(width);
        var draft = $"Nog niet bewaren ({culture}, {size}).";
        var page = await OpenProspectListAsync(culture, width, height);
        var callButton = page.Locator("#prospect-grid [data-log-call]").Nth(1);
        var prospectId = int.Parse((await callButton.GetAttributeAsync("data-log-call"))!, System.Globalization.CultureInfo.InvariantCulture);
        var callsBefore = await QueryAsync(db => db.Calls.CountAsync(c => c.ProspectId == prospectId));
        var dialog = page.Locator(".mud-dialog", new() { Has = page.Locator("#call-report") });
        var question = page.Locator(".mud-dialog", new() { Has = page.Locator("#keep-editing") });

        // Nothing typed: Esc closes at once.
        await callButton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync(FocusInReadyDialog);
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(question).ToHaveCountAsync(0);

        // Something typed: Esc asks, in the person's language; keeping goes back to the dialog with the text intact.
        await callButton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync(FocusInReadyDialog);
        await page.Locator("#call-report").FillAsync(draft);
        await page.Keyboard.PressAsync("Escape");
        await Expect(question).ToContainTextAsync(UiTexts.Get(Browser, culture, "Call.Discard"));
        await Expect(question.Locator("#keep-editing")).ToHaveTextAsync(UiTexts.Get(Browser, culture, "Common.KeepEditing"));
        await Expect(question.Locator("#keep-editing")).ToBeFocusedAsync();
        await ScreenChecks.SettleAsync(page);
        await page.ScreenshotAsync($"call-discard-asked-{culture}-{size}");
        await page.Keyboard.PressAsync("Enter");
        await Expect(question).ToHaveCountAsync(0);
        await Expect(page.Locator("#call-report")).ToHaveValueAsync(draft);

        // A click on the backdrop beside the dialog asks too; keeping (a click this time) keeps the text.
        await ClickBesideDialogAsync(page, dialog);
        await Expect(question).ToContainTextAsync(UiTexts.Get(Browser, culture, "Call.Discard"));
        await question.Locator("#keep-editing").ClickAsync();
        await Expect(question).ToHaveCountAsync(0);
        await Expect(page.Locator("#call-report")).ToHaveValueAsync(draft);

        // Discarding closes both, and nothing was saved.
        await ClickBesideDialogAsync(page, dialog);
        await question.Locator("#discard").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(question).ToHaveCountAsync(0);
        Assert.Equal(callsBefore, await QueryAsync(db => db.Calls.CountAsync(c => c.ProspectId == prospectId)));
    }

    /// <summary>
    /// The dialog has put the focus on an outcome and its Esc and Ctrl+Enter listener is attached (FormDialog marks
    /// it): a key pressed sooner reaches only MudBlazor, and Esc was lost about once in a CI run.
    /// </summary>
    private const string FocusInReadyDialog =
        "() => document.activeElement?.closest('.mud-dialog [data-outcome]') != null && document.activeElement.closest('[data-keys-ready]') != null";

    /// <summary>A click on the dimmed page beside the dialog: above it, in the middle of the window's width.</summary>
    private static async Task ClickBesideDialogAsync(IPage page, ILocator dialog)
    {
        var box = (await dialog.BoundingBoxAsync())!;
        Assert.True(box.Y > 10, "the dialog leaves no backdrop above it");
        await page.Mouse.ClickAsync(page.ViewportSize!.Width / 2f, box.Y / 2);
    }

    /// <summary>The prospect list as Sales, its first page of rows shown.</summary>
    private async Task<IPage> OpenProspectListAsync(string culture, int width, int height)
    {
        var page = await SignedInPageAsync("demo-sales", "/prospects", culture, width, height);
        await Expect(page.Locator("#prospect-grid tbody tr")).ToHaveCountAsync(25);
        return page;
    }
}

// Closing what a click opened and putting the page back as it was before the next click.
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cisa.Crm.Tests.EndToEnd.Crawl;

public sealed partial class Crawler
{
    /// <summary>Closes what a click opened as a person would: Esc, else the dialog's Cancel button.</summary>
    private async Task<string> CloseDialogsAsync(string pageUrl)
    {
        var how = "closed by Esc";
        var dialogs = _page.Locator(".mud-dialog-container");
        var cancel = _texts.Text("Common.Cancel", _language);
        for (var attempt = 0; attempt < 3 && await dialogs.CountAsync() > 0; attempt++)
        {
            var top = dialogs.Last;
            if (await _page.Locator("#discard").IsVisibleAsync())
            {
                // Nothing was typed, so nothing is thrown away; but asking then is a dead end of its own.
                Find("closing the untouched dialog asks to discard changes");
                await _page.Locator("#discard").ClickAsync();
                how = "closed by discarding";
            }
            else if (attempt == 0)
            {
                await _page.Keyboard.PressAsync("Escape");
            }
            else
            {
                var button = top.Locator("button").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(cancel)}\\s*$") });
                if (await button.CountAsync() == 0)
                {
                    break;
                }

                await button.First.ClickAsync(new() { Timeout = 5_000 });
                how = "closed by Cancel";
            }

            try
            {
                // Esc is answered at once where a dialog takes it; a Cancel button may have to save nothing first.
                await _page.WaitForFunctionAsync("n => document.querySelectorAll('.mud-dialog-container').length < n", await dialogs.CountAsync(),
                    new() { Timeout = attempt == 0 ? 1_000 : 3_000 });
            }
            catch (TimeoutException)
            {
                // Not closed this way: the next attempt tries the next way.
            }
        }

        if (await dialogs.CountAsync() > 0)
        {
            Find("the dialog it opened closes neither on Esc nor with its Cancel button");
            await ResetAsync(pageUrl);
            return "not closed: reloaded";
        }

        await ScreenChecks.SettleAsync(_page);
        await CheckShownAsync("after closing the dialog");
        return how;
    }

    /// <summary>A menu or list that opened over the page: Esc, else a click beside it (on its overlay), else its button again.</summary>
    private async Task<string> ClosePopoversAsync(Control control, string pageUrl)
    {
        var open = _page.Locator(".mud-popover-open");
        await _page.Keyboard.PressAsync("Escape");
        await WaitForQuietAsync();
        if (await open.CountAsync() == 0)
        {
            return "closed by Esc";
        }

        if (await _page.Locator(".mud-overlay").First.IsVisibleAsync())
        {
            await _page.Locator(".mud-overlay").First.ClickAsync(new() { Position = new() { X = 2, Y = 2 }, Force = true });
            await WaitForQuietAsync();
            if (await open.CountAsync() == 0)
            {
                return "closed by a click beside it";
            }
        }

        if (await PageProbe.MarkAsync(_page, control.Signature))
        {
            try
            {
                await _page.Locator("[data-crawl-target]").ClickAsync(new() { Timeout = 2_000 });
                await WaitForQuietAsync();
                if (await open.CountAsync() == 0)
                {
                    return "closed by its button";
                }
            }
            catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
            {
                // Its button is under what it opened: the reload below closes it.
            }
        }

        await ResetAsync(pageUrl);
        return "not closed: reloaded";
    }

    /// <summary>Back to the page as it was first shown: its address (a sort or a filter changes it), nothing open.</summary>
    private async Task EnsureAtAsync(string pageUrl)
    {
        var state = await StateAfterClickAsync();
        if (state.Dialogs > 0 && state.Interactive)
        {
            // Opened by the previous click after it was looked at (a slow answer): checked and closed all the same.
            await CheckShownAsync("a dialog that opened late", ".mud-dialog-container");
            await CloseDialogsAsync(pageUrl);
            state = await StateAfterClickAsync();
        }

        if (state.Dialogs > 0 || state.Popovers > 0 || state.Overlays > 0 || !state.Interactive)
        {
            await ResetAsync(pageUrl);
            return;
        }

        if (state.Url == pageUrl)
        {
            return;
        }

        var target = new Uri(pageUrl);
        if (new Uri(state.Url).AbsolutePath != target.AbsolutePath)
        {
            await NavigateInAppAsync(target.PathAndQuery);
            return;
        }

        // Only the query differs: the same page component stays and shows the other view when its data came.
        await _page.EvaluateAsync("route => Blazor.navigateTo(route)", target.PathAndQuery);
        await _page.WaitForFunctionAsync("url => location.href === url", pageUrl);
        await WaitForQuietAsync();
        await ScreenChecks.SettleAsync(_page);
    }

    /// <summary>A full reload of the page: when a click left something the crawl cannot close.</summary>
    private async Task ResetAsync(string pageUrl)
    {
        await _page.GotoAsync(pageUrl);
        await _page.WaitForInteractiveAsync();
        await ScreenChecks.SettleAsync(_page);
    }
}

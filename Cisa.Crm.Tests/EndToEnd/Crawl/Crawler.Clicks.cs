// Clicking each safe control once and telling what the click did (a page, a dialog, a menu, a toggle).
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cisa.Crm.Tests.EndToEnd.Crawl;

public sealed partial class Crawler
{
    /// <summary>
    /// Clicks each control of the page once (per signature; the app bar's and menu's once per language), looks at what
    /// the click did and puts the page back as it was before the next one.
    /// </summary>
    private async Task ClickEverythingAsync(string pageUrl)
    {
        var controls = await PageProbe.ControlsAsync(_page);
        foreach (var control in controls)
        {
            // A link is clicked once per language wherever it shows (a prospect's name on My work, on the list, on the
            // company page: the same page opens); a button once per page, as it acts on that page; the app bar's and the
            // menu's once per language.
            var key = control.Shell || control.Href.Length > 0 ? $"{_language} {control.Signature}" : $"{_language} {pageUrl} {control.Signature}";
            if (!_clicked.Add(key))
            {
                continue;
            }

            if (NotClicked(control) is { } reason)
            {
                _skipped.Add($"{_language} {new Uri(pageUrl).PathAndQuery}: {control.Signature} \"{control.Name}\": {reason}");
                continue;
            }

            var watch = Stopwatch.StartNew();
            var outcome = await ClickAsync(control, pageUrl);
            _clickLog.Add($"{watch.Elapsed.TotalSeconds:0.0}s {_language} {new Uri(pageUrl).PathAndQuery}: {control.Signature} \"{control.Name}\": {outcome}");
        }
    }

    /// <summary>Why a control is not clicked by the crawl, or null when it is.</summary>
    private string? NotClicked(Control control)
    {
        if (control.Id is "sign-out" or "language-nl" or "language-en")
        {
            return "sign-out and the language switch are tried at the end, on a fresh tab";
        }

        if (control.Href.StartsWith("tel:", StringComparison.Ordinal) || control.Href.StartsWith("mailto:", StringComparison.Ordinal))
        {
            return "opens the phone or the mail program, not a page of the app";
        }

        if (control.Href.Length > 0 && !control.Href.StartsWith(new Uri(_page.Url).GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
        {
            return "another site (the demo companies' websites do not exist)";
        }

        if (_downloads.Contains(control.Href))
        {
            return "a download: its address was requested above, and a click fetches the same address";
        }

        if (control.Id == "win-company")
        {
            // Not destructive (the relationship can be set back in the company's edit dialog, and its history is kept), but
            // it changes at once, without asking, the company the other journeys of this app instance start from.
            return "marks the company won at once; changes shared demo data";
        }

        if (Destructive().IsMatch(control.Name))
        {
            return "destructive or final; never clicked by the crawl";
        }

        return null;
    }

    /// <summary>Clicks, checks what the click did, and puts the page back; returns what the click did, for the report.</summary>
    private async Task<string> ClickAsync(Control control, string pageUrl)
    {
        var route = new Uri(pageUrl).PathAndQuery;
        _step = $"{_language} {route}, after clicking {control.Signature} \"{control.Name}\"";
        await EnsureAtAsync(pageUrl);
        if (!await PageProbe.MarkAsync(_page, control.Signature))
        {
            return "no longer shown when its turn came";
        }

        var before = await PageProbe.FingerprintAsync(_page);
        await PageProbe.BeforeClickAsync(_page);
        try
        {
            await _page.Locator("[data-crawl-target]").ClickAsync(new() { Timeout = 5_000 });
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
        {
            Find($"could not be clicked: {Blocker(exception.Message)}");
            await ResetAsync(pageUrl);
            return "could not be clicked";
        }

        _clicks++;
        await WaitForQuietAsync();
        var state = await StateAfterClickAsync();
        var path = new Uri(pageUrl).AbsolutePath;
        if (state.Mark is null)
        {
            // A full page load (a link outside the app's router): the new page must come up without error.
            await WaitForPageAsync();
            await CheckShownAsync("the page it loaded");
            return $"loaded {new Uri(_page.Url).PathAndQuery}";
        }
        else if (new Uri(state.Url).AbsolutePath != path)
        {
            await WaitForNewHeadingAsync();
            await CheckShownAsync($"the page it opened ({new Uri(state.Url).PathAndQuery})");
            return $"opened {new Uri(state.Url).PathAndQuery}";
        }
        else if (state.Dialogs > 0)
        {
            await ScreenChecks.SettleAsync(_page);
            await CheckShownAsync("the dialog it opened", ".mud-dialog-container");
            return $"a dialog, {await CloseDialogsAsync(pageUrl)}";
        }
        else if (state.Popovers > 0)
        {
            await ScreenChecks.SettleAsync(_page);
            await CheckShownAsync("what it opened", ".mud-popover-open");
            return $"a menu or list, {await ClosePopoversAsync(control, pageUrl)}";
        }
        else
        {
            await ScreenChecks.SettleAsync(_page);
            await CheckShownAsync(null);
            if (state.Url == pageUrl && await PageProbe.FingerprintAsync(_page) != before)
            {
                // A toggle (the menu, a panel): it showed or hid other controls; a second click puts the page back. When
                // its button went away with it (the phone's magnifier becomes the search bar), a reload does.
                if (await PageProbe.MarkAsync(_page, control.Signature))
                {
                    try
                    {
                        await _page.Locator("[data-crawl-target]").ClickAsync(new() { Timeout = 5_000 });
                        await WaitForQuietAsync();
                        await ScreenChecks.SettleAsync(_page);
                    }
                    catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
                    {
                        // Covered by what it opened (a phone's drawer over its own button): reloaded below.
                    }

                    if (await PageProbe.FingerprintAsync(_page) == before)
                    {
                        return "a toggle, clicked back";
                    }
                }

                // The phone's menu lies over its own button: a tap beside it, on the overlay, closes it.
                var overlay = _page.Locator(".mud-overlay").Last;
                if (await overlay.IsVisibleAsync())
                {
                    var window = _page.ViewportSize!;
                    await overlay.ClickAsync(new() { Position = new() { X = window.Width - 4, Y = window.Height / 2 }, Force = true });
                    await WaitForQuietAsync();
                    await ScreenChecks.SettleAsync(_page);
                    if (await PageProbe.FingerprintAsync(_page) == before)
                    {
                        return "opened over the page, closed by a tap beside it";
                    }
                }

                await ResetAsync(pageUrl);
                return "changed the page's controls; reloaded";
            }

            return state.Url == pageUrl ? "stayed" : $"changed the address to {new Uri(state.Url).PathAndQuery}";
        }
    }

    /// <summary>
    /// The click's answer comes over the circuit, after a round trip of unknown length: waits until the page has not
    /// changed for 200 ms (and at least 300 ms after the click, at most 5 s), so a dialog or a new page that comes late
    /// is seen as this click's, not the next one's.
    /// </summary>
    private async Task WaitForQuietAsync()
    {
        try
        {
            await _page.EvaluateAsync("""
                () => new Promise(resolve => {
                  const started = performance.now();
                  let last = started;
                  const observer = new MutationObserver(() => last = performance.now());
                  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
                  const check = () => {
                    const now = performance.now();
                    if ((now - started >= 300 && now - last >= 200) || now - started >= 5000) { observer.disconnect(); resolve(); }
                    else setTimeout(check, 50);
                  };
                  setTimeout(check, 50);
                })
                """);
        }
        catch (PlaywrightException)
        {
            // The page was replaced while waiting (a full load): the caller waits for the new one.
        }
    }

    private async Task<PageState> StateAfterClickAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await PageProbe.StateAsync(_page);
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // The page is being replaced (a full load): its script context went away mid-question.
                await _page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            }
        }
    }

    private async Task WaitForPageAsync()
    {
        await _page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        if (await _page.Locator("#main-content").CountAsync() > 0)
        {
            await _page.WaitForInteractiveAsync();
        }

        await ScreenChecks.SettleAsync(_page);
    }

    private async Task WaitForNewHeadingAsync()
    {
        try
        {
            await _page.WaitForFunctionAsync("() => document.querySelector('h1') && !document.querySelector('h1[data-left]')", null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            Find("the page it opened shows no heading after 10 s");
        }

        await ScreenChecks.SettleAsync(_page);
    }

    /// <summary>Playwright's first line, and what took the click instead when something did.</summary>
    private static string Blocker(string message) =>
        FirstLine(message) + (message.Split('\n').LastOrDefault(l => l.Contains("intercepts pointer events", StringComparison.Ordinal) || l.Contains("not visible", StringComparison.Ordinal)) is { } why
            ? " " + why.Trim()[..Math.Min(why.Trim().Length, 300)] : "");

    /// <summary>
    /// What ends something for good or ends the session: never clicked (nor is anything inside a dialog but Cancel). A
    /// button that only asks first (the retention run, releasing a hold) is clicked: its question is answered Cancel.
    /// ("Wissen" is also MudBlazor's "Clear" of a field, so Dutch erasing is caught by its English name in the en pass
    /// and by the question every irreversible step asks.)
    /// </summary>
    [GeneratedRegex(@"\b(delete|verwijder|erase|confirm|bevestig|execute|uitvoer|sign out|afmelden)", RegexOptions.IgnoreCase)]
    private static partial Regex Destructive();
}

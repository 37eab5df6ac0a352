using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cisa.Crm.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd.Crawl;

/// <summary>
/// One signed-in user on one screen size walking every page of their menu in Dutch and then English: each page is
/// measured (fit, cut-off, axe-core), read (error UI, text of the other language, raw codes), its links requested, and
/// every safe control clicked once, with whatever the click opened checked and closed again. Everything found is kept
/// as a readable line, with the time each phase took, and written to <c>artifacts/crawl/&lt;case&gt;.txt</c>.
/// </summary>
public sealed partial class Crawler
{
    public static string ReportFolder { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "crawl");

    private readonly IPage _page;
    private readonly string _case;
    private readonly bool _phone;
    private readonly AppTexts _texts = AppTexts.Instance;
    private readonly List<string> _errorTexts;
    private readonly IReadOnlyCollection<string> _userTexts;
    private readonly List<string> _findings = [];
    private readonly List<string> _skipped = [];
    private readonly List<string> _log = [];
    private readonly List<string> _clickLog = [];
    private readonly Dictionary<string, TimeSpan> _phases = [];
    private readonly HashSet<string> _checkedLinks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _downloads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _clicked = new(StringComparer.Ordinal);
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private string _language = "nl";
    private string _step = "sign-in";
    private int _clicks;
    private int _links;

    public Crawler(IPage page, string caseName, bool phone, IReadOnlyCollection<string> userTexts)
    {
        _page = page;
        _userTexts = userTexts;
        _case = caseName;
        _phone = phone;
        // The error UI's own words, both languages: Blazor's bar, the error page's title (also the start of the
        // "unexpected error" message of the error boundary and the snackbar).
        _errorTexts = new[] { "Error.Title", "Blazor.Error" }.SelectMany(key => new[] { _texts.Text(key, "en"), _texts.Text(key, "nl") }).ToList();
        Listen(page);
    }

    public IReadOnlyList<string> Findings => _findings;

    private void Listen(IPage page)
    {
        // Anything the browser reports as an error while the crawl is on a page or just clicked something.
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Find($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => Find($"script error: {error}");
    }

    private void Find(string finding)
    {
        lock (_findings)
        {
            _findings.Add($"{_step}: {finding}");
        }
    }

    private async Task<T> TimeAsync<T>(string phase, Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return await work();
        }
        finally
        {
            _phases[phase] = _phases.GetValueOrDefault(phase) + watch.Elapsed;
        }
    }

    private async Task TimeAsync(string phase, Func<Task> work) => await TimeAsync(phase, async () => { await work(); return true; });

    /// <summary>Switches the app to English with the app bar's switch, as a person does: a full reload.</summary>
    public async Task SwitchLanguageAsync(string language)
    {
        _step = $"switch to {language}";
        await TimeAsync("navigate", async () =>
        {
            await _page.Locator($"#language-{language}").ClickAsync();
            await Expect(_page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await _page.WaitForInteractiveAsync();
            await ScreenChecks.SettleAsync(_page);
        });
        _language = language;
        await CheckShownAsync("after the switch");
    }

    /// <summary>Everything about one page: measured, read, its links requested, its controls clicked.</summary>
    public async Task CrawlPageAsync(string route, string screenshotName)
    {
        var started = _total.Elapsed;
        var phasesBefore = new Dictionary<string, TimeSpan>(_phases);
        var (clicksBefore, linksBefore) = (_clicks, _links);
        _step = $"{_language} {route}";

        await TimeAsync("navigate", () => NavigateInAppAsync(route));
        await TimeAsync("screenshot", () => _page.ScreenshotAsync(screenshotName));
        var cutOff = await TimeAsync("fit", () => ScreenChecks.FindCutOffAsync(_page, sidewaysScrollAllowed: _phone));
        var axe = await TimeAsync("axe", () => ScreenChecks.FindSeriousAccessibilityViolationsAsync(_page));
        foreach (var finding in cutOff.Concat(axe))
        {
            Find(finding);
        }

        await CheckShownAsync(null);
        await TimeAsync("links", CheckLinksAsync);
        var url = _page.Url;
        await TimeAsync("clicks", () => ClickEverythingAsync(url));

        var spent = _phases.Select(p => $"{p.Key} {(p.Value - phasesBefore.GetValueOrDefault(p.Key)).TotalSeconds:0.0}s");
        _log.Add($"{_language} {route}: {(_total.Elapsed - started).TotalSeconds:0.0}s ({string.Join(", ", spent)}); "
            + $"{_links - linksBefore} link(s) requested, {_clicks - clicksBefore} click(s)");
    }

    /// <summary>
    /// Goes to a page inside the running app (no reload, no new circuit: many pages in little time) and waits until
    /// the new page's heading has replaced the old one and its data has arrived.
    /// </summary>
    private async Task NavigateInAppAsync(string route)
    {
        await _page.EvaluateAsync("""
            route => {
              if (location.pathname + location.search !== route) {
                document.querySelectorAll('h1').forEach(h => h.dataset.left = 'true');
                Blazor.navigateTo(route);
              }
            }
            """, route);
        await _page.WaitForFunctionAsync(
            "route => location.pathname + location.search === route && document.querySelector('h1') && !document.querySelector('h1[data-left]')", route);
        await ScreenChecks.SettleAsync(_page);
    }

    /// <summary>The error UI, text of the other language and raw codes, on the page or in what a click opened.</summary>
    private async Task CheckShownAsync(string? after, string? rootSelector = null) =>
        await TimeAsync("read", async () =>
        {
            var where = after is null ? "" : $"{after}: ";
            foreach (var error in await PageProbe.FindErrorUiAsync(_page, _errorTexts))
            {
                Find(where + error);
            }

            var text = await PageProbe.VisibleTextAsync(_page, rootSelector);
            var other = _texts.FindOtherLanguage(text, _language, _userTexts);
            if (other.Count > 0)
            {
                Find($"{where}{(_language == "nl" ? "English" : "Dutch")} on a{(_language == "nl" ? " Dutch" : "n English")} page: \"{string.Join("\", \"", other)}\"");
            }

            var raw = _texts.FindRawCodes(text);
            if (raw.Count > 0)
            {
                Find($"{where}raw codes shown: \"{string.Join("\", \"", raw)}\"");
            }
        });

    /// <summary>
    /// Requests every address of this site the page links to, with the user's cookies (their sign-in and language): a
    /// link or a download that answers 4xx/5xx, lands on the error, not-found or access-denied page, or on the sign-in
    /// page, is broken for this user. Once per address for the user and screen: the English pass has the same links, and
    /// what differs by language, the page's text, is read on every page the crawl visits. Four at a time, as a browser.
    /// </summary>
    private async Task CheckLinksAsync()
    {
        var hrefs = (await PageProbe.SameOriginLinksAsync(_page)).Where(_checkedLinks.Add).ToList();
        foreach (var batch in hrefs.Chunk(4))
        {
            await Task.WhenAll(batch.Select(CheckLinkAsync));
        }
    }

    private async Task CheckLinkAsync(string href)
    {
        Interlocked.Increment(ref _links);
        var path = new Uri(href).PathAndQuery;
        IAPIResponse response;
        try
        {
            response = await _page.APIRequest.GetAsync(href, new() { Timeout = 30_000 });
        }
        catch (PlaywrightException exception)
        {
            Find($"the link {path} does not answer: {FirstLine(exception.Message)}");
            return;
        }

        await using (response)
        {
            var landed = new Uri(response.Url).AbsolutePath;
            if (response.Status >= 400)
            {
                Find($"the link {path} answers {response.Status} {response.StatusText}");
                return;
            }

            if (landed is "/error" or "/not-found" or "/access-denied" || landed.StartsWith("/account/", StringComparison.OrdinalIgnoreCase))
            {
                Find($"the link {path} lands on {landed}");
                return;
            }

            var headers = response.Headers;
            if (headers.TryGetValue("content-disposition", out var disposition) && disposition.Contains("attachment", StringComparison.OrdinalIgnoreCase))
            {
                lock (_downloads)
                {
                    _downloads.Add(href);
                }

                return;
            }

            if (headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
            {
                // The page as the server first renders it: an error the error boundary caught answers 200.
                var html = await response.TextAsync();
                foreach (var id in new[] { "page-error", "error-title", "not-found", "access-denied" })
                {
                    if (html.Contains($"id=\"{id}\"", StringComparison.Ordinal))
                    {
                        Find($"the link {path} shows #{id}");
                    }
                }
            }
        }
    }

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

    /// <summary>
    /// The language switch back to Dutch and sign-out, each once, on a fresh tab of the same session: the crawl never
    /// clicks them on its pages (sign-out would end the crawl, the switch reloads the page in the middle of it).
    /// </summary>
    public async Task SwitchBackAndSignOutOnAFreshTabAsync()
    {
        var tab = await _page.Context.NewPageAsync();
        Listen(tab);
        _step = "fresh tab: language switch to nl";
        await tab.GotoAsync("/");
        await tab.WaitForInteractiveAsync();
        await tab.Locator("#language-nl").ClickAsync();
        await Expect(tab.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await tab.WaitForInteractiveAsync();
        await ScreenChecks.SettleAsync(tab);
        foreach (var error in await PageProbe.FindErrorUiAsync(tab, _errorTexts))
        {
            Find(error);
        }

        var other = _texts.FindOtherLanguage(await PageProbe.VisibleTextAsync(tab), "nl", _userTexts);
        if (other.Count > 0)
        {
            Find($"English on a Dutch page: \"{string.Join("\", \"", other)}\"");
        }

        _step = "fresh tab: sign-out";
        await tab.Locator("#user-menu").ClickAsync();
        await tab.Locator("#sign-out").ClickAsync();
        await Expect(tab.Locator("#signed-out")).ToBeVisibleAsync();
        foreach (var error in await PageProbe.FindErrorUiAsync(tab, _errorTexts))
        {
            Find(error);
        }

        _step = "closing";
    }

    /// <summary>Writes what was found, skipped and measured to <c>artifacts/crawl/&lt;case&gt;.txt</c>.</summary>
    public async Task WriteReportAsync()
    {
        Directory.CreateDirectory(ReportFolder);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{_case}: {_total.Elapsed.TotalSeconds:0.0}s, {_links} link(s) requested, {_clicks} click(s), {_findings.Count} finding(s)");
        report.AppendLine(CultureInfo.InvariantCulture, $"phases: {string.Join(", ", _phases.Select(p => $"{p.Key} {p.Value.TotalSeconds:0.0}s"))}");
        report.AppendLine().AppendLine("findings:");
        lock (_findings)
        {
            _findings.ForEach(f => report.AppendLine("  " + f));
        }

        report.AppendLine().AppendLine("pages:");
        _log.ForEach(l => report.AppendLine("  " + l));
        report.AppendLine().AppendLine("clicks:");
        _clickLog.ForEach(c => report.AppendLine("  " + c));
        report.AppendLine().AppendLine("not clicked:");
        _skipped.ForEach(s => report.AppendLine("  " + s));
        await File.WriteAllTextAsync(Path.Combine(ReportFolder, _case + ".txt"), report.ToString());
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

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

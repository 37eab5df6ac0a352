// The crawl's state, its entry points (a page, the language switch, the fresh tab) and reading what a page shows; the rest is in Crawler.*.cs.
using System.Diagnostics;
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
}

using System.Collections.Concurrent;
using Cisa.Crm.Benchmarks.Running;
using Cisa.Crm.Core.Demo;
using Microsoft.Playwright;

namespace Cisa.Crm.Benchmarks.Workloads;

/// <summary>
/// P-CIRCUITS: N Blazor Server circuits (headless Chromium pages, one signed-in Sales user) against the real
/// app on loopback, each paging the prospect list: the round trip of a page click measured inside the
/// browser (click → SignalR → server render → DOM updated), and the app process's working-set growth per
/// circuit against N circuits on an almost empty page. Goal: 200 circuits, p95 &lt; 100 ms, ≤ 2× the empty page's memory.
/// </summary>
public sealed class CircuitsWorkload : IWorkload
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private const double GoalMilliseconds = 100;
    private const double GoalMemoryRatio = 2;
    private const string EmptyPage = "/access-denied";
    private const int OpenInParallel = 8;

    /// <summary>Clicks the grid's next-page button and resolves when the first row links to another prospect.</summary>
    private const string ClickNextPageScript = """
        async () => {
          const grid = document.querySelector('#prospect-grid');
          const firstHref = () => grid.querySelector('tbody a.prospect-link')?.getAttribute('href');
          const before = firstHref();
          const next = grid.querySelector('.mud-table-pagination-actions button:nth-last-child(2)');
          return await new Promise(resolve => {
            const start = performance.now();
            const done = () => { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - start); };
            const observer = new MutationObserver(() => { const now = firstHref(); if (now && now !== before) done(); });
            const timer = setTimeout(() => { observer.disconnect(); resolve(-1); }, 10000);
            observer.observe(grid, { childList: true, subtree: true, attributes: true });
            next.click();
          });
        }
        """;

    public string Id => "P-CIRCUITS";

    public async Task<WorkloadResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"P-CIRCUITS needs Debian's Chromium at {ChromiumPath}: apt-get install -y chromium.");
        }

        var n = context.Options.Circuits;
        using var scratch = context.ScratchCopy("circuits");
        using var playwright = await Playwright.CreateAsync();

        context.Log.WriteLine($"  {n} circuits on the empty page {EmptyPage}…");
        var empty = await MeasureAsync(context, playwright, scratch.Path, n, EmptyPage, paging: false, cancellationToken);
        context.Log.WriteLine($"  {n} circuits on /prospects, {context.Options.CircuitClicks} page clicks each…");
        var list = await MeasureAsync(context, playwright, scratch.Path, n, "/prospects", paging: true, cancellationToken);

        var roundTrips = Summary.Of(list.RoundTrips, "ms");
        var listMemory = Summary.Of([list.MegabytesPerCircuit], "MB");
        var emptyMemory = Summary.Of([empty.MegabytesPerCircuit], "MB");
        var memoryRatio = list.MegabytesPerCircuit / Math.Max(0.001, empty.MegabytesPerCircuit);
        var notes = new List<string>
        {
            $"{n} circuits opened ({list.Opened} on the list, {empty.Opened} on the empty page); {list.TimedOut} clicks got no answer within 10 s",
            $"app working set: empty page {Mb(empty.Before)} → {Mb(empty.After)} MB; list {Mb(list.Before)} → {Mb(list.AfterOpen)} MB opened → {Mb(list.After)} MB after paging",
            $"think time {context.Options.ThinkMilliseconds} ms ±50% between clicks; the browser runs on the same {Environment.ProcessorCount} cores as the app",
            $"the app used {list.AppProcessorMillisecondsPerClick:F1} ms of processor time per click (the {Environment.ProcessorCount} cores give {Environment.ProcessorCount * 1000} ms a second)",
        };
        return new WorkloadResult(Id, $"{n} concurrent Blazor Server circuits paging the prospect list (25 rows a page)",
            $"the real app (child process, Release, {context.Options.AppGc} GC), headless Chromium pages signed in as Sales",
            $"the same number of circuits on an almost empty page ({EmptyPage})",
            [
                new CaseResult("page click round trip", roundTrips, null, "—", $"p95 < {GoalMilliseconds:F0} ms", roundTrips.P95 < GoalMilliseconds && list.TimedOut == 0),
                new CaseResult("memory per circuit", listMemory, emptyMemory, $"{ResultTable.Factor(memoryRatio)}× the empty page", $"≤ {GoalMemoryRatio:F0}× the empty page",
                    memoryRatio <= GoalMemoryRatio),
            ],
            notes);
    }

    private sealed record Phase(int Opened, long Before, long AfterOpen, long After, List<double> RoundTrips, int TimedOut, double MegabytesPerCircuit,
        double AppProcessorMillisecondsPerClick);

    /// <summary>
    /// One app process per phase, so each starts from the same state: warm up with one circuit (its memory is
    /// in the "before" figure), open N pages, and — on the list — click through pages with think time.
    /// </summary>
    private static async Task<Phase> MeasureAsync(BenchContext context, IPlaywright playwright, string databasePath, int n, string path, bool paging,
        CancellationToken cancellationToken)
    {
        await using var app = await WebAppProcess.StartAsync(databasePath, context.Options.AppGc == "server", cancellationToken);
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        var browserContext = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 800 },
            Locale = "en-BE",
            TimezoneId = "Europe/Brussels",
        });
        browserContext.SetDefaultTimeout(120_000);

        // Sign in once (the cookie is shared by every page of the context) and warm the app up on the measured page.
        var first = await browserContext.NewPageAsync();
        await first.GotoAsync(path);
        await first.Locator($"#sign-in-{DemoStaff.Sales.Id}").ClickAsync();
        await WaitReadyAsync(first, paging);
        if (paging)
        {
            await first.EvaluateAsync<double>(ClickNextPageScript);
        }

        await Task.Delay(3000, cancellationToken);
        var before = app.WorkingSetBytes;

        var pages = new ConcurrentBag<IPage>();
        using (var gate = new SemaphoreSlim(OpenInParallel))
        {
            await Task.WhenAll(Enumerable.Range(0, n).Select(async _ =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    var page = await browserContext.NewPageAsync();
                    await page.GotoAsync(path);
                    await WaitReadyAsync(page, paging);
                    pages.Add(page);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await Task.Delay(3000, cancellationToken);
        var afterOpen = app.WorkingSetBytes;
        var roundTrips = new ConcurrentBag<double>();
        var timedOut = 0;
        var processorBefore = app.ProcessorTime;
        if (paging)
        {
            var think = context.Options.ThinkMilliseconds;
            await Task.WhenAll(pages.Select(async (page, i) =>
            {
                var random = new Random(i);
                await Task.Delay(random.Next(0, think + 1), cancellationToken);
                for (var click = 0; click < context.Options.CircuitClicks; click++)
                {
                    var milliseconds = await page.EvaluateAsync<double>(ClickNextPageScript);
                    if (milliseconds < 0)
                    {
                        Interlocked.Increment(ref timedOut);
                    }
                    else
                    {
                        roundTrips.Add(milliseconds);
                    }

                    await Task.Delay(think / 2 + random.Next(0, think + 1), cancellationToken);
                }
            }));
            await Task.Delay(3000, cancellationToken);
        }

        var after = app.WorkingSetBytes;
        var clicks = roundTrips.Count + timedOut;
        return new Phase(pages.Count, before, afterOpen, after, roundTrips.ToList(), timedOut, (after - before) / 1024.0 / 1024.0 / Math.Max(1, pages.Count),
            clicks == 0 ? 0 : (app.ProcessorTime - processorBefore).TotalMilliseconds / clicks);
    }

    /// <summary>The circuit is interactive (clicks before that are lost) and, on the list, the first page of rows is there.</summary>
    private static async Task WaitReadyAsync(IPage page, bool grid)
    {
        await page.Locator("#main-content[data-interactive='true']").WaitForAsync();
        if (grid)
        {
            await page.Locator("#prospect-grid tbody a.prospect-link").First.WaitForAsync();
        }
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
}

using Cisa.Crm.Demo;
using Microsoft.Playwright;

namespace Cisa.Crm.Benchmarks.Workloads;

/// <summary>
/// Headless Chromium pages in one browser context (one sign-in cookie for all), the round trip timed inside the page
/// (click → SignalR → server render → DOM changed). On 2 cores, 200 pages' own rendering competes with the app.
/// </summary>
public sealed class BrowserCircuitClient : ICircuitClient
{
    public const string ChromiumPath = "/usr/bin/chromium";

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

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private bool _signedIn;

    private BrowserCircuitClient(IPlaywright playwright, IBrowser browser, IBrowserContext context)
    {
        _playwright = playwright;
        _browser = browser;
        _context = context;
    }

    public static async Task<BrowserCircuitClient> StartAsync(string baseUrl)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"P-CIRCUITS with --circuit-client browser needs Debian's Chromium at {ChromiumPath}: apt-get install -y chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 800 },
            Locale = "en-BE",
            TimezoneId = "Europe/Brussels",
        });
        context.SetDefaultTimeout(120_000);
        return new BrowserCircuitClient(playwright, browser, context);
    }

    public async Task<IOpenCircuit> OpenAsync(string path, bool grid, CancellationToken cancellationToken)
    {
        var page = await _context.NewPageAsync();
        await page.GotoAsync(path);
        if (!_signedIn)
        {
            // The first page lands on the sign-in page; its cookie then serves every page of the context.
            await page.Locator($"#sign-in-{DemoStaff.Sales.Id}").ClickAsync();
            _signedIn = true;
        }

        await page.Locator("#main-content[data-interactive='true']").WaitForAsync();
        if (grid)
        {
            await page.Locator("#prospect-grid tbody a.prospect-link").First.WaitForAsync();
        }

        return new Open(page);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private sealed class Open(IPage page) : IOpenCircuit
    {
        public async Task<double?> ClickNextPageAsync(CancellationToken cancellationToken)
        {
            var milliseconds = await page.EvaluateAsync<double>(ClickNextPageScript);
            return milliseconds < 0 ? null : milliseconds;
        }
    }
}

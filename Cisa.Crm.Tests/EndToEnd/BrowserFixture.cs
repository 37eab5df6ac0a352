using Cisa.Crm.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// The real app on Kestrel (a random loopback port) and Debian's Chromium driven by Playwright.
/// Playwright's own browser download cannot work here, so the system browser is used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public CrmAppFactory Factory { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {ChromiumPath}: apt-get install -y chromium (.ci/run does this).");
        }

        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>Debian's headless Chromium, as every browser test starts it.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });

    /// <summary>A phone held upright (the size of a common recent phone, in CSS pixels).</summary>
    public static ViewportSize Phone => new() { Width = 390, Height = 844 };

    /// <summary>A fresh browser context (no cookies) in a window of the given size.</summary>
    public Task<IPage> NewPageAsync(string? acceptLanguage, ViewportSize viewport) =>
        NewPageAsync(acceptLanguage, viewport.Width, viewport.Height);

    /// <summary>A fresh browser context (no cookies) with a desktop-sized window, or another size (390×844: a phone).</summary>
    public async Task<IPage> NewPageAsync(string? acceptLanguage = "nl-BE", int width = 1366, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = acceptLanguage,
            TimezoneId = "Europe/Brussels",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

public static class PageExtensions
{
    /// <summary>Waits until the Blazor circuit is interactive; clicks before that are lost.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("#main-content[data-interactive='true']").WaitForAsync();

    /// <summary>Signs in on the local page by clicking a demo user, and waits for the interactive shell.</summary>
    public static async Task SignInAsAsync(this IPage page, string demoUserId, string path = "/")
    {
        await page.GotoAsync(path);
        await page.Locator($"#sign-in-{demoUserId}").ClickAsync();
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Goes to a page of the app and waits until its circuit is interactive, as a person waits for it before clicking.</summary>
    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>
    /// Chooses a file in the page's file input, once Blazor's InputFile script has taken the input over
    /// (before that, the browser's change event reaches nobody).
    /// </summary>
    public static async Task ChooseFileAsync(this IPage page, FilePayload file)
    {
        await page.WaitForFunctionAsync("() => { const input = document.querySelector('input[type=file]'); return !!input && '_blazorInputFileNextFileId' in input; }");
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
    }

    /// <summary>A MudBlazor form field (input, label, helper and error text) by the id of its input.</summary>
    public static ILocator Field(this IPage page, string inputId) =>
        page.Locator($".mud-input-control:has(#{inputId})");

    /// <summary>Opens a MudBlazor select (by the id of its input) and clicks the option with that text.</summary>
    public static async Task ChooseAsync(this IPage page, string inputId, string option)
    {
        await page.Field(inputId).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });
}

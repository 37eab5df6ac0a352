using Cisa.Crm.Core.Data;
using Microsoft.Playwright;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// What every browser journey starts from: the collection's one app and Chromium, a page signed in as a demo user in a
/// language and window size, and the app's database to read expectations from. The browser contexts a test opened are
/// closed when it ends, passed or failed, so a failed journey does not leave its context open for the rest of the run.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class JourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];

    /// <summary>Dutch and English on a laptop and on a phone: the screens a journey's [Theory] runs on.</summary>
    public static TheoryData<string, int, int> Screens => new()
    {
        { "nl-BE", 1366, 768 },
        { "en-BE", 1366, 768 },
        { "nl-BE", 390, 844 },
        { "en-BE", 390, 844 },
    };

    protected BrowserFixture Browser => browser;

    /// <summary>A fresh page (no cookies, not signed in) in a window of the given size (390×844: a phone).</summary>
    protected async Task<IPage> NewPageAsync(string culture = "nl-BE", int width = 1366, int height = 800)
    {
        var page = await browser.NewPageAsync(culture, width, height);
        _pages.Add(page);
        return page;
    }

    /// <summary>A fresh page signed in as a demo user and showing <paramref name="path"/>, its circuit interactive.</summary>
    protected async Task<IPage> SignedInPageAsync(string demoUserId, string path = "/", string culture = "nl-BE", int width = 1366, int height = 800)
    {
        var page = await NewPageAsync(culture, width, height);
        await page.SignInAsAsync(demoUserId, path);
        return page;
    }

    /// <summary>Reads the app's database, to pick the demo records a journey works on and check what it stored.</summary>
    protected Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query) => browser.Factory.QueryAsync(query);

    /// <summary>The window's kind in screenshot names: a phone below 600 px, else a desktop.</summary>
    protected static string SizeName(int width) => width < 600 ? "phone" : "desktop";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }
    }
}

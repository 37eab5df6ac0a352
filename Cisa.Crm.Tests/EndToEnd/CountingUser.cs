using System.Diagnostics;
using Microsoft.Playwright;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// A person at the keyboard, counted: every click, typed character and key press of a job goes through here, with
/// the screens the job passes through and the seconds it takes. The rules, so that figures before and after a change
/// of the UI compare:
/// <list type="bullet">
/// <item>Typing into a field costs one click to put the cursor there plus one keystroke per character.</item>
/// <item>A key (Enter, Escape, Tab) is one keystroke.</item>
/// <item>A drop-down costs two clicks: open it, pick the option.</item>
/// <item>A file costs two clicks: the button that opens the system's file dialog, and the file in that dialog.</item>
/// <item>A page load is every new address in the tab (Blazor's in-app navigation included) and every new tab.</item>
/// </list>
/// Seconds are the robot's, so they measure what the app makes a person wait for (round trips, page loads), not
/// how fast a person reads or types.
/// </summary>
public sealed class CountingUser
{
    private readonly Stopwatch _clock = new();
    private string _address;

    public CountingUser(IPage page)
    {
        Page = page;
        _address = page.Url;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame && frame.Url != _address)
            {
                _address = frame.Url;
                PageLoads++;
            }
        };
        page.Context.Page += (_, _) => PageLoads++;
    }

    public IPage Page { get; }

    public int Clicks { get; private set; }

    public int Keystrokes { get; private set; }

    public int PageLoads { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The job begins here (signed in, on its first screen): counters to zero, clock running.</summary>
    public void BeginJob()
    {
        (Clicks, Keystrokes, PageLoads) = (0, 0, 0);
        _address = Page.Url;
        _clock.Restart();
    }

    /// <summary>The job's result is on the screen: the clock stops.</summary>
    public void EndJob() => _clock.Stop();

    /// <summary>Something the test does in the middle of a job that a person does not (a screenshot): off the clock.</summary>
    public async Task OffTheClockAsync(Func<Task> action)
    {
        _clock.Stop();
        await action();
        _clock.Start();
    }

    public async Task ClickAsync(ILocator target)
    {
        await target.ClickAsync();
        Clicks++;
    }

    /// <summary>Clicks into the field and types the text (the field is filled at once; each character counts).</summary>
    public async Task TypeAsync(ILocator field, string text)
    {
        await ClickAsync(field);
        await field.FillAsync(text);
        Keystrokes += text.Length;
    }

    /// <summary>
    /// Clicks into the field and types the text key by key, for a field that answers each key (an autocomplete that
    /// searches as the person types).
    /// </summary>
    public async Task TypeKeyByKeyAsync(ILocator field, string text)
    {
        await ClickAsync(field);
        await field.PressSequentiallyAsync(text);
        Keystrokes += text.Length;
    }

    public async Task PressAsync(ILocator target, string key)
    {
        await target.PressAsync(key);
        Keystrokes++;
    }

    /// <summary>Opens a drop-down (MudSelect: click its field) and clicks the option with exactly this text.</summary>
    public async Task ChooseAsync(ILocator dropDown, string option)
    {
        await ClickAsync(dropDown);
        await ClickAsync(Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }));
    }

    /// <summary>Clicks the button that opens the system's file dialog, and picks the file there (one click).</summary>
    public async Task PickFileAsync(ILocator button, FilePayload file)
    {
        var dialog = await Page.RunAndWaitForFileChooserAsync(() => ClickAsync(button));
        await dialog.SetFilesAsync(file);
        Clicks++;
    }

    /// <summary>Clicks a link that opens in a new tab, and returns that tab once loaded.</summary>
    public async Task<IPage> ClickOpeningTabAsync(ILocator link)
    {
        var tab = await Page.Context.RunAndWaitForPageAsync(() => ClickAsync(link));
        await tab.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return tab;
    }

    /// <summary>Closes a tab the job opened: one click on the tab's close button (browser chrome Playwright cannot reach).</summary>
    public async Task CloseTabAsync(IPage tab)
    {
        await tab.CloseAsync();
        Clicks++;
    }
}

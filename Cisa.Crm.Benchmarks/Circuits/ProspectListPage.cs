using System.Diagnostics;

namespace Cisa.Crm.Benchmarks.Circuits;

/// <summary>
/// The prospect list as a user sees it in a protocol-level circuit: the same hooks the browser version of P-CIRCUITS
/// uses (<c>#main-content[data-interactive]</c>, <c>#prospect-grid</c>, the pager's second-to-last button and the
/// first row's <c>a.prospect-link</c>).
/// </summary>
public static class ProspectListPage
{
    /// <summary>The layout says so once the circuit has rendered it interactively; clicks before that are lost.</summary>
    public static bool IsInteractive(RenderTree page) => page.ElementById("main-content")?.Attribute("data-interactive") == "true";

    public static string? FirstRowHref(RenderTree page) =>
        page.ElementById("prospect-grid")?.Descendants().FirstOrDefault(e => e.Tag == "tbody")?
            .Descendants().FirstOrDefault(e => e.Tag == "a" && e.HasClass("prospect-link"))?.Attribute("href");

    /// <summary>The "next page" button's click handler, or "first page" on the last page so a user can page on forever.</summary>
    public static ulong? PagerClickHandler(RenderTree page)
    {
        var buttons = page.ElementById("prospect-grid")?.Descendants().FirstOrDefault(e => e.HasClass("mud-table-pagination-actions"))?
            .ElementChildren().Where(e => e.Tag == "button").ToList();
        if (buttons is not { Count: >= 2 })
        {
            return null;
        }

        var button = buttons[^2].Attributes.ContainsKey("disabled") ? buttons[0] : buttons[^2];
        return button.EventHandlers.TryGetValue("click", out var id) ? id : null;
    }

    public static bool IsReady(RenderTree page, bool grid) => IsInteractive(page) && (!grid || FirstRowHref(page) is not null);

    /// <summary>
    /// Clicks the pager and times until the render batch that shows another first row has been applied and
    /// acknowledged: the protocol-level round trip (click → SignalR → server render → batch back). Null if no such
    /// batch came within the timeout.
    /// </summary>
    public static async Task<double?> ClickNextPageAsync(BlazorCircuit circuit, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (before, handler) = circuit.Read(page => (FirstRowHref(page), PagerClickHandler(page)));
        if (before is null || handler is null)
        {
            throw new InvalidOperationException("The prospect list has no rows or no pager button to click.");
        }

        var clock = Stopwatch.StartNew();
        await circuit.ClickAsync(handler.Value, cancellationToken);
        var changed = await circuit.WaitUntilAsync(page => FirstRowHref(page) is { } now && now != before, timeout, cancellationToken);
        return changed ? clock.Elapsed.TotalMilliseconds : null;
    }
}

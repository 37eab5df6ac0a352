using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// What a person sees on one screen, measured in the browser: whether the page fits the window, whether a button or
/// link is cut off, and what axe-core finds against WCAG 2.1 A/AA. Each check returns readable findings (empty when
/// all is well), so a test can visit many pages and report everything at once.
/// </summary>
public static class ScreenChecks
{
    /// <summary>WCAG 2.0 and 2.1, levels A and AA: what the firm promises (not the best-practice rules).</summary>
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>
    /// Waits until the page shows its data: no skeleton, no indeterminate progress bar, nothing marked busy, and no
    /// transition running (a drawer or dialog still sliding in would be measured half-way).
    /// </summary>
    public static async Task SettleAsync(IPage page)
    {
        await page.WaitForFunctionAsync("""
            () => !document.querySelector('.mud-skeleton, .mud-progress-linear.mud-progress-indeterminate, [aria-busy="true"]')
              && document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)
            """);
        await page.EvaluateAsync("() => document.fonts.ready");
    }

    /// <summary>
    /// The document must not be wider than the window, and no visible button, link or field may be cut off: cut by
    /// the window's edge or by a parent that hides or scrolls its overflow. With <paramref name="sidewaysScrollAllowed"/>
    /// (a phone), an element inside a parent that scrolls sideways is reachable by scrolling and is not counted (a wide
    /// table may scroll inside its card); without it (a desktop), what must be scrolled sideways to be seen is a finding.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FindCutOffAsync(IPage page, bool sidewaysScrollAllowed) =>
        await page.EvaluateAsync<string[]>("""
            sidewaysScrollAllowed => {
              const findings = [];
              const root = document.documentElement;
              const width = root.clientWidth;
              if (root.scrollWidth > width) {
                findings.push(`the page is ${root.scrollWidth}px wide in a ${width}px window`);
              }
              const describe = el => {
                const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
                return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${name}"`;
              };
              for (const el of document.querySelectorAll('a[href], button, [role="button"], input:not([type="hidden"]), select, textarea')) {
                if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
                const box = el.getBoundingClientRect();
                if (box.width < 2 || box.height < 2) continue;
                let left = box.left, right = box.right, scrolls = false;
                for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
                  const overflow = getComputedStyle(parent).overflowX;
                  if (overflow === 'visible') continue;
                  if (sidewaysScrollAllowed && (overflow === 'auto' || overflow === 'scroll') && parent.scrollWidth > parent.clientWidth) { scrolls = true; break; }
                  const clip = parent.getBoundingClientRect();
                  left = Math.max(left, clip.left);
                  right = Math.min(right, clip.right);
                }
                if (!scrolls) {
                  left = Math.max(left, 0);
                  right = Math.min(right, width);
                }
                const shown = Math.max(0, right - left);
                if (shown < box.width - 1) {
                  findings.push(`${describe(el)} is cut off: ${Math.round(shown)} of ${Math.round(box.width)}px shown (x ${Math.round(box.left)} to ${Math.round(box.right)})`);
                }
              }
              return findings;
            }
            """, sidewaysScrollAllowed);

    /// <summary>axe-core's critical and serious violations of WCAG 2.1 A/AA on the page as it is now.</summary>
    public static async Task<IReadOnlyList<string>> FindSeriousAccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        return result.Violations
            .Where(violation => violation.Impact is "critical" or "serious")
            .Select(violation => $"axe {violation.Impact} {violation.Id} ({violation.Help}) on {violation.Nodes.Length} element(s), first {violation.Nodes[0].Target}: "
                + $"{violation.Nodes[0].Html} {CheckMessages(violation.Nodes[0])}")
            .ToList();
    }

    private static string CheckMessages(AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }.Where(checks => checks is not null).SelectMany(checks => checks).Select(check => check.Message));
}

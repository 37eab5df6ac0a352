using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace Cisa.Crm.Tests.EndToEnd.Crawl;

/// <summary>A button, link or switch the crawl may click, as found on the page (filled in by Playwright from the script's result).</summary>
public sealed class Control
{
    /// <summary>
    /// What makes it a different control: role, name or address pattern, id, data attributes, with numbers blurred, so
    /// 25 rows' identical call buttons share one signature and are clicked once.
    /// </summary>
    [JsonPropertyName("signature")]
    public string Signature { get; set; } = "";

    /// <summary>In the app bar or the menu, the same on every page.</summary>
    [JsonPropertyName("shell")]
    public bool Shell { get; set; }

    /// <summary>A link's address, absolute; empty for a button.</summary>
    [JsonPropertyName("href")]
    public string Href { get; set; } = "";

    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>What a person reads or hears as its name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}

/// <summary>What the page shows after a click: where it is, whether it was reloaded, what opened over it.</summary>
public sealed class PageState
{
    [JsonPropertyName("url")]
    public string Url { get; set; } = "";

    /// <summary>The crawl's mark on the page; null when a full load replaced the page.</summary>
    [JsonPropertyName("mark")]
    public int? Mark { get; set; }

    [JsonPropertyName("dialogs")]
    public int Dialogs { get; set; }

    [JsonPropertyName("popovers")]
    public int Popovers { get; set; }

    /// <summary>Overlays that take the clicks meant for the page (an open drawer on a phone, an open menu).</summary>
    [JsonPropertyName("overlays")]
    public int Overlays { get; set; }

    [JsonPropertyName("interactive")]
    public bool Interactive { get; set; }
}

/// <summary>The browser side of the crawl: scripts that read the page as it is now.</summary>
public static class PageProbe
{
    /// <summary>
    /// The signature of a control (see <see cref="Control.Signature"/>). Numbers and generated ids are blurred: MudBlazor
    /// numbers its ids per render, and row buttons differ only by the row's id. A link is known by the pattern of its
    /// address, not its text (rows' links read as the person's name).
    /// </summary>
    private const string SignatureFunction = """
        const crawlBlur = s => (s || '').replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/gi, '#').replace(/\d+/g, '#');
        // MudBlazor's own ids ("switchfcqi8h", "overlay3hy6qtdu") are drawn anew on each render; the app's are kebab-case.
        const crawlId = id => /^(switch|overlay|popover|mudinput|input|select|checkbox|radio|menu|tooltip|dialog|picker)[a-z0-9]{6,}$/.test(id || '')
          || (/^[a-z]+[a-z0-9]*\d[a-z0-9]*$/.test(id || '') && id.length >= 10) ? '(generated)' : crawlBlur(id);
        const crawlShell = el => !!el.closest('header.mud-appbar, .mud-drawer');
        const crawlName = el => (el.getAttribute('aria-label') || el.innerText || el.getAttribute('title') || el.getAttribute('value') || '').trim().replace(/\s+/g, ' ');
        const crawlSignature = el => {
          const tag = el.tagName.toLowerCase();
          const role = el.getAttribute('role') || (tag === 'a' ? 'link' : tag === 'input' ? el.type : 'button');
          const data = [...el.attributes].filter(a => a.name.startsWith('data-') && !['data-crawl-target', 'data-tooltip'].includes(a.name))
            .map(a => `${a.name}=${crawlBlur(a.value)}`).sort().join(',');
          const id = crawlId(el.id);
          const prefix = el.closest('header.mud-appbar') ? 'app bar ' : el.closest('.mud-drawer') ? 'menu ' : '';
          if (tag === 'a') {
            const url = new URL(el.href, location.href);
            const target = url.origin === location.origin
              ? crawlBlur(url.pathname) + (url.search ? '?' + [...url.searchParams].map(([k, v]) => `${k}=${crawlBlur(v)}`).sort().join('&') : '')
              : url.protocol + (url.protocol.startsWith('http') ? '//' + url.host : '');
            return `${prefix}link ${target} #${id} [${data}]`;
          }
          return `${prefix}${role} "${crawlBlur(crawlName(el)).slice(0, 60)}" #${id} [${data}]`;
        };
        const crawlSelector = 'a[href], button, [role="button"], [role="tab"], [role="switch"], [role="menuitem"], label.mud-checkbox, label.mud-switch, label.mud-radio';
        const crawlClickable = el => {
          if (el.closest('.mud-dialog-container, .mud-popover, [inert], #blazor-error-ui')) return false;
          if (el.disabled || el.getAttribute('aria-disabled') === 'true' || el.closest('fieldset[disabled]')) return false;
          if (el.matches('label') && el.querySelector('input:disabled')) return false;
          if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
          const box = el.getBoundingClientRect();
          // A closed drawer is moved out of the window to the left and still "visible": nobody can click in it.
          return box.width >= 2 && box.height >= 2 && box.right > 0;
        };
        """;

    /// <summary>Every control a click may be tried on, once per signature, in the page's order.</summary>
    public static async Task<IReadOnlyList<Control>> ControlsAsync(IPage page) =>
        await page.EvaluateAsync<Control[]>($$"""
            () => {
              {{SignatureFunction}}
              const seen = new Set();
              const controls = [];
              for (const el of document.querySelectorAll(crawlSelector)) {
                if (!crawlClickable(el)) continue;
                const signature = crawlSignature(el);
                if (seen.has(signature)) continue;
                seen.add(signature);
                controls.push({ signature, shell: crawlShell(el), href: el.tagName === 'A' ? el.href : '', id: el.id || '', name: crawlName(el).slice(0, 80) });
              }
              return controls;
            }
            """);

    /// <summary>The signatures of every clickable control, repeats included: what a toggle changes, it changes here.</summary>
    public static async Task<string> FingerprintAsync(IPage page) =>
        await page.EvaluateAsync<string>($$"""
            () => {
              {{SignatureFunction}}
              return [...document.querySelectorAll(crawlSelector)].filter(crawlClickable).map(crawlSignature).join('\n');
            }
            """);

    /// <summary>Marks the first clickable control with this signature as <c>[data-crawl-target]</c>; false when none shows.</summary>
    public static async Task<bool> MarkAsync(IPage page, string signature) =>
        await page.EvaluateAsync<bool>($$"""
            signature => {
              {{SignatureFunction}}
              document.querySelectorAll('[data-crawl-target]').forEach(el => el.removeAttribute('data-crawl-target'));
              for (const el of document.querySelectorAll(crawlSelector)) {
                if (crawlClickable(el) && crawlSignature(el) === signature) {
                  el.setAttribute('data-crawl-target', 'true');
                  return true;
                }
              }
              return false;
            }
            """, signature);

    /// <summary>
    /// Remembers the page before a click: a mark that a reload wipes out, and the headings marked as the old page's,
    /// so that a navigation is seen finished when a new heading replaced them.
    /// </summary>
    public static async Task BeforeClickAsync(IPage page) =>
        await page.EvaluateAsync("""
            () => {
              window.crawlMark = (window.crawlMark || 0) + 1;
              document.querySelectorAll('h1').forEach(h => h.dataset.left = 'true');
            }
            """);

    public static async Task<PageState> StateAsync(IPage page) =>
        await page.EvaluateAsync<PageState>("""
            () => ({
              url: location.href,
              mark: window.crawlMark ?? null,
              dialogs: [...document.querySelectorAll('.mud-dialog-container')].filter(d => d.checkVisibility()).length,
              popovers: [...document.querySelectorAll('.mud-popover-open')].filter(p => p.checkVisibility()).length,
              overlays: [...document.querySelectorAll('.mud-overlay')].filter(o => o.checkVisibility()).length,
              interactive: !!document.querySelector("#main-content[data-interactive='true']"),
            })
            """);

    /// <summary>
    /// The error UI, wherever it shows: Blazor's own bar (an unhandled error in the circuit), its reconnect dialog, the
    /// app's error boundary, the error, not-found and access-denied pages, and an error snackbar. The texts to look
    /// for are the app's own, in both languages, from <see cref="AppTexts"/>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FindErrorUiAsync(IPage page, IReadOnlyList<string> errorTexts) =>
        await page.EvaluateAsync<string[]>("""
            errorTexts => {
              const found = [];
              const shows = el => el && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
              const text = el => (el.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 160);
              const ui = document.getElementById('blazor-error-ui');
              if (shows(ui)) found.push(`Blazor's error bar shows: ${text(ui)}`);
              const reconnect = document.querySelector('#components-reconnect-modal, .components-reconnect-show, .components-reconnect-failed, .components-reconnect-rejected');
              if (shows(reconnect)) found.push(`the circuit is lost: ${text(reconnect)}`);
              for (const [selector, what] of [['#page-error', 'the error boundary'], ['#error-title', 'the error page'], ['#not-found', 'the not-found page'], ['#access-denied', 'the access-denied page']]) {
                const el = document.querySelector(selector);
                if (shows(el)) found.push(`${what} shows: ${text(el.closest('.mud-paper, .mud-alert') || el)}`);
              }
              for (const snack of document.querySelectorAll('.mud-snackbar')) {
                if (shows(snack) && /error/.test(snack.className)) found.push(`an error message: ${text(snack)}`);
              }
              if (['/error', '/not-found'].includes(location.pathname)) found.push(`the browser is at ${location.pathname}`);
              const body = document.body.innerText;
              for (const t of errorTexts) {
                if (body.includes(t) && !found.some(f => f.includes(t))) found.push(`the page says "${t}"`);
              }
              return found;
            }
            """, errorTexts);

    /// <summary>
    /// The text a person reads (and a screen reader says) on the page or in <paramref name="rootSelector"/>: visible text,
    /// and the names given in aria-label, title, placeholder and alt. An element with a lang attribute of its own is left
    /// out with all it holds: it says in which language it is written (the language switch's "English").
    /// </summary>
    public static async Task<string> VisibleTextAsync(IPage page, string? rootSelector = null) =>
        await page.EvaluateAsync<string>("""
            rootSelector => {
              const roots = rootSelector ? [...document.querySelectorAll(rootSelector)] : [document.body];
              // Code (CODE, KBD, SAMP) is shown as the machine reads it, in no language: a CSV file's column names.
              const skipped = el => ['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'CODE', 'KBD', 'SAMP'].includes(el.tagName)
                || (el.hasAttribute('lang') && el !== document.documentElement)
                || !el.checkVisibility({ visibilityProperty: true });
              const parts = [];
              for (const root of roots) {
                // A rejected element is left out with everything inside it.
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT,
                  { acceptNode: node => node.nodeType === Node.ELEMENT_NODE && skipped(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  if (node.nodeType === Node.ELEMENT_NODE) {
                    for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
                      const value = node.getAttribute(attribute);
                      if (value) parts.push('\n' + value.replace(/\s+/g, ' ') + '\n');
                    }
                  } else {
                    parts.push(node.nodeValue.replace(/\s+/g, ' '));
                  }
                }
              }
              return parts.join(' ').replace(/ +/g, ' ');
            }
            """, rootSelector);

    /// <summary>Every distinct address of this site the page's links lead to (no phone, mail or other sites).</summary>
    public static async Task<IReadOnlyList<string>> SameOriginLinksAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => [...new Set([...document.querySelectorAll('a[href]')]
              .filter(a => !a.closest('#blazor-error-ui'))
              .map(a => new URL(a.href, location.href))
              .filter(u => u.origin === location.origin)
              .map(u => { u.hash = ''; return u.href; }))]
            """);
}

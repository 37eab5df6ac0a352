// Requesting a page's links with the user's cookies: broken links, error pages and downloads.
using Microsoft.Playwright;

namespace Cisa.Crm.Tests.EndToEnd.Crawl;

public sealed partial class Crawler
{
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

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

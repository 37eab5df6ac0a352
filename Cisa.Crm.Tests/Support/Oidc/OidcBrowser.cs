using System.Net;
using System.Text.RegularExpressions;

namespace Cisa.Crm.Tests.Support.Oidc;

/// <summary>
/// What a browser does during an OpenID Connect sign-in, over plain HTTP requests: it keeps cookies, follows
/// redirects between the app and the provider, and submits the provider's self-posting form (response_mode=form_post)
/// back to the app. Every address it visited is kept in <see cref="Visited"/>.
/// </summary>
public sealed partial class OidcBrowser : IDisposable
{
    private const int MaxHops = 20;
    private readonly HttpClient _client;

    public OidcBrowser(TestOidcProvider provider, string baseUrl)
    {
        var handler = provider.CreateTrustingHandler();
        handler.UseCookies = true;
        handler.CookieContainer = Cookies;
        _client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
    }

    public CookieContainer Cookies { get; } = new();

    public List<Uri> Visited { get; } = [];

    /// <summary>The app's session cookie, or null when there is none.</summary>
    public Cookie? SessionCookie => Cookies.GetAllCookies().FirstOrDefault(c => c.Name.StartsWith("cisa-crm-session", StringComparison.Ordinal));

    /// <summary>Opens an address and goes wherever the app and provider send it, until a page answers.</summary>
    public async Task<HttpResponseMessage> OpenAsync(string address)
    {
        var response = await _client.GetAsync(address);
        Visited.Add(response.RequestMessage!.RequestUri!);
        for (var hop = 0; hop < MaxHops; hop++)
        {
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb)
            {
                var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
                response = await _client.GetAsync(next);
            }
            else if (response.StatusCode == HttpStatusCode.OK && SelfPostingForm(await response.Content.ReadAsStringAsync()) is { } form)
            {
                response = await _client.PostAsync(new Uri(response.RequestMessage!.RequestUri!, form.Action), new FormUrlEncodedContent(form.Fields));
            }
            else
            {
                return response;
            }

            Visited.Add(response.RequestMessage!.RequestUri!);
        }

        throw new InvalidOperationException($"More than {MaxHops} redirects: {string.Join(" -> ", Visited)}");
    }

    /// <summary>One request without following anything.</summary>
    public Task<HttpResponseMessage> GetAsync(string address) => _client.GetAsync(address);

    private static (string Action, Dictionary<string, string> Fields)? SelfPostingForm(string html)
    {
        // The provider's form_post answer: a form posting hidden fields, submitted by a script on load.
        var form = FormPattern().Match(html);
        if (!form.Success || !html.Contains("submit()", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = HiddenInputPattern().Matches(form.Groups["body"].Value)
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        return (WebUtility.HtmlDecode(form.Groups["action"].Value), fields);
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*action=\"(?<action>[^\"]+)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInputPattern();

    public void Dispose() => _client.Dispose();
}

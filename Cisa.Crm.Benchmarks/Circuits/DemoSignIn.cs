using System.Net;

namespace Cisa.Crm.Benchmarks.Circuits;

/// <summary>
/// The app's local demo sign-in (Development only) over plain HTTP, as a browser does it: ask for a page, land on the
/// sign-in page, and submit its static form with the demo user's button, antiforgery token included. The cookie
/// ends in the container, which every circuit of the run then shares (like the pages of one browser context).
/// </summary>
public static class DemoSignIn
{
    public static HttpClient CreateHttpClient(CookieContainer cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = true, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(120),
        };

    public static async Task SignInAsync(HttpClient http, Uri appUri, string userId, string path, CancellationToken cancellationToken)
    {
        using var signInPage = await http.GetAsync(new Uri(appUri, path), cancellationToken);
        signInPage.EnsureSuccessStatusCode();
        var html = await signInPage.Content.ReadAsStringAsync(cancellationToken);
        var (action, fields) = PrerenderedPage.FormOfButton(html, $"sign-in-{userId}");
        using var response = await http.PostAsync(new Uri(signInPage.RequestMessage!.RequestUri!, action), new FormUrlEncodedContent(fields), cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.RequestMessage?.RequestUri?.AbsolutePath != new Uri(appUri, path).AbsolutePath)
        {
            throw new InvalidOperationException($"Signing in as {userId} ended on {response.RequestMessage?.RequestUri}, not on {path}.");
        }
    }
}

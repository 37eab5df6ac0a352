using System.Net;
using Cisa.Crm.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cisa.Crm.Tests.Integration;

/// <summary>COOKIES: the app sets only cookies for its own function (staying signed in, form protection, the language).</summary>
public sealed class CookieTests(LocalAppFixture app) : IClassFixture<LocalAppFixture>
{
    [Fact]
    public async Task COOKIES_signing_in_working_and_switching_language_set_only_the_apps_own_functional_cookies()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        var set = new List<string>();
        async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (jar.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await client.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                set.Add(header);
                var pair = header.Split(';')[0].Split('=', 2);
                jar[pair[0]] = pair[1];
            }

            return response;
        }

        var page = await (await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/authentication/local?returnUrl=/"))).Content.ReadAsStringAsync();
        var signIn = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/authentication/local")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = CrmAppFactory.AntiforgeryTokenIn(page),
                ["userId"] = "demo-sales",
                ["returnUrl"] = "/",
            }),
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        foreach (var path in new[] { "/", "/prospects", "/companies", "/culture/set?culture=nl-BE&returnUrl=/" })
        {
            await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
        }

        var names = set.Select(h => h.Split('=', 2)[0]).Distinct().ToList();
        Assert.Contains("cisa-crm-session", names);
        Assert.Contains(".AspNetCore.Culture", names);
        Assert.All(names, name => Assert.True(
            name is "cisa-crm-session" or ".AspNetCore.Culture" || name.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal),
            $"unexpected cookie {name}"));
        Assert.All(set.Where(h => !h.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)),
            h => Assert.Contains("httponly", h, StringComparison.OrdinalIgnoreCase));
    }
}

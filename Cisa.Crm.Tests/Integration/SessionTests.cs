using System.Net;
using Cisa.Crm.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Cisa.Crm.Tests.Integration;

/// <summary>
/// ASVS 3.3.1 and 3.3.2: a session lives on the server. Signing out ends it for every copy of its cookie, and it ends by
/// itself after the idle timeout and the absolute lifetime (Crm:Sessions, defaults 30 minutes and 12 hours).
/// </summary>
public sealed class SessionTests(LocalAppFixture app) : IClassFixture<LocalAppFixture>
{
    private static readonly Uri Site = new("http://localhost");

    [Fact]
    public async Task A_copied_session_cookie_is_refused_after_sign_out()
    {
        var browser = new CookieContainer();
        using var client = await app.Factory.SignedInClientAsync("demo-sales", browser);
        var stolen = CopyOf(browser);
        using var thief = app.Factory.CreateClientWithCookies(stolen);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/prospects")).StatusCode);

        await SignOutAsync(client);
        var replay = await thief.GetAsync("/prospects");

        replay.AssertRedirectedTo("/authentication/login");
    }

    [Fact]
    public async Task A_copied_session_cookie_of_another_session_still_works_after_one_user_signs_out()
    {
        using var leaving = await app.Factory.SignedInClientAsync("demo-sales");
        var browser = new CookieContainer();
        using var staying = await app.Factory.SignedInClientAsync("demo-sales", browser);

        await SignOutAsync(leaving);

        Assert.Equal(HttpStatusCode.OK, (await staying.GetAsync("/prospects")).StatusCode);
    }

    [Fact]
    public async Task A_session_ends_after_the_idle_timeout_and_use_keeps_it_alive_until_the_absolute_lifetime()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new CrmAppFactory { Time = time };
        using var idle = await factory.SignedInClientAsync("demo-sales");
        using var busy = await factory.SignedInClientAsync("demo-sales");

        // Busy: a request every 20 minutes for 11 hours 40 minutes; idle: nothing.
        for (var minutes = 20; minutes < 12 * 60; minutes += 20)
        {
            time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/")).StatusCode);
        }

        (await idle.GetAsync("/")).AssertRedirectedTo("/authentication/login");
        time.Advance(TimeSpan.FromMinutes(20));
        (await busy.GetAsync("/")).AssertRedirectedTo("/authentication/login");
    }

    private static CookieContainer CopyOf(CookieContainer cookies)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(Site))
        {
            copy.Add(Site, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        return copy;
    }

    /// <summary>Signs out as the user menu's form does; the local sign-in page renders a token for the signed-in user.</summary>
    private static async Task SignOutAsync(HttpClient client)
    {
        var token = CrmAppFactory.AntiforgeryTokenIn(await client.GetStringAsync("/authentication/local"));
        var signOut = await client.PostAsync("/authentication/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
    }
}

using System.Net;
using System.Security.Claims;
using Cisa.Crm.Core.Security.Sessions;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task An_open_page_of_the_session_is_signed_out_at_once_when_the_session_ends_on_this_instance()
    {
        await using var circuit = app.Factory.Services.CreateAsyncScope();
        var store = circuit.ServiceProvider.GetRequiredService<SessionStore>();
        var page = await OpenPageAsync(circuit, await store.StartAsync());

        await store.EndAsync(SessionIdOf(page.Current));

        Assert.False((await page.Changed.WaitAsync(TimeSpan.FromSeconds(30))).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task An_open_page_notices_within_the_revalidation_interval_that_its_session_ended_elsewhere()
    {
        await using var factory = new CrmAppFactory { Settings = new Dictionary<string, string> { ["Crm:Sessions:RevalidationInterval"] = "00:00:01" } };
        await using var circuit = factory.Services.CreateAsyncScope();
        var id = await circuit.ServiceProvider.GetRequiredService<SessionStore>().StartAsync();
        var page = await OpenPageAsync(circuit, id);

        // Another app instance ended it: only the shared database knows.
        await factory.QueryAsync(db => db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync());

        Assert.False((await page.Changed.WaitAsync(TimeSpan.FromSeconds(30))).User.Identity?.IsAuthenticated);
    }

    /// <summary>A circuit's authentication state as Blazor sets it for a signed-in page, and the next change to it.</summary>
    private static async Task<(AuthenticationState Current, Task<AuthenticationState> Changed)> OpenPageAsync(AsyncServiceScope circuit, string sessionId)
    {
        var provider = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(CrmClaims.ObjectIdClaimType, "demo-sales"), new Claim(CrmClaims.SessionIdClaimType, sessionId)], "Cookies"));
        var current = new AuthenticationState(user);
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(current));
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => changed.TrySetResult(await state);
        return (await provider.GetAuthenticationStateAsync(), changed.Task);
    }

    private static string SessionIdOf(AuthenticationState state) => state.User.FindFirst(CrmClaims.SessionIdClaimType)!.Value;

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

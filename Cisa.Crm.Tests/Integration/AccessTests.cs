using System.Net;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Authentication;

namespace Cisa.Crm.Tests.Integration;

public sealed class AccessTests(LocalAppFixture app) : IClassFixture<LocalAppFixture>
{
    [Fact]
    public void The_app_has_pages_guarded_by_a_permission()
    {
        Assert.Contains(AppPages.All, page => page.RequiredPermission == Permission.AuditRead);
        Assert.Contains(AppPages.All, page => page.Route == "/" && !page.AllowsAnonymous);
    }

    [Theory]
    [MemberData(nameof(AppPages.Protected), MemberType = typeof(AppPages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_page(string route)
    {
        var response = await app.Factory.GetAnonymouslyAsync(route);

        response.AssertRedirectedTo("/authentication/login");
    }

    [Fact]
    public async Task Sign_in_sends_anonymous_visitors_to_the_local_page_with_their_return_url()
    {
        var response = await app.Factory.GetAnonymouslyAsync("/authentication/login?returnUrl=%2Faudit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/authentication/local?returnUrl=%2Faudit", response.Headers.Location!.OriginalString);
    }

    public static IEnumerable<object[]> PagesAndUsers() =>
        from page in AppPages.All.Where(p => p.RequiredPermission is not null)
        from user in DemoUsers.All
        select new object[] { page.Route, user.Id };

    [Theory]
    [MemberData(nameof(PagesAndUsers))]
    public async Task Each_role_reaches_its_own_pages_and_is_refused_on_the_others(string route, string demoUserId)
    {
        var page = AppPages.All.Single(p => p.Route == route);
        var user = DemoUsers.Find(demoUserId)!;
        var allowed = DemoUsers.ToPrincipal(user).ToCrmActor().Has(page.RequiredPermission!.Value);
        var response = await app.Factory.GetAsAsync(demoUserId, route);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            response.AssertRedirectedTo(AuthenticationRegistration.AccessDeniedPath);
        }
    }

    [Fact]
    public async Task Every_demo_user_can_open_the_home_page()
    {
        foreach (var user in DemoUsers.All)
        {
            using var client = await app.Factory.SignedInClientAsync(user.Id);
            var html = await client.GetStringAsync("/");
            Assert.Contains(user.Name, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_with_a_friendly_page_even_when_signed_out()
    {
        var response = await app.Factory.GetAnonymouslyAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("id=\"not-found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_demo_user_id_does_not_sign_anyone_in()
    {
        using var client = app.Factory.CreateBrowserLikeClient();
        var page = await client.GetStringAsync("/authentication/local");
        var token = CrmAppFactory.AntiforgeryTokenIn(page);

        await client.PostAsync("/authentication/local", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userId"] = "admin",
        }));
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_form_refuses_a_post_without_antiforgery_token()
    {
        using var client = app.Factory.CreateBrowserLikeClient();

        var response = await client.PostAsync("/authentication/local", new FormUrlEncodedContent(new Dictionary<string, string> { ["userId"] = "demo-privacy" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>One app with local sign-in per test class.</summary>
public sealed class LocalAppFixture : IAsyncLifetime
{
    public CrmAppFactory Factory { get; } = new();

    public Task InitializeAsync()
    {
        Factory.CreateClient().Dispose(); // start the app: migrate and seed
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

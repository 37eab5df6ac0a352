using System.Net;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Tests.Support;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Tests.Integration;

public sealed class OperationsTests(LocalAppFixture app) : IClassFixture<LocalAppFixture>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        var response = await app.Factory.GetAnonymouslyAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/authentication/local")]
    [InlineData("/health")]
    [InlineData("/")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await app.Factory.GetAnonymouslyAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Pages_and_downloads_with_personal_data_are_not_cached_but_static_assets_are()
    {
        using var client = await app.Factory.SignedInClientAsync("demo-sales");

        var page = await client.GetAsync("/prospects");
        var export = await client.GetAsync(Cisa.Crm.Web.Endpoints.ExportEndpoints.ProspectsPath);
        var asset = await client.GetAsync("/_content/MudBlazor/MudBlazor.min.css");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore, "a page");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.True(export.Headers.CacheControl?.NoStore, "an export");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.False(asset.Headers.CacheControl?.NoStore ?? false, "a static asset");
    }

    [Fact]
    public void The_server_does_not_name_itself_in_a_header()
    {
        var kestrel = app.Factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>();
        Assert.False(kestrel.Value.AddServerHeader);
    }

    [Fact]
    public async Task No_HSTS_in_development_where_the_app_runs_on_plain_http()
    {
        var response = await app.Factory.GetAnonymouslyAsync("/health");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_database_is_created_migrated_and_seeded_on_start()
    {
        Assert.Empty(await app.Factory.QueryAsync(db => db.Database.GetPendingMigrationsAsync()));
        Assert.True(await app.Factory.QueryAsync(db => db.Companies.AnyAsync()));
        Assert.True(File.Exists(app.Factory.DatabasePath));
    }

    [Fact]
    public async Task LOG_ACTIONS_sign_in_and_sign_out_are_recorded_in_the_audit_trail()
    {
        using var client = await app.Factory.SignedInClientAsync("demo-hr");
        // The sign-out form sits in the user menu and is only rendered once that menu opens; the local sign-in page
        // renders a token for the same signed-in user without a browser.
        var form = await client.GetStringAsync("/authentication/local");
        var token = CrmAppFactory.AntiforgeryTokenIn(form);
        Assert.NotEmpty(token);

        var signOut = await client.PostAsync("/authentication/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var afterwards = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/authentication/signed-out", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        var hrEntries = await app.Factory.QueryAsync(db => db.AuditEntries.Where(e => e.ActorId == "demo-hr").Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.SignIn, hrEntries);
        Assert.Contains(AuditActions.SignOut, hrEntries);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_the_session_stays()
    {
        using var client = await app.Factory.SignedInClientAsync("demo-sales");

        var forged = await client.PostAsync("/authentication/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task The_language_choice_is_remembered_in_a_cookie_and_dutch_is_the_default()
    {
        using var client = await app.Factory.SignedInClientAsync("demo-sales");
        var dutch = await client.GetStringAsync("/");

        var switched = await client.GetAsync("/culture/set?culture=en-BE&returnUrl=%2F");
        var english = await client.GetStringAsync("/");

        Assert.Contains("Welkom, Sofie Verhaegen", dutch, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains(".AspNetCore.Culture", switched.Headers.GetValues("Set-Cookie").Single(), StringComparison.Ordinal);
        Assert.Contains("Welcome, Sofie Verhaegen", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/audit", "/audit")]
    public async Task Return_urls_are_reduced_to_a_local_path(string returnUrl, string expected)
    {
        var response = await app.Factory.GetAnonymouslyAsync($"/culture/set?culture=nl-BE&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unsupported_language_is_refused()
    {
        var response = await app.Factory.GetAnonymouslyAsync("/culture/set?culture=xx-XX");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_error_page_apologises_without_a_stack_trace()
    {
        using var client = app.Factory.CreateBrowserLikeClient();

        var html = await client.GetStringAsync("/error");

        Assert.Contains("id=\"error-title\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html, StringComparison.Ordinal);
    }
}

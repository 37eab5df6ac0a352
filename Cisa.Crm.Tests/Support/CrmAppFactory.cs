using System.Net;
using System.Text.RegularExpressions;
using Cisa.Crm.Core.Data;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Cisa.Crm.Tests.Support;

/// <summary>
/// The real app on a fresh SQLite file (migrated and seeded on start, as in production).
/// <see cref="Entra"/> switches on Microsoft Entra ID sign-in with a fixed OpenID configuration,
/// so no test talks to Microsoft.
/// </summary>
public class CrmAppFactory : WebApplicationFactory<Program>
{
    public const string EntraAuthorizeEndpoint = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/authorize";

    public bool Entra { get; init; }

    public string Environment { get; init; } = "Development";

    /// <summary>A new file by default; a test that starts the app on a database it prepared names that file (deleted with the app).</summary>
    public string DatabasePath { get; init; } = Path.Combine(Path.GetTempPath(), $"cisa-crm-app-{Guid.NewGuid():N}.db");

    public string AnchorPath => DatabasePath + ".audit-anchor.json";

    /// <summary>The app's clock, when a test moves time (session lifetimes); the system clock otherwise.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>When set, receives every log line the app writes (at the levels its configuration lets through).</summary>
    public LogCapture? Logs { get; init; }

    /// <summary>Extra settings, applied last (e.g. <c>Crm:Retention:*</c> to test start-up validation).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Crm", $"Data Source={DatabasePath};Pooling=False");
        // Each test app its own audit anchor (LOG-ACTIONS), not the developer's db/keys/ one.
        builder.UseSetting("Crm:Audit:AnchorPath", AnchorPath);
        // No daily retention sweep in tests: it would erase demo records at 02:30 under a test's feet.
        // The browser journey runs the sweep on demand, as the privacy officer does.
        builder.UseSetting("Crm:Retention:SweepEnabled", "false");
        if (Environment != "Development")
        {
            builder.UseSetting("Crm:SeedDemoData", "false");
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Logs is { } logs)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }

        if (Time is { } time)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }

        if (Entra)
        {
            builder.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
            builder.UseSetting("AzureAd:TenantId", "11111111-2222-3333-4444-555555555555");
            builder.UseSetting("AzureAd:ClientId", "66666666-7777-8888-9999-000000000000");
            builder.ConfigureTestServices(services =>
                services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
                {
                    var configuration = new OpenIdConnectConfiguration
                    {
                        Issuer = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0",
                        AuthorizationEndpoint = EntraAuthorizeEndpoint,
                        EndSessionEndpoint = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/logout",
                    };
                    options.Configuration = configuration;
                    options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
                }));
        }
    }

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// A client like <see cref="CreateBrowserLikeClient"/> whose cookies the test holds: to copy a session cookie to
    /// another client, as someone who stole it would.
    /// </summary>
    public HttpClient CreateClientWithCookies(CookieContainer cookies) =>
        CreateDefaultClient(ClientOptions.BaseAddress, new CookieContainerHandler(cookies));

    /// <summary>Signs in through the real local sign-in form, antiforgery token included; into <paramref name="cookies"/> when given.</summary>
    public async Task<HttpClient> SignedInClientAsync(string demoUserId, CookieContainer? cookies = null)
    {
        var client = cookies is null ? CreateBrowserLikeClient() : CreateClientWithCookies(cookies);
        var page = await client.GetStringAsync("/authentication/local?returnUrl=/");
        var token = AntiforgeryTokenIn(page);
        var response = await client.PostAsync("/authentication/local", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userId"] = demoUserId,
            ["returnUrl"] = "/",
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {demoUserId} answered {response.StatusCode}.");
        }

        return client;
    }

    /// <summary>
    /// Reads (or seeds) the running app's database with a short-lived context, as the app's own services do: tests
    /// check what a request or a journey stored, and pick the demo records they work on.
    /// </summary>
    public async Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>The antiforgery token a page put in its forms, as a browser would post it back.</summary>
    public static string AntiforgeryTokenIn(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm", AnchorPath })
        {
            File.Delete(file);
        }
    }
}

using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cisa.Crm.Tests.Support.Oidc;

/// <summary>Someone with an account at the test provider: what Entra ID puts in an id token for them.</summary>
public sealed record OidcAccount(string ObjectId, string Name, string PreferredUsername, params string[] Roles);

/// <summary>
/// An OpenID Connect provider (OpenIddict) on a real Kestrel port over HTTPS, shaped like Microsoft Entra ID: its
/// addresses follow Entra's (<c>{instance}{tenant}/v2.0</c> is the authority, with its discovery document, keys,
/// authorize, token and logout endpoints), its issuer is <c>{instance}{tenant}/v2.0</c>, and its id tokens carry
/// <c>oid</c>, <c>tid</c>, <c>name</c>, <c>preferred_username</c>, <c>ver</c> and the app roles in <c>roles</c>.
/// It knows one client (the CRM, which only signs people in: <c>response_type=id_token</c>, <c>response_mode=form_post</c>,
/// no client secret, as its Entra registration says) and the redirect addresses it was told, and refuses anything else. Whoever <see cref="SignInAs"/> names is the person at the keyboard when the browser
/// reaches the authorize endpoint. <see cref="TamperNextIdToken"/> lets a test change the next id token's claims
/// (another audience, another issuer, an expiry in the past), re-signed with the provider's own key, so the app's
/// validation is tested and not the signature alone.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string TenantId = "7c0e5a2f-3d1b-4b8e-9f6a-1e2d3c4b5a69";
    public const string ClientId = "d4b1c2e3-5f60-4a7b-8c9d-0e1f2a3b4c5d";

    private readonly WebApplication _app;

    private TestOidcProvider(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    /// <summary>The provider's TLS certificate (self-signed, made for this run, for 127.0.0.1).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary><c>AzureAd:Instance</c> for the app: the provider's base address.</summary>
    public string Instance { get; private set; } = "";

    /// <summary>The issuer, as Entra writes it for a v2.0 token: <c>{instance}{tenant}/v2.0</c>.</summary>
    public string Issuer => $"{Instance}{TenantId}/v2.0";

    /// <summary>The redirect and post-sign-out addresses the CRM registered; any other is refused.</summary>
    public List<string> RegisteredRedirectUris { get; } = [];

    /// <summary>Who signs in at the next authorization request.</summary>
    public OidcAccount? SignInAs { get; set; }

    /// <summary>Changes the claims of the next id token the authorize endpoint hands out (then resets itself).</summary>
    public Action<JsonObject>? TamperNextIdToken { get; set; }

    /// <summary>How many sign-outs (end-session requests) reached the provider.</summary>
    public int SignOuts { get; private set; }

    public static async Task<TestOidcProvider> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        TestOidcProvider? provider = null;
        TestOidcProvider Provider() => provider ?? throw new InvalidOperationException("The provider has not started.");

        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetConfigurationEndpointUris($"{TenantId}/v2.0/.well-known/openid-configuration")
                .SetJsonWebKeySetEndpointUris($"{TenantId}/discovery/v2.0/keys")
                .SetAuthorizationEndpointUris($"{TenantId}/oauth2/v2.0/authorize")
                .SetEndSessionEndpointUris($"{TenantId}/oauth2/v2.0/logout");
            // The CRM only signs people in: response_type=id_token with response_mode=form_post, as its Entra registration
            // ("ID tokens" ticked, no client secret) allows.
            server.AllowImplicitFlow();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, Scopes.Email);
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            // No application or token store: the one client is checked by the handlers below.
            server.EnableDegradedMode();
            server.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();

            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (!Provider().RegisteredRedirectUris.Contains(context.RedirectUri ?? ""))
                {
                    context.Reject(Errors.InvalidRequest, "The redirect_uri is not registered.");
                }

                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && !Provider().RegisteredRedirectUris.Contains(uri))
                {
                    context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not registered.");
                }

                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.ApplyAuthorizationResponseContext>(handler => handler.UseInlineHandler(context =>
            {
                var tamper = Provider().TamperNextIdToken;
                if (tamper is not null && context.Response.IdToken is { } idToken)
                {
                    Provider().TamperNextIdToken = null;
                    context.Response.IdToken = Resign(idToken, tamper, context.Options.SigningCredentials[0]);
                }

                return default;
            }));
        });

        var app = builder.Build();
        app.MapMethods($"/{TenantId}/oauth2/v2.0/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext http) => Authorize(http, Provider()));
        app.MapMethods($"/{TenantId}/oauth2/v2.0/logout", [HttpMethods.Get, HttpMethods.Post], () => EndSession(Provider()));

        await app.StartAsync();
        var address = app.Urls.Single();
        provider = new TestOidcProvider(app, certificate) { Instance = address.TrimEnd('/') + "/" };
        var issuer = new Uri(provider.Issuer);
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.Issuer = issuer;
        return provider;
    }

    /// <summary>A handler that trusts exactly this provider's certificate (for the app's back channel and the test's browser).</summary>
    public HttpClientHandler CreateTrustingHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None || certificate?.Thumbprint == Certificate.Thumbprint,
    };

    private static IResult Authorize(HttpContext http, TestOidcProvider provider)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenID Connect request.");
        var account = provider.SignInAs ?? throw new InvalidOperationException("The test did not say who signs in at the provider.");
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, "roles");
        // Entra's sub is pairwise per application; oid is the user's id in the tenant.
        identity.AddClaim(new Claim(Claims.Subject, "pairwise-" + account.ObjectId));
        identity.AddClaim(new Claim("oid", account.ObjectId));
        identity.AddClaim(new Claim("tid", TenantId));
        identity.AddClaim(new Claim("ver", "2.0"));
        identity.AddClaim(new Claim(Claims.Name, account.Name));
        identity.AddClaim(new Claim(Claims.PreferredUsername, account.PreferredUsername));
        foreach (var role in account.Roles)
        {
            identity.AddClaim(new Claim("roles", role));
        }

        identity.SetDestinations(_ => [Destinations.IdentityToken]);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes());
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult EndSession(TestOidcProvider provider)
    {
        provider.SignOuts++;
        return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static string Resign(string idToken, Action<JsonObject> tamper, SigningCredentials credentials)
    {
        var original = new JsonWebToken(idToken);
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(original.EncodedPayload))!.AsObject();
        tamper(payload);
        var header = new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = original.Typ };
        if (credentials.Key.KeyId is null && original.Kid is not null)
        {
            header[JwtHeaderParameterNames.Kid] = original.Kid;
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(payload.ToJsonString(), credentials, header);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(2));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Certificate.Dispose();
    }
}

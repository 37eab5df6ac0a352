using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;

namespace Cisa.Crm.Tests.Support.Oidc;

/// <summary>
/// The real app on Kestrel over HTTPS (a random loopback port), signing in with Microsoft Entra ID as production
/// does, its <c>AzureAd</c> settings (Instance, TenantId, ClientId; the app needs no client secret) pointing at <see cref="TestOidcProvider"/>.
/// Test-only: the app's back channel (discovery document, signing keys, issuer metadata) trusts the provider's
/// self-signed certificate, and nothing else is changed; every production check of the id token stays on.
/// </summary>
public sealed class OidcAppFactory : CrmAppFactory
{
    private const string TrustingClient = "test-oidc-provider";
    private readonly TestOidcProvider _provider;

    public OidcAppFactory(TestOidcProvider provider)
    {
        _provider = provider;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(provider.Certificate)));
    }

    /// <summary>The app's address, e.g. <c>https://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Starts the app and registers its redirect addresses at the provider, as an app registration does.</summary>
    public void Start()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        _provider.RegisteredRedirectUris.Add($"{BaseUrl}/signin-oidc");
        _provider.RegisteredRedirectUris.Add($"{BaseUrl}/signout-callback-oidc");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("AzureAd:Instance", _provider.Instance);
        builder.UseSetting("AzureAd:TenantId", TestOidcProvider.TenantId);
        builder.UseSetting("AzureAd:ClientId", TestOidcProvider.ClientId);
        builder.ConfigureTestServices(services =>
        {
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme,
                options => options.BackchannelHttpHandler = _provider.CreateTrustingHandler());
            // Microsoft.Identity.Web's issuer validator reads the tenant's issuer from the metadata through this named client.
            services.Configure<AadIssuerValidatorOptions>(options => options.HttpClientName = TrustingClient);
            services.AddHttpClient(TrustingClient).ConfigurePrimaryHttpMessageHandler(_provider.CreateTrustingHandler);
        });
    }
}

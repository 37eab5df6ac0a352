using System.Net;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Integration;

public sealed class SignInModeTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task With_Entra_configured_the_local_sign_in_does_not_exist(string method)
    {
        await using var factory = new CrmAppFactory { Entra = true };
        using var client = factory.CreateBrowserLikeClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/authentication/local"));

        Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"{response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task With_Entra_configured_pages_send_anonymous_visitors_to_Microsoft()
    {
        await using var factory = new CrmAppFactory { Entra = true };
        using var client = factory.CreateBrowserLikeClient();

        var page = await client.GetAsync("/audit");
        var login = await client.GetAsync("/authentication/login?returnUrl=%2F");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(CrmAppFactory.EntraAuthorizeEndpoint, page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith(CrmAppFactory.EntraAuthorizeEndpoint, login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("client_id=66666666-7777-8888-9999-000000000000", login.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_Entra_configured_sign_out_forms_may_go_to_Microsoft()
    {
        await using var factory = new CrmAppFactory { Entra = true };
        using var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync("/health");

        Assert.Contains("form-action 'self' https://login.microsoftonline.com", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_without_any_sign_in_configured_the_app_refuses_to_start_and_names_the_settings()
    {
        await using var factory = new CrmAppFactory { Environment = "Production" };

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = failure.GetBaseException().Message;
        Assert.Contains("AzureAd:TenantId", message, StringComparison.Ordinal);
        Assert.Contains("AzureAd:ClientId", message, StringComparison.Ordinal);
        Assert.Contains("Authentication:LocalSignIn:Enabled", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_with_Entra_but_without_secret_keys_the_app_refuses_to_start_and_names_the_setting()
    {
        await using var factory = new CrmAppFactory { Environment = "Production", Entra = true };

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Crm:Audit:Key", failure.GetBaseException().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_the_CV_key_ring_must_be_protected_by_a_certificate()
    {
        await using var factory = new EntraProductionWithSecrets();

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Crm:DataProtection:CertificatePath", failure.GetBaseException().Message, StringComparison.Ordinal);
    }

    private sealed class EntraProductionWithSecrets : CrmAppFactory
    {
        public EntraProductionWithSecrets()
        {
            Environment = "Production";
            Entra = true;
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Crm:Audit:Key", new string('a', 40));
            builder.UseSetting("Crm:Suppression:Key", new string('s', 40));
        }
    }

    [Fact]
    public async Task In_production_the_local_sign_in_works_only_when_explicitly_enabled_and_HSTS_is_on()
    {
        await using var factory = new EnabledLocalSignInInProduction();
        using var client = factory.CreateBrowserLikeClient();

        var page = await client.GetAsync("https://crm.cisa.example/authentication/local");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"));
    }

    private sealed class EnabledLocalSignInInProduction : CrmAppFactory
    {
        public EnabledLocalSignInInProduction() => Environment = "Production";

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Authentication:LocalSignIn:Enabled", "true");
        }
    }
}

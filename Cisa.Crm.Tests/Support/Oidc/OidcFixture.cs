namespace Cisa.Crm.Tests.Support.Oidc;

/// <summary>The provider and the app on their own Kestrel ports, shared by the tests of a class.</summary>
public sealed class OidcFixture : IAsyncLifetime
{
    public TestOidcProvider Provider { get; private set; } = null!;

    public OidcAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await TestOidcProvider.StartAsync();
        App = new OidcAppFactory(Provider);
        App.Start();
    }

    /// <summary>A browser with no cookies, whose next sign-in at the provider is <paramref name="account"/>.</summary>
    public OidcBrowser NewBrowser(OidcAccount account)
    {
        Provider.SignInAs = account;
        return new OidcBrowser(Provider, App.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

namespace Cisa.Crm.Web.Authentication;

/// <summary>
/// How people sign in, decided once at start-up:
/// Microsoft Entra ID when <c>AzureAd:Instance</c>, <c>AzureAd:TenantId</c> and <c>AzureAd:ClientId</c> are set;
/// otherwise the local demo sign-in, but only in Development or with <c>Authentication:LocalSignIn:Enabled=true</c>.
/// Anything else stops the app with a message naming the settings.
/// </summary>
public sealed record SignInMode(bool UsesEntra, string? EntraInstance)
{
    public const string LocalSignInSetting = "Authentication:LocalSignIn:Enabled";

    public bool UsesLocalSignIn => !UsesEntra;

    /// <summary>Where sign-out forms may redirect to (the Entra authority); used by the Content-Security-Policy.</summary>
    public string? FormActionAuthority => UsesEntra && Uri.TryCreate(EntraInstance, UriKind.Absolute, out var uri)
        ? uri.GetLeftPart(UriPartial.Authority)
        : null;

    public static SignInMode Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        string[] entraSettings = ["AzureAd:Instance", "AzureAd:TenantId", "AzureAd:ClientId"];
        var missing = entraSettings.Where(key => string.IsNullOrWhiteSpace(configuration[key])).ToList();
        var entraStarted = !string.IsNullOrWhiteSpace(configuration["AzureAd:TenantId"]) || !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);

        if (missing.Count == 0)
        {
            return new SignInMode(UsesEntra: true, configuration["AzureAd:Instance"]);
        }

        if (entraStarted)
        {
            throw new InvalidOperationException(
                $"Entra ID sign-in is half configured: set {string.Join(", ", missing)} (user-secrets or environment variables such as AzureAd__ClientId).");
        }

        if (environment.IsDevelopment() || configuration.GetValue<bool>(LocalSignInSetting))
        {
            return new SignInMode(UsesEntra: false, EntraInstance: null);
        }

        throw new InvalidOperationException(
            "No sign-in is configured. Set AzureAd:Instance, AzureAd:TenantId and AzureAd:ClientId for Microsoft Entra ID, " +
            $"or set {LocalSignInSetting}=true to allow the local demo sign-in (never in production).");
    }
}

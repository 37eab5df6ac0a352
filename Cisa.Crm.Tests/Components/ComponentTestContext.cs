using System.Globalization;
using System.Security.Claims;
using Bunit;
using Cisa.Crm.Core.People;
using Microsoft.AspNetCore.Components;
using Cisa.Crm.Web.Authentication;
using Cisa.Crm.Web.Components.Shared.Lists;
using Cisa.Crm.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Cisa.Crm.Tests.Components;

/// <summary>
/// The shared bUnit setup: loose JS interop, MudBlazor without transitions, the app's localisation,
/// and a signed-in demo user. Disposed asynchronously, as MudBlazor's services require.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _previousCulture = CultureInfo.CurrentUICulture;

    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddCrmLocalization();
        Services.AddScoped<ListAddress>();
        // The person categories, stateless and app-wide like the services above (the app's container holds this same instance).
        Services.AddSingleton(PersonRegistry.Default);
        UseCulture(CrmCultures.English);
    }

    protected static void UseCulture(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
    }

    /// <summary>Signs in one of the demo users, with the same claims as the local sign-in gives.</summary>
    protected void SignIn(string demoUserId)
    {
        var principal = DemoUsers.ToPrincipal(DemoUsers.Find(demoUserId)!);
        var authorization = AddAuthorization();
        authorization.SetAuthorized(principal.Identity!.Name!);
        authorization.SetClaims([.. principal.Claims.Where(c => c.Type != ClaimTypes.Name)]);

        // The renderer is created on first use, so this comes after every service registration.
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Releases what a test class set up beside the context (databases), after the context.</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _previousCulture;
        CultureInfo.CurrentCulture = _previousCulture;
        await DisposeAsync();
        await CleanupAsync();
    }
}

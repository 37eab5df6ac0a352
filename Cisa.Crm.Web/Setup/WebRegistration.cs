using Cisa.Crm.Core.Data;
using Cisa.Crm.Web.Components.Shared.Lists;
using Cisa.Crm.Web.Localization;
using MudBlazor.Services;

namespace Cisa.Crm.Web.Setup;

public static class WebRegistration
{
    public static WebApplicationBuilder AddCrmWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddCrmLocalization();
        services.AddScoped<ListAddress>();
        services.AddHttpContextAccessor();
        services.AddCrmRateLimits();
        services.AddHealthChecks().AddDbContextCheck<CrmDbContext>("database");
        // No "Server: Kestrel" header: the response need not tell a scanner what runs behind it (ASVS 14.3.3).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }
}

using System.Globalization;
using Cisa.Crm.Web.Setup;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace Cisa.Crm.Web.Localization;

/// <summary>
/// The two UI languages: Dutch (Belgium), the default, and English. The choice is remembered in the
/// standard culture cookie, a preference cookie the COOKIES rule allows.
/// </summary>
public static class CrmCultures
{
    public const string Dutch = "nl-BE";
    public const string English = "en-BE";

    public static IReadOnlyList<string> Supported { get; } = [Dutch, English];

    public static IServiceCollection AddCrmLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");

        // MudBlazor's texts from our resource files in both languages (its own English prints "1-25 of 10000"; ours
        // formats the numbers), so every text on a page comes from one place. Replaces the interceptor AddMudServices adds.
        services.AddTransient<MudLocalizer, CrmMudLocalizer>();
        services.AddLocalizationInterceptor(provider => new DefaultLocalizationInterceptor(
            provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<MudLocalizer>()) { IgnoreDefaultEnglish = true });
        services.AddScoped<ErrorMessages>();
        services.AddTransient<FormErrors>();
        return services;
    }

    public static IApplicationBuilder UseCrmLocalization(this IApplicationBuilder app) =>
        app.UseRequestLocalization(options =>
        {
            options.SetDefaultCulture(Dutch)
                .AddSupportedCultures([.. Supported])
                .AddSupportedUICultures([.. Supported]);
            // The saved choice first, then the browser's languages; no query-string switching.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
            options.FallBackToParentUICultures = true;
        });

    /// <summary><c>GET /culture/set?culture=en-BE&amp;returnUrl=/audit</c>: remembers the language and goes back.</summary>
    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/set", (HttpContext context, string? culture, string? returnUrl) =>
        {
            if (culture is null || !Supported.Contains(culture, StringComparer.OrdinalIgnoreCase))
            {
                return Results.BadRequest();
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(culture))),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                });
            return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
        }).AllowAnonymous().RequireRateLimiting(RateLimits.Programs);
        return endpoints;
    }
}

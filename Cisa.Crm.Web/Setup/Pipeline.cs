using Microsoft.AspNetCore.Diagnostics;
using Cisa.Crm.Web.Authentication;
using Cisa.Crm.Web.Components;
using Cisa.Crm.Web.Endpoints;
using Cisa.Crm.Web.Localization;

namespace Cisa.Crm.Web.Setup;

public static class Pipeline
{
    public static WebApplication UseCrmPipeline(this WebApplication app)
    {
        // No developer exception page, even in Development: users never see a stack trace.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseCrmSecurityHeaders(app.Services.GetRequiredService<SignInMode>().FormActionAuthority);
        app.UseCrmLocalization();
        app.UseAuthentication();
        // An unknown address is a plain 404 for everyone, signed in or not: with Entra ID configured
        // the local sign-in page must not even seem to exist. Routing answers a known path with the wrong
        // method by a bare "405" endpoint (not a RouteEndpoint); that too is an address we do not serve.
        // Every mapped endpoint stays deny-by-default.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is not RouteEndpoint)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                if (!HttpMethods.IsGet(context.Request.Method) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false; // the friendly page is for browsers navigating, not for stray posts
                }

                return Task.CompletedTask;
            }

            return next(context);
        });
        // After authentication, so that a signed-in user's requests count as theirs (RateLimits).
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapCrmEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapAuthenticationEndpoints();
        app.MapCultureEndpoint();
        app.MapExportEndpoints();
        app.MapImportEndpoints();
        app.MapSubjectRequestEndpoints();
        app.MapAuditEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

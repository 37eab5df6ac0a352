using Cisa.Crm.Core.Audit;
using Cisa.Crm.Web.Components.Pages.Account;
using Cisa.Crm.Web.Localization;
using Cisa.Crm.Web.Setup;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Cisa.Crm.Web.Authentication;

/// <summary>
/// <c>/authentication/*</c>: sign-in, sign-out, and the local demo sign-in page. The local page and
/// its form are mapped only in local mode: with Entra ID configured they do not exist (404).
/// </summary>
public static class AuthenticationEndpoints
{
    public const string LocalSignInPath = "/authentication/local";
    public const string SignedOutPath = "/authentication/signed-out";
    public const string SignInFailedPath = "/authentication/failed";

    public static IEndpointRouteBuilder MapAuthenticationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var mode = endpoints.ServiceProvider.GetRequiredService<SignInMode>();
        var group = endpoints.MapGroup("/authentication").AllowAnonymous();

        group.MapGet("/login", (string? returnUrl) => mode.UsesEntra
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrRoot(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
            : Results.LocalRedirect($"{LocalSignInPath}?returnUrl={Uri.EscapeDataString(LocalUrl.OrRoot(returnUrl))}"))
            .RequireRateLimiting(RateLimits.SignIn);

        group.MapPost("/logout", SignOutAsync).RequireRateLimiting(RateLimits.Programs);
        group.MapGet("/signed-out", () => new RazorComponentResult<SignedOutPage>());
        group.MapGet("/failed", () => new RazorComponentResult<SignInFailedPage>());

        if (mode.UsesLocalSignIn)
        {
            group.MapGet("/local", (string? returnUrl) =>
                new RazorComponentResult<LocalSignInPage>(new { ReturnUrl = LocalUrl.OrRoot(returnUrl) }));
            group.MapPost("/local", LocalSignInAsync).RequireRateLimiting(RateLimits.SignIn);
        }

        return endpoints;
    }

    private static async Task<IResult> LocalSignInAsync(HttpContext context, [FromForm] string? userId, [FromForm] string? returnUrl)
    {
        var user = DemoUsers.Find(userId);
        if (user is null)
        {
            return Results.LocalRedirect($"{LocalSignInPath}?returnUrl={Uri.EscapeDataString(LocalUrl.OrRoot(returnUrl))}");
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DemoUsers.ToPrincipal(user));
        return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, SignInMode mode, AuditTrail trail, IAntiforgery antiforgery)
    {
        // No form field is bound here, so the antiforgery token is checked explicitly: no forged sign-out. A missing,
        // stale or malformed token (or a form that cannot be read) is a 400 page that says nothing happened, never a 500.
        if (!await IsGenuineAsync(context, antiforgery))
        {
            return new RazorComponentResult<SignOutRefusedPage> { StatusCode = StatusCodes.Status400BadRequest };
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            await trail.RecordEventAsync(context.User.ToCrmActor(), AuditActions.SignOut, "Session", cancellationToken: context.RequestAborted);
        }

        var properties = new AuthenticationProperties { RedirectUri = SignedOutPath };
        string[] schemes = mode.UsesEntra
            ? [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]
            : [CookieAuthenticationDefaults.AuthenticationScheme];
        return Results.SignOut(properties, schemes);
    }

    private static async Task<bool> IsGenuineAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}

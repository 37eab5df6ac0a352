using System.Security.Claims;
using Cisa.Crm.Core.Security.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Cisa.Crm.Web.Authentication;

/// <summary>
/// Server-side sessions (ASVS 3.3.1, 3.3.2) on the sign-in cookie, the same for Entra ID and the local sign-in: signing
/// in starts a <see cref="SessionStore"/> session and puts its id in the cookie's claims; every request checks it
/// (a copied cookie of a signed-out session is refused); signing out ends it, and <see cref="SessionRevalidation"/>
/// signs out the session's open pages. The logs say what happened, never whose session it was.
/// </summary>
internal static partial class ServerSessions
{
    public static void AddServerSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<UserSessionOptions>(configuration.GetSection(UserSessionOptions.Section));
        services.AddScoped<CircuitActivity>();
        services.AddScoped<CircuitHandler>(provider => provider.GetRequiredService<CircuitActivity>());
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
    }

    /// <summary>The session id in a signed-in user's claims, or null.</summary>
    public static string? SessionIdOf(ClaimsPrincipal? user) => user?.FindFirst(CrmClaims.SessionIdClaimType)?.Value;

    /// <summary>Wraps the cookie's events (keeping any set before) so that sign-in, every request and sign-out go through the store.</summary>
    public static void Attach(CookieAuthenticationEvents events)
    {
        var signingIn = events.OnSigningIn;
        var validate = events.OnValidatePrincipal;
        var signingOut = events.OnSigningOut;

        events.OnSigningIn = async context =>
        {
            var store = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
            var id = await store.StartAsync(context.HttpContext.RequestAborted);
            if (context.Principal?.Identity is ClaimsIdentity identity)
            {
                identity.AddClaim(new Claim(CrmClaims.SessionIdClaimType, id));
            }

            await signingIn(context);
        };

        events.OnValidatePrincipal = async context =>
        {
            await validate(context);
            if (context.Principal is null)
            {
                return;
            }

            var services = context.HttpContext.RequestServices;
            var state = await services.GetRequiredService<SessionStore>()
                .CheckAsync(SessionIdOf(context.Principal), used: true, context.HttpContext.RequestAborted);
            if (state != SessionState.Active)
            {
                LogRefused(Logger(services), state);
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
            }
        };

        events.OnSigningOut = async context =>
        {
            // The sign-out endpoint runs signed in; a refused cookie (above) has no user here and its session is already gone.
            if (SessionIdOf(context.HttpContext.User) is { } id)
            {
                await context.HttpContext.RequestServices.GetRequiredService<SessionStore>().EndAsync(id, context.HttpContext.RequestAborted);
                LogEnded(Logger(context.HttpContext.RequestServices));
            }

            await signingOut(context);
        };
    }

    private static ILogger Logger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServerSessions).FullName!);

    [LoggerMessage(Level = LogLevel.Information, Message = "A session ended at sign-out; its cookie is refused from now on.")]
    private static partial void LogEnded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "A session cookie was refused: the session is {State}.")]
    private static partial void LogRefused(ILogger logger, SessionState state);
}

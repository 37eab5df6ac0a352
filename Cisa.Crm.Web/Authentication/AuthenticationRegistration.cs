using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Security.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;

namespace Cisa.Crm.Web.Authentication;

public static partial class AuthenticationRegistration
{
    public const string LoginPath = "/authentication/login";
    public const string AccessDeniedPath = "/access-denied";

    /// <summary>
    /// Entra ID or local sign-in (see <see cref="SignInMode"/>), a fallback policy that requires a
    /// signed-in user everywhere, and one authorization policy per core <see cref="Permission"/>.
    /// </summary>
    public static WebApplicationBuilder AddCrmAuthentication(this WebApplicationBuilder builder)
    {
        var mode = SignInMode.Resolve(builder.Configuration, builder.Environment);
        var services = builder.Services;
        services.AddSingleton(mode);
        services.AddServerSessions(builder.Configuration);
        var sessions = builder.Configuration.GetSection(UserSessionOptions.Section).Get<UserSessionOptions>() ?? new UserSessionOptions();

        if (mode.UsesEntra)
        {
            services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(
                    options =>
                    {
                        builder.Configuration.Bind("AzureAd", options);
                        options.TokenValidationParameters.RoleClaimType = CrmClaims.RoleClaimType;
                        options.TokenValidationParameters.NameClaimType = CrmClaims.NameClaimType;
                    },
                    cookie => ConfigureCookie(cookie, builder.Environment, sessions));
            // Keep Entra's claim names ("roles", "name") instead of the legacy WS-Federation URIs.
            services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.RoleClaimType = CrmClaims.RoleClaimType;
                options.TokenValidationParameters.NameClaimType = CrmClaims.NameClaimType;
                options.Events.OnRemoteFailure = ShowSignInFailedAsync(options.Events.OnRemoteFailure);
            });
        }
        else
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie => ConfigureCookie(cookie, builder.Environment, sessions));
        }

        services.AddAuthorization(options =>
        {
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            foreach (var permission in Enum.GetValues<Permission>())
            {
                options.AddPolicy(permission.ToString(), policy => policy
                    .RequireAuthenticatedUser()
                    .RequireAssertion(context => context.User.ToCrmActor().Has(permission)));
            }
        });
        services.AddCascadingAuthenticationState();
        // The antiforgery cookie is sent like the session cookie: never without TLS outside Development.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = SecureCookies(builder.Environment));
        return builder;
    }

    /// <summary>
    /// An answer from the identity provider the app does not accept (an id token for another application, tenant or
    /// issuer, an expired one, a wrong nonce, an error from the provider) starts no session and shows a page that says
    /// so, instead of the error page; the log gets the kind of failure only, never the token or who it named.
    /// </summary>
    private static Func<RemoteFailureContext, Task> ShowSignInFailedAsync(Func<RemoteFailureContext, Task> previous) =>
        async context =>
        {
            await previous(context);
            if (context.Result is not null)
            {
                return;
            }

            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthenticationRegistration));
            LogSignInFailed(logger, context.Failure?.GetType().Name ?? "unknown");
            context.Response.Redirect(AuthenticationEndpoints.SignInFailedPath);
            context.HandleResponse();
        };

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "A sign-in through Entra ID was refused: {FailureKind}.")]
    private static partial void LogSignInFailed(ILogger logger, string failureKind);

    /// <summary>Development runs on plain http; everywhere else the app's cookies never travel unencrypted.</summary>
    private static CookieSecurePolicy SecureCookies(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    private static void ConfigureCookie(CookieAuthenticationOptions options, IHostEnvironment environment, UserSessionOptions sessions)
    {
        options.Cookie.Name = "cisa-crm-session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = SecureCookies(environment);
        options.LoginPath = LoginPath;
        options.AccessDeniedPath = AccessDeniedPath;
        options.Events.OnRedirectToAccessDenied = RefusedWithStatusCode.Around(options.Events.OnRedirectToAccessDenied);
        // The cookie lives as long as its session may; the idle timeout and the end at sign-out are the server's (ServerSessions).
        options.ExpireTimeSpan = sessions.AbsoluteLifetime;
        options.SlidingExpiration = false;
        // One place records every sign-in, whether it came from Entra ID or the local page (LOG-ACTIONS).
        options.Events.OnSignedIn = async context =>
        {
            var trail = context.HttpContext.RequestServices.GetRequiredService<AuditTrail>();
            var actor = context.Principal.ToCrmActor();
            await trail.RecordEventAsync(actor, AuditActions.SignIn, "Session", details: $"scheme={context.Scheme.Name}", cancellationToken: context.HttpContext.RequestAborted);
        };
        ServerSessions.Attach(options.Events);
    }
}

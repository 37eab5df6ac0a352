namespace Cisa.Crm.Web.Setup;

/// <summary>
/// Response headers that keep the app out of frames and stop content sniffing and script injection.
/// The policy allows what Blazor Server and MudBlazor need and nothing else: scripts from this origin
/// only, the SignalR WebSocket to this origin, and inline styles (MudBlazor sets style attributes).
/// Pages, downloads and answers carry personal data, so nothing is kept in a browser's or proxy's cache
/// (<c>no-store</c>); only the fingerprinted static assets, which set their own caching, are cached.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseCrmSecurityHeaders(this IApplicationBuilder app, string? signInAuthority)
    {
        var formTargets = signInAuthority is null ? "'self'" : $"'self' {signInAuthority}";
        var policy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            $"form-action {formTargets}",
            "frame-ancestors 'none'");

        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                if (!headers.ContainsKey("Cache-Control"))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next();
        });
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;

namespace Cisa.Crm.Web.Authentication;

/// <summary>
/// Endpoint metadata for a download a program may fetch (the JSON access report): a signed-in user without
/// the permission gets a plain 403 there unless the client asks for a web page; a browser navigating to it
/// still lands on the friendly access-denied page.
/// </summary>
public sealed class RefusedWithStatusCode
{
    internal static Func<RedirectContext<CookieAuthenticationOptions>, Task> Around(Func<RedirectContext<CookieAuthenticationOptions>, Task> redirect) =>
        context =>
        {
            var http = context.HttpContext;
            var acceptsHtml = http.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
            if (acceptsHtml || http.GetEndpoint()?.Metadata.GetMetadata<RefusedWithStatusCode>() is null)
            {
                return redirect(context);
            }

            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false; // no "page not found" HTML for a program
            }

            return Task.CompletedTask;
        };
}

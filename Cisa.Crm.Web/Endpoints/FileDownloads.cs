using Cisa.Crm.Core.Security;
using Cisa.Crm.Web.Setup;

namespace Cisa.Crm.Web.Endpoints;

/// <summary>
/// What every file download of the app is: a plain GET link, so the browser saves the file itself, guarded by one
/// permission and rate limited (<see cref="RateLimits.Programs"/>). The handlers are declared as returning <see cref="IResult"/>: since .NET 10 a TypedResults return type marks
/// an endpoint as an API endpoint, which answers a refused user with a bare 403 instead of the access-denied page.
/// </summary>
internal static class FileDownloads
{
    public const string CsvType = "text/csv; charset=utf-8";

    /// <summary>Maps each download at its path, open only to users with its permission; a refusal of the core is a 404, 403 or 409 (<see cref="CoreRefusals"/>).</summary>
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder endpoints,
        params (string Path, Delegate Handler, Permission Permission)[] downloads)
    {
        foreach (var (path, handler, permission) in downloads)
        {
            endpoints.MapGet(path, handler).RequireAuthorization(permission.ToString()).AddEndpointFilter<CoreRefusals>().RequireRateLimiting(RateLimits.Programs);
        }

        return endpoints;
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Web.Authentication;
using Cisa.Crm.Web.Localization;
using Cisa.Crm.Web.Setup;

namespace Cisa.Crm.Web.Endpoints;

/// <summary>DSR-ACCESS: the access report as a JSON download (portability). The core checks identity verification and audits the generation.</summary>
public static class SubjectRequestEndpoints
{
    /// <summary>camelCase, indented, accented letters kept readable (the file is for the person, not for a web page).</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IEndpointRouteBuilder MapSubjectRequestEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/privacy/requests/{id:int}/access-report.json", DownloadAccessReportAsync)
            .RequireAuthorization(nameof(Permission.SubjectRequestsManage))
            .WithMetadata(new RefusedWithStatusCode())
            .RequireRateLimiting(RateLimits.Programs);
        return endpoints;
    }

    private static async Task<IResult> DownloadAccessReportAsync(HttpContext context, SubjectRequestService requests, ErrorMessages messages, int id)
    {
        try
        {
            var report = await requests.AccessReportAsync(id, context.RequestAborted);
            return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(report, Json), "application/json; charset=utf-8", $"{report.Reference}-access-report.json");
        }
        catch (RecordNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (CrmException refused)
        {
            // E.g. the identity is not verified yet (DSR-IDENTITY): nothing is disclosed.
            return TypedResults.Problem(messages.For(refused), statusCode: StatusCodes.Status409Conflict);
        }
    }
}

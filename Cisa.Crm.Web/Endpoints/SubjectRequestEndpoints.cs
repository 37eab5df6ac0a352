using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Web.Authentication;
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
            .AddEndpointFilter<CoreRefusals>()
            .RequireRateLimiting(RateLimits.Programs);
        return endpoints;
    }

    /// <summary>The report, or what <see cref="CoreRefusals"/> makes of the core's refusal (e.g. DSR-IDENTITY: not verified yet, 409).</summary>
    private static async Task<IResult> DownloadAccessReportAsync(HttpContext context, SubjectRequestService requests, int id)
    {
        var report = await requests.AccessReportAsync(id, context.RequestAborted);
        return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(report, Json), "application/json; charset=utf-8", $"{report.Reference}-access-report.json");
    }
}

using System.Text.Json;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Security;

namespace Cisa.Crm.Web.Endpoints;

/// <summary>
/// LOG-ACTIONS: the privacy officer's signed checkpoint of the audit trail's end, as a JSON download to keep away from
/// this server (count, last hash, time, HMAC). The core records the export in the trail.
/// </summary>
public static class AuditEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints) => endpoints.MapDownloads(
        ("/audit/checkpoint.json", DownloadCheckpointAsync, Permission.AuditVerify));

    private static async Task<IResult> DownloadCheckpointAsync(HttpContext context, AuditLog audit)
    {
        var checkpoint = await audit.ExportCheckpointAsync(context.RequestAborted);
        return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(checkpoint, Json), "application/json; charset=utf-8",
            $"audit-checkpoint-{checkpoint.Count}.json");
    }
}

using System.Globalization;
using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;

namespace Cisa.Crm.Web.Endpoints;

/// <summary>File downloads (CSV exports, CVs). Plain GET links, so the browser saves the file itself; the core checks and audits.</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/prospects/export.csv", ExportProspectsAsync).RequireAuthorization(nameof(Permission.ProspectsExport));
        endpoints.MapGet("/contacts/export.csv", ExportContactsAsync).RequireAuthorization(nameof(Permission.PartnerContactsWrite));
        endpoints.MapGet("/hr/applicants/{id:int}/cv", DownloadCvAsync).RequireAuthorization(nameof(Permission.ApplicantsRead));
        return endpoints;
    }

    /// <summary>The prospect list as filtered on screen (<c>search</c>, <c>source</c>, <c>mine</c>, <c>companyId</c>).</summary>
    private static async Task<IResult> ExportProspectsAsync(HttpContext context, ProspectExportService export, ICurrentActor currentActor,
        TimeProvider time, string? search, ProspectSource? source, bool? mine, int? companyId)
    {
        var actor = await currentActor.GetAsync(context.RequestAborted);
        var query = new ProspectQuery(Search: search, Source: source, CompanyId: companyId, OwnerId: mine == true ? actor.Id : null);
        var csv = await export.ExportAsync(query, context.RequestAborted);
        return Results.File(csv, "text/csv; charset=utf-8", $"prospects-{Stamp(time)}.csv");
    }

    /// <summary>The partner contacts as filtered on screen (<c>search</c>, <c>companyId</c>).</summary>
    private static async Task<IResult> ExportContactsAsync(HttpContext context, PartnerContactCsvService export, TimeProvider time, string? search, int? companyId)
    {
        var csv = await export.ExportAsync(new PartnerContactQuery(Search: search, CompanyId: companyId), context.RequestAborted);
        return Results.File(csv, "text/csv; charset=utf-8", $"contacts-{Stamp(time)}.csv");
    }

    /// <summary>The applicant's CV, decrypted by the core, which records the download.</summary>
    private static async Task<IResult> DownloadCvAsync(HttpContext context, ApplicantService applicants, int id)
    {
        var cv = await applicants.DownloadCvAsync(id, context.RequestAborted);
        return Results.File(cv.Content, cv.ContentType, cv.FileName);
    }

    private static string Stamp(TimeProvider time) =>
        BrusselsTime.FromUtc(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture);
}

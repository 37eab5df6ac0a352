using System.Globalization;
using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Microsoft.AspNetCore.WebUtilities;

namespace Cisa.Crm.Web.Endpoints;

/// <summary>
/// Exports and CVs, as <see cref="FileDownloads"/>; the core checks and audits. The export addresses are built here too
/// (<see cref="ProspectsAddress"/>, <see cref="ContactsAddress"/>), beside the code that reads them, so the list pages and
/// the endpoints cannot drift apart.
/// </summary>
public static class ExportEndpoints
{
    public const string ProspectsPath = "/prospects/export.csv";
    public const string ContactsPath = "/contacts/export.csv";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints) => endpoints.MapDownloads(
        (ProspectsPath, ExportProspectsAsync, Permission.ProspectsExport),
        (ContactsPath, ExportContactsAsync, Permission.PartnerContactsWrite),
        ("/hr/applicants/{id:int}/cv", DownloadCvAsync, Permission.ApplicantsRead));

    /// <summary>The export of the prospect list as filtered on screen; only the filters in use are in the address.</summary>
    public static string ProspectsAddress(ProspectQuery filter) => WithFilters(ProspectsPath,
        ("search", filter.Search), ("source", filter.Source?.ToString()), ("mine", filter.OwnerId is null ? null : "true"),
        ("companyId", filter.CompanyId?.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The export of the partner contacts as filtered on screen; only the filters in use are in the address.</summary>
    public static string ContactsAddress(string? search, int? companyId) => WithFilters(ContactsPath,
        ("search", search), ("companyId", companyId?.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The prospect list as filtered on screen (<c>search</c>, <c>source</c>, <c>mine</c>, <c>companyId</c>). An empty value
    /// means "no filter", as a hand-made or older address sends it; a value that names nothing is refused, not dropped, so
    /// an export is never wider than the list it came from.
    /// </summary>
    private static async Task<IResult> ExportProspectsAsync(HttpContext context, ProspectExportService export,
        ICurrentActor currentActor, TimeProvider time, string? search, string? source, string? mine, string? companyId)
    {
        if (!FilterValue.TryRead<ProspectSource>(source, TryParseSource, out var sourceFilter)
            || !FilterValue.TryRead<bool>(mine, bool.TryParse, out var mineOnly)
            || !FilterValue.TryRead<int>(companyId, TryParseId, out var companyFilter))
        {
            return TypedResults.BadRequest();
        }

        var actor = await currentActor.GetAsync(context.RequestAborted);
        var query = new ProspectQuery(Search: FilterValue.Text(search), Source: sourceFilter, CompanyId: companyFilter, OwnerId: mineOnly == true ? actor.Id : null);
        var csv = await export.ExportAsync(query, context.RequestAborted);
        return TypedResults.File(csv, FileDownloads.CsvType, $"prospects-{Stamp(time)}.csv");
    }

    /// <summary>The partner contacts as filtered on screen (<c>search</c>, <c>companyId</c>), read as the prospects' filters are.</summary>
    private static async Task<IResult> ExportContactsAsync(HttpContext context, PartnerContactCsvService export,
        TimeProvider time, string? search, string? companyId)
    {
        if (!FilterValue.TryRead<int>(companyId, TryParseId, out var companyFilter))
        {
            return TypedResults.BadRequest();
        }

        var csv = await export.ExportAsync(new PartnerContactQuery(Search: FilterValue.Text(search), CompanyId: companyFilter), context.RequestAborted);
        return TypedResults.File(csv, FileDownloads.CsvType, $"contacts-{Stamp(time)}.csv");
    }

    /// <summary>The applicant's CV, decrypted by the core, which records the download.</summary>
    private static async Task<IResult> DownloadCvAsync(HttpContext context, ApplicantService applicants, int id)
    {
        var cv = await applicants.DownloadCvAsync(id, context.RequestAborted);
        return Results.File(cv.Content, cv.ContentType, cv.FileName);
    }

    private static string WithFilters(string path, params (string Name, string? Value)[] filters) =>
        QueryHelpers.AddQueryString(path, filters.Where(f => !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => KeyValuePair.Create(f.Name, f.Value?.Trim())));

    private static bool TryParseSource(string text, out ProspectSource source) =>
        Enum.TryParse(text, ignoreCase: true, out source) && Enum.IsDefined(source) && !char.IsAsciiDigit(text[0]);

    private static bool TryParseId(string text, out int id) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static string Stamp(TimeProvider time) =>
        BrusselsTime.FromUtc(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture);

    /// <summary>A filter of an export address: absent or empty is "no filter".</summary>
    private static class FilterValue
    {
        public delegate bool Parser<T>(string text, out T value);

        public static bool TryRead<T>(string? text, Parser<T> parse, out T? value)
            where T : struct
        {
            value = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                return true;
            }

            if (!parse(text.Trim(), out var parsed))
            {
                return false;
            }

            value = parsed;
            return true;
        }

        public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}

using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Core.Security;

namespace Cisa.Crm.Web.Endpoints;

/// <summary>
/// The template of each import: the columns and one row of invented data, served to whoever may run that import. A plain
/// GET, so the browser saves it; it holds no personal data, so the core has nothing to check or audit. The handlers
/// return <see cref="IResult"/> for the reason given on <see cref="ExportEndpoints"/> (a refused user gets the
/// access-denied page, not a bare 403).
/// </summary>
public static class ImportEndpoints
{
    public const string ProspectTemplatePath = "/prospects/import/template.csv";
    public const string ContactTemplatePath = "/contacts/import/template.csv";

    private const string CsvType = "text/csv; charset=utf-8";

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ProspectTemplatePath, ProspectTemplate).RequireAuthorization(nameof(Permission.ProspectsImport));
        endpoints.MapGet(ContactTemplatePath, ContactTemplate).RequireAuthorization(nameof(Permission.PartnerContactsWrite));
        return endpoints;
    }

    private static IResult ProspectTemplate() => Results.File(ProspectImportService.Template(), CsvType, "prospects-template.csv");

    private static IResult ContactTemplate() => Results.File(PartnerContactCsvService.Template(), CsvType, "contacts-template.csv");
}

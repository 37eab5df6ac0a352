using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Core.Security;

namespace Cisa.Crm.Web.Endpoints;

/// <summary>
/// The template of each import: the columns and one row of invented data, served as <see cref="FileDownloads"/> to whoever
/// may run that import. It holds no personal data, so the core has nothing to check or audit.
/// </summary>
public static class ImportEndpoints
{
    public const string ProspectTemplatePath = "/prospects/import/template.csv";
    public const string ContactTemplatePath = "/contacts/import/template.csv";

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints) => endpoints.MapDownloads(
        (ProspectTemplatePath, ProspectTemplate, Permission.ProspectsImport),
        (ContactTemplatePath, ContactTemplate, Permission.PartnerContactsWrite));

    private static IResult ProspectTemplate() => Results.File(ProspectImportService.Template(), FileDownloads.CsvType, "prospects-template.csv");

    private static IResult ContactTemplate() => Results.File(PartnerContactCsvService.Template(), FileDownloads.CsvType, "contacts-template.csv");
}

using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Web.Endpoints;

namespace Cisa.Crm.Web.Components.Shared.Import;

/// <summary>
/// A column whose cells must hold one of a few codes, as the core reads them: <paramref name="Field"/> is the field the
/// core names in its errors, <paramref name="Codes"/> the codes a file may use (from the core, not typed again here), and
/// <paramref name="LabelKey"/> the text key of a code's meaning in the user's language.
/// </summary>
public sealed record CodedColumn(string Column, string Field, IReadOnlyList<string> Codes, Func<string, string> LabelKey);

/// <summary>
/// What the user needs to know to write a file for one import: its columns, the required ones, the coded columns with
/// their values, and where its template is. Built from the core's own lists, so the page, the template and the import
/// cannot disagree.
/// </summary>
/// <param name="Notes">Columns whose values follow a rule too broad to list (a country code), with the text key that states it.</param>
public sealed record ImportFormat(IReadOnlyList<string> Columns, IReadOnlyCollection<string> RequiredColumns, IReadOnlyList<CodedColumn> Coded, string TemplatePath,
    IReadOnlyList<(string Column, string TextKey)>? Notes = null)
{
    private static readonly CodedColumn Language = new("Language", nameof(PreferredLanguage), CsvValues.LanguageCodes,
        code => $"Language.{CsvValues.Language(code, [])}");

    public static ImportFormat Prospects { get; } = new(ProspectImportService.Columns, ProspectImportService.RequiredColumns,
    [
        Language,
        new("Source", nameof(ProspectInput.Source), CsvValues.Allowed<ProspectSource>(), code => $"ProspectSource.{code}"),
    ], ImportEndpoints.ProspectTemplatePath);

    public static ImportFormat PartnerContacts { get; } = new(PartnerContactCsvService.Columns, PartnerContactCsvService.RequiredColumns,
    [
        Language,
        new("LawfulBasis", nameof(PartnerContactInput.LawfulBasis), CsvValues.Allowed<PartnerLawfulBasis>(), code => $"LawfulBasis.{code}"),
    ], ImportEndpoints.ContactTemplatePath, [("Country", "Import.Format.Country")]);

    public bool IsRequired(string column) => RequiredColumns.Contains(column, StringComparer.OrdinalIgnoreCase);

    /// <summary>The coded column behind a field the core reports on, if it is one.</summary>
    public CodedColumn? CodedFor(string field) => Coded.FirstOrDefault(c => c.Field == field);
}

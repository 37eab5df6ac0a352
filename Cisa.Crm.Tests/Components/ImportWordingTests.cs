using System.Text;
using Bunit;
using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Web;
using Cisa.Crm.Web.Components.Shared.Import;
using Cisa.Crm.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Cisa.Crm.Tests.Components;

/// <summary>
/// An import's rows in the user's words (issue 16, defect 4): a duplicate says of what, an unknown code is followed by
/// the codes to use and their meaning, a problem of the whole row carries no field name, and the rejected rows' file
/// keeps the uploaded header and cells with a reason column. The preview refuses the import while a batch field is wrong.
/// </summary>
public sealed class ImportWordingTests : ComponentTestContext
{
    private static readonly ImportRowResult UnknownSource = new(3, "Jens Wouters", "Importtest bv", ImportRowStatus.Invalid,
        [new FieldError("Source", "ValueUnknown", "Beurs", "CompanyWebsite, LinkedIn, Referral, Event, Inbound, Other")]);

    private static readonly ImportRowResult InCrm = new(4, "Mohamed Thijs", "Nete Print cv", ImportRowStatus.Duplicate,
        [new FieldError(PersonImport.RowField, "DuplicateInCrm")]);

    private ImportWording Wording() => new(Services.GetRequiredService<IStringLocalizer<SharedResource>>(), Services.GetRequiredService<ErrorMessages>(), ImportFormat.Prospects);

    [Fact]
    public void An_unknown_source_lists_the_codes_to_use_with_their_meaning_in_Dutch()
    {
        UseCulture(CrmCultures.Dutch);

        Assert.Equal(
            ["Bron: “Beurs” is geen gekende waarde. Gebruik een van: CompanyWebsite (Website van het bedrijf), LinkedIn, Referral (Doorverwijzing), Event (Evenement), Inbound (Nam zelf contact op), Other (Andere)."],
            Wording().Problems(UnknownSource));
    }

    [Fact]
    public void A_duplicate_says_it_is_one_of_the_CRM_without_a_field_name()
    {
        var wording = Wording();

        Assert.Equal("Duplicate in the CRM", wording.Status(InCrm));
        Assert.Equal(["Already in the CRM: the same e-mail address or phone number."], wording.Problems(InCrm));
    }

    [Fact]
    public void The_rejected_rows_file_has_the_uploaded_header_and_cells_and_a_reason_column()
    {
        UseCulture(CrmCultures.Dutch);
        var rejected = new RejectedRows(["FirstName", "LastName", "Source"],
            [new RejectedRow(UnknownSource, ["Jens", "Wouters", "Beurs"]), new RejectedRow(InCrm, ["Mohamed", "Thijs", "LinkedIn"])]);

        var lines = Encoding.UTF8.GetString(Wording().RejectedCsv(rejected)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("FirstName;LastName;Source;Reden", lines[0]);
        Assert.StartsWith("Jens;Wouters;Beurs;Ongeldig. Bron: “Beurs” is geen gekende waarde.", lines[1], StringComparison.Ordinal);
        Assert.Equal("Mohamed;Thijs;LinkedIn;Dubbel in het CRM. Staat al in het CRM: zelfde e-mailadres of telefoonnummer.", lines[2]);
    }

    [Fact]
    public void The_preview_refuses_the_import_while_a_batch_field_is_wrong_and_offers_the_rejected_rows()
    {
        var preview = new ImportPreview([UnknownSource, InCrm, new ImportRowResult(2, "Lien Vervoort", "Importtest bv", ImportRowStatus.Valid, [])], 1,
            new RejectedRows(["FirstName"], [new RejectedRow(UnknownSource, ["Jens"]), new RejectedRow(InCrm, ["Mohamed"])]),
            [new FieldError("LegitimateInterestNote", "BatchNoteRequired")]);

        var panel = Render<ImportPreviewPanel>(p => p.Add(c => c.Preview, preview).Add(c => c.Wording, Wording()).Add(c => c.BatchBlocked, true));

        Assert.True(panel.Find("#confirm-import").HasAttribute("disabled"));
        Assert.Equal("Correct the marked fields above first: then the valid rows can be imported.", panel.Find("#import-batch-blocked").TextContent.Trim());
        Assert.Contains("Download the 2 rejected rows (CSV)", panel.Find("#download-rejected").TextContent, StringComparison.Ordinal);
        // The batch's problem is the page's to show at its field, not the rows'.
        Assert.DoesNotContain("Write why these people fit", panel.Markup, StringComparison.Ordinal);

        panel.Render(p => p.Add(c => c.BatchBlocked, false));
        Assert.False(panel.Find("#confirm-import").HasAttribute("disabled"));
    }
}

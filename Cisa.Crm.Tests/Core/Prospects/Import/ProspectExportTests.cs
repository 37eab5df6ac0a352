using System.Text;
using Cisa.Crm.Core.Common.Csv;
using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Core.Prospects.Import;

/// <summary>Writing the prospect list to a file: safe cells, the audit entry, and a file the import reads back.</summary>
public sealed class ProspectExportTests : ProspectCsvTestBase
{
    private ProspectExportService Export => Db.Get<ProspectExportService>();

    private static List<Dictionary<string, string>> ReadCsv(byte[] bytes) => CsvRows.Read(bytes, ProspectImportService.Columns);

    [Fact]
    public async Task A_cell_starting_with_a_formula_character_is_neutralised_in_the_export()
    {
        await CreateProspectAsync(NewProspect() with { FirstName = "=HYPERLINK(\"http://evil.example\";\"x\")", LastName = "Formule", JobTitle = "@SUM(A1)" });

        var rows = ReadCsv(await Export.ExportAsync(new ProspectQuery(Search: "Formule")));

        var row = Assert.Single(rows);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\";\"x\")", row["FirstName"]);
        Assert.Equal("'@SUM(A1)", row["JobTitle"]);
        Assert.Equal("Formule", row["LastName"]);
    }

    [Fact]
    public void CSV_neutralises_every_formula_start()
    {
        string?[] cells = ["=1+2", "+32", "-1", "@x", "\tx", "\rx", "Jan", null];

        // Written and read back as a spreadsheet would see each cell; a second column keeps the empty cell's line from being blank.
        var read = CsvRows.Read(CrmCsv.Write(["Cell", "Row"], cells.Select((c, i) => (IReadOnlyList<string?>)[c, $"{i}"])), ["Cell"]).Select(r => r["Cell"]).ToList();

        Assert.Equal(["'=1+2", "'+32", "'-1", "'@x", "'\tx", "'\rx", "Jan", ""], read);
    }

    [Fact]
    public async Task LOG_ACTIONS_an_export_writes_an_audit_entry()
    {
        await CreateProspectAsync();

        var bytes = await Export.ExportAsync(new ProspectQuery());

        var entry = Assert.Single(await Data.AuditAsync("Prospect.Exported"));
        Assert.Equal("sales-1", entry.ActorId);
        Assert.Equal("Prospect", entry.EntityType);
        Assert.Null(entry.EntityId);
        Assert.Equal("rows=2", entry.Details);
        Assert.Equal(2, ReadCsv(bytes).Count);
    }

    [Fact]
    public async Task The_export_uses_the_import_columns_with_a_byte_order_mark_and_follows_the_list_filter()
    {
        await CreateProspectAsync(NewProspect() with { LastName = "Janssens", PreferredLanguage = PreferredLanguage.French });

        var bytes = await Export.ExportAsync(new ProspectQuery(Search: "Janssens"));

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes.Take(3));
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.StartsWith(Header, text, StringComparison.Ordinal);
        var row = Assert.Single(ReadCsv(bytes));
        Assert.Equal("fr", row["Language"]);
        Assert.Equal("Kempen ICT", row["Company"]);
    }

    [Fact]
    public async Task An_exported_file_is_read_again_by_the_import_as_the_same_people()
    {
        await CreateProspectAsync(NewProspect() with { LastName = "Janssens", Phone = "014 85 37 97", Mobile = "0478 12 34 56", PreferredLanguage = PreferredLanguage.English });
        var exported = await Export.ExportAsync(new ProspectQuery());

        var preview = await Import.PreviewAsync(new MemoryStream(exported), new ImportBatch(AssessmentId, SalesData.Note));

        Assert.Equal(2, preview.Rows.Count);
        Assert.All(preview.Rows, r =>
        {
            Assert.Equal("DuplicateInCrm", Assert.Single(r.Errors).Code);
            Assert.Equal(ImportRowStatus.Duplicate, r.Status);
        });
        Assert.Equal(0, preview.NewCompanies);
    }

    [Fact]
    public async Task The_privacy_officer_cannot_export()
    {
        ActAs(SalesPeople.PrivacyOfficer);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => Export.ExportAsync(new ProspectQuery()));
        Assert.Empty(await Data.AuditAsync("Prospect.Exported"));
    }
}

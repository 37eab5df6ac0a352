using System.Text;
using Cisa.Crm.Core.Common.Csv;
using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Core.Prospects.Import;

/// <summary>Reading a prospect file: the preview, what is stored, and what the privacy rules refuse.</summary>
public sealed class ProspectImportTests : ProspectCsvTestBase
{
    /// <summary>One valid row (new company), one with a bad e-mail, one suppressed, one already in the CRM.</summary>
    private const string MixedFile = Header + """

        Lotte;Janssens;CIO;Nieuw Bedrijf;;lotte.janssens@nieuwbedrijf.be;014 21 34 56;;nl;LinkedIn;;
        Bram;Fout;IT manager;Kempen ICT;;bram.fout(at)kempen-ict.be;;;fr;CompanyWebsite;;
        Jan;Peeters;CTO;Kempen ICT;;JAN.PEETERS@FIRMA.BE;;;en;Event;;
        Els;Dubbel;CISO;Kempen ICT;;Els.Dubbel@kempen-ict.be;;;nl;Referral;;
        """;

    private static readonly ImportRowStatus[] MixedStatuses = [ImportRowStatus.Valid, ImportRowStatus.Invalid, ImportRowStatus.Suppressed, ImportRowStatus.Duplicate];

    public static MemoryStream Stream(string csv) => new(Encoding.UTF8.GetBytes(csv));

    private static (string Field, string Code) FieldAndCode(FieldError error) => (error.Field, error.Code);

    [Fact]
    public async Task The_preview_reports_valid_invalid_suppressed_and_duplicate_rows()
    {
        var preview = await Import.PreviewAsync(Stream(MixedFile), new ImportBatch(AssessmentId, SalesData.Note));

        Assert.Equal(1, preview.Count(ImportRowStatus.Valid));
        Assert.Equal(1, preview.Count(ImportRowStatus.Invalid));
        Assert.Equal(1, preview.Count(ImportRowStatus.Suppressed));
        Assert.Equal(1, preview.Count(ImportRowStatus.Duplicate));
        Assert.Equal(1, preview.NewCompanies);
        Assert.Equal([2, 3, 4, 5], preview.Rows.Select(r => r.Line));
        Assert.Equal(
            [ImportRowStatus.Valid, ImportRowStatus.Invalid, ImportRowStatus.Suppressed, ImportRowStatus.Duplicate],
            preview.Rows.Select(r => r.Status));
        var invalid = preview.Rows[1];
        Assert.Equal("Bram Fout", invalid.Name);
        Assert.Contains(invalid.Errors, e => e.Field == nameof(ProspectInput.Email) && e.Code == "EmailInvalid");
        Assert.Equal((PersonImport.RowField, "DuplicateInCrm"), FieldAndCode(Assert.Single(preview.Rows[3].Errors)));
        Assert.Equal(1, await Data.CountAsync<Prospect>());
    }

    [Fact]
    public async Task The_import_stores_only_the_valid_row_creates_its_company_and_writes_one_audit_entry()
    {
        int auditBefore;
        await using (var context = Db.CreateContext())
        {
            auditBefore = await context.AuditEntries.CountAsync();
        }

        var summary = await Import.ImportAsync(Stream(MixedFile), new ImportBatch(AssessmentId, SalesData.Note));

        Assert.Equal((1, 3, 1), (summary.Imported, summary.Skipped, summary.CompaniesCreated));
        await using var check = Db.CreateContext();
        var company = await check.Companies.AsNoTracking().SingleAsync(c => c.Name == "Nieuw Bedrijf");
        Assert.Equal(CompanyType.Prospect, company.Type);
        Assert.Equal("Sofie", company.AccountOwnerName);
        var lotte = await check.Prospects.AsNoTracking().SingleAsync(p => p.LastName == "Janssens");
        Assert.Equal(company.Id, lotte.CompanyId);
        Assert.Equal("lotte.janssens@nieuwbedrijf.be", lotte.Email);
        Assert.Equal("+3214213456", lotte.Phone);
        Assert.Equal(ProspectSource.LinkedIn, lotte.Source);
        Assert.Equal(AssessmentId, lotte.AssessmentId);
        Assert.Equal(SalesData.Note, lotte.LegitimateInterestNote.Text);
        Assert.Equal("sales-1", lotte.LegitimateInterestNote.ById);
        Assert.Equal(2, await check.Prospects.CountAsync());
        Assert.Equal(auditBefore + 1, await check.AuditEntries.CountAsync());
        var entry = Assert.Single(await Data.AuditAsync("Prospect.Imported"));
        Assert.StartsWith($"created=1;skipped=3;companies=1;assessment={AssessmentId};ids=", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("Janssens", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LI_REVIEW_an_overdue_batch_assessment_is_one_error_at_the_assessment_and_the_import_is_refused()
    {
        var shortLived = await Data.AssessmentAsync("Spring campaign", new DateOnly(2026, 4, 1));
        Db.Time.Advance(TimeSpan.FromDays(18));
        var batch = new ImportBatch(shortLived, SalesData.Note);

        var preview = await Import.PreviewAsync(Stream(MixedFile), batch);
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Import.ImportAsync(Stream(MixedFile), batch));

        Assert.Equal(("AssessmentId", "AssessmentOverdue"), FieldAndCode(Assert.Single(preview.BatchErrors)));
        Assert.Equal(MixedStatuses, preview.Rows.Select(r => r.Status));
        Assert.DoesNotContain(preview.Rows.SelectMany(r => r.Errors), e => e.Field == "AssessmentId");
        Assert.Equal("AssessmentOverdue", Assert.Single(refusal.For("AssessmentId")).Code);
        Assert.Equal(1, await Data.CountAsync<Prospect>());
        Assert.Empty(await Data.AuditAsync("Prospect.Imported"));
    }

    [Fact]
    public async Task LI_NOTE_a_missing_assessment_or_batch_note_is_one_error_at_its_field_and_leaves_the_rows_as_they_are()
    {
        var noAssessment = await Import.PreviewAsync(Stream(MixedFile), new ImportBatch(null, SalesData.Note));
        var noNote = await Import.PreviewAsync(Stream(MixedFile), new ImportBatch(AssessmentId, " "));
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Import.ImportAsync(Stream(MixedFile), new ImportBatch(AssessmentId, null)));

        Assert.Equal(("AssessmentId", "LegitimateInterestRequired"), FieldAndCode(Assert.Single(noAssessment.BatchErrors)));
        Assert.Equal(("LegitimateInterestNote", "BatchNoteRequired"), FieldAndCode(Assert.Single(noNote.BatchErrors)));
        Assert.Equal(MixedStatuses, noAssessment.Rows.Select(r => r.Status));
        Assert.Equal(MixedStatuses, noNote.Rows.Select(r => r.Status));
        Assert.DoesNotContain(noNote.Rows.SelectMany(r => r.Errors), e => e.Field is "LegitimateInterestNote" or "AssessmentId");
        Assert.Equal("BatchNoteRequired", Assert.Single(refusal.For("LegitimateInterestNote")).Code);
        Assert.Equal(1, await Data.CountAsync<Prospect>());
    }

    [Fact]
    public async Task LI_NOTE_a_file_whose_rows_all_carry_their_own_note_needs_no_batch_note_but_a_too_long_own_note_is_the_rows()
    {
        var csv = Header + $"\nLotte;Janssens;CIO;Kempen ICT;;lotte@kempen-ict.be;;;nl;LinkedIn;;Met her at the fair.\nMarc;Claes;CTO;Kempen ICT;;marc@kempen-ict.be;;;nl;LinkedIn;;{new string('x', 501)}";

        var preview = await Import.PreviewAsync(Stream(csv), new ImportBatch(AssessmentId, null));

        Assert.Empty(preview.BatchErrors);
        Assert.Equal([ImportRowStatus.Valid, ImportRowStatus.Invalid], preview.Rows.Select(r => r.Status));
        Assert.Contains(preview.Rows[1].Errors, e => e.Field == "LegitimateInterestNote" && e.Code == "TooLong");
    }

    [Fact]
    public async Task LI_NOTE_a_row_may_carry_its_own_note_instead_of_the_batch_line()
    {
        var csv = Header + "\nLotte;Janssens;CIO;Kempen ICT;;lotte@kempen-ict.be;;;nl;LinkedIn;;Met her at the Herentals ICT fair.";

        await Import.ImportAsync(Stream(csv), new ImportBatch(AssessmentId, SalesData.Note));

        await using var check = Db.CreateContext();
        Assert.Equal("Met her at the Herentals ICT fair.", (await check.Prospects.AsNoTracking().SingleAsync(p => p.LastName == "Janssens")).LegitimateInterestNote.Text);
    }

    [Fact]
    public async Task SOURCE_a_row_without_a_source_takes_the_batch_default_or_is_invalid()
    {
        var csv = Header + "\nLotte;Janssens;CIO;Kempen ICT;;lotte@kempen-ict.be;;;nl;;;\nMarc;Claes;CTO;Kempen ICT;;marc@kempen-ict.be;;;nl;Fax;;";

        var withoutDefault = await Import.PreviewAsync(Stream(csv), new ImportBatch(AssessmentId, SalesData.Note));
        var withDefault = await Import.PreviewAsync(Stream(csv), new ImportBatch(AssessmentId, SalesData.Note, ProspectSource.Event));

        Assert.Contains(withoutDefault.Rows[0].Errors, e => e.Field == "Source" && e.Code == "SourceRequired");
        Assert.Equal(ImportRowStatus.Valid, withDefault.Rows[0].Status);
        Assert.Contains(withDefault.Rows[1].Errors, e => e.Field == "Source" && e.Code == "ValueUnknown");
    }

    [Fact]
    public async Task SOURCE_an_unknown_source_or_language_is_reported_once_with_the_values_the_file_may_use()
    {
        var csv = Header + "\nMarc;Claes;CTO;Kempen ICT;;marc@kempen-ict.be;;;Swahili;Beurs;;\nAnna;Peeters;CTO;Kempen ICT;;anna@kempen-ict.be;;;nl;company website;;";

        var preview = await Import.PreviewAsync(Stream(csv), new ImportBatch(AssessmentId, SalesData.Note));

        var source = Assert.Single(preview.Rows[0].Errors, e => e.Field == "Source");
        Assert.Equal("ValueUnknown", source.Code);
        Assert.Equal(["Beurs", "CompanyWebsite, LinkedIn, Referral, Event, Inbound, Other"], source.Arguments);
        var language = Assert.Single(preview.Rows[0].Errors, e => e.Field == "PreferredLanguage");
        Assert.Equal(["Swahili", "nl, fr, en"], language.Arguments);
        Assert.Equal(ImportRowStatus.Valid, preview.Rows[1].Status);
    }

    [Fact]
    public async Task A_person_twice_in_the_same_file_is_imported_once()
    {
        var csv = Header + "\nLotte;Janssens;CIO;Kempen ICT;;lotte@kempen-ict.be;;;nl;LinkedIn;;\nLotte;Janssens;CIO;Kempen ICT;;LOTTE@kempen-ict.be;;;nl;LinkedIn;;";

        var summary = await Import.ImportAsync(Stream(csv), new ImportBatch(AssessmentId, SalesData.Note));

        Assert.Equal(1, summary.Imported);
        Assert.Equal(1, summary.Skipped);
    }

    [Fact]
    public async Task Rows_naming_the_same_new_company_in_another_case_create_it_once()
    {
        var csv = Header + "\nLotte;Janssens;CIO;Nieuw Bedrijf;;lotte@nieuw.be;;;nl;LinkedIn;;\nMarc;Claes;CTO;NIEUW BEDRIJF;;marc@nieuw.be;;;nl;LinkedIn;;";

        var summary = await Import.ImportAsync(Stream(csv), new ImportBatch(AssessmentId, SalesData.Note));

        Assert.Equal((2, 0, 1), (summary.Imported, summary.Skipped, summary.CompaniesCreated));
    }

    [Fact]
    public async Task Rows_naming_the_same_new_company_with_and_without_accents_create_it_once()
    {
        var csv = Header + "\nLotte;Janssens;CIO;Société Générale;;lotte@sg.be;;;nl;LinkedIn;;\nMarc;Claes;CTO;Societe Generale;;marc@sg.be;;;nl;LinkedIn;;";
        var batch = new ImportBatch(AssessmentId, SalesData.Note);
        Assert.Equal(1, (await Import.PreviewAsync(Stream(csv), batch)).NewCompanies);

        var summary = await Import.ImportAsync(Stream(csv), batch);

        Assert.Equal((2, 0, 1), (summary.Imported, summary.Skipped, summary.CompaniesCreated));
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Import.PreviewAsync(Stream("Name;Email\nLotte;lotte@kempen-ict.be"), new ImportBatch(AssessmentId, SalesData.Note)));

        var error = Assert.Single(refusal.Errors);
        Assert.Equal("CsvMissingColumns", error.Code);
    }

    [Fact]
    public async Task The_privacy_officer_cannot_import()
    {
        ActAs(SalesPeople.PrivacyOfficer);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => Import.PreviewAsync(Stream(MixedFile), new ImportBatch(AssessmentId, SalesData.Note)));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Import.ImportAsync(Stream(MixedFile), new ImportBatch(AssessmentId, SalesData.Note)));
    }

    [Fact]
    public async Task An_import_file_with_a_byte_order_mark_windows_line_ends_and_commas_is_read()
    {
        var csv = "\uFEFFFirstName,LastName,Company,Email,Source\r\nLotte,Janssens,kempen ict,lotte@kempen-ict.be,LinkedIn\r\nMarc,Claes,KEMPEN ICT,marc@kempen-ict.be,Event\r\n";

        var summary = await Import.ImportAsync(Stream(csv), new ImportBatch(AssessmentId, SalesData.Note));

        Assert.Equal((2, 0, 0), (summary.Imported, summary.Skipped, summary.CompaniesCreated));
        Assert.Equal(3, (await Companies.GetAsync(CompanyId)).ProspectCount);
    }

    [Fact]
    public async Task A_file_saved_by_Excel_in_Windows_1252_keeps_its_accents()
    {
        var csv = Header + "\nRené;Dubré;CIO;Kempen ICT;;rene.dubre@kempen-ict.be;;;nl;LinkedIn;;";
        var bytes = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(csv);

        var preview = await Import.PreviewAsync(new MemoryStream(bytes), new ImportBatch(AssessmentId, SalesData.Note));

        Assert.Equal("René Dubré", Assert.Single(preview.Rows).Name);
    }

    [Fact]
    public async Task The_enterprise_number_matches_the_company_and_a_too_long_new_company_name_is_refused()
    {
        await using (var context = Db.CreateContext())
        {
            var company = await context.Companies.SingleAsync(c => c.Id == CompanyId);
            company.EnterpriseNumber = "0860.244.894";
            await context.SaveChangesAsync();
        }

        var csv = Header + $"""

            Anna;Kbo;CIO;Another Name Entirely;BE0860244894;anna.kbo@kempen-ict.be;;;nl;LinkedIn;;
            Ben;Lang;CIO;{new string('x', 201)};;ben.lang@x.be;;;nl;LinkedIn;;
            Carl;Fout;CIO;Kempen ICT;0860.244.895;carl.fout@kempen-ict.be;;;nl;LinkedIn;;
            """;

        var preview = await Import.PreviewAsync(Stream(csv), new ImportBatch(AssessmentId, SalesData.Note));

        Assert.Equal([ImportRowStatus.Valid, ImportRowStatus.Invalid, ImportRowStatus.Invalid], preview.Rows.Select(r => r.Status));
        Assert.Equal(0, preview.NewCompanies);
        Assert.Contains(preview.Rows[1].Errors, e => e.Code == "TooLong");
        Assert.Contains(preview.Rows[2].Errors, e => e.Code == "EnterpriseNumberInvalid");
    }

    [Fact]
    public async Task A_file_of_several_parts_finds_a_repeat_in_a_later_part_and_a_new_company_takes_the_number_a_later_row_brings()
    {
        // The import checks its rows in parts while it stores the part before (P-IMPORT); the file's own duplicates and
        // new companies span the parts.
        var csv = new StringBuilder(Header).Append("\nEerste;Rij;CIO;Grensbedrijf;;eerste.rij@grensbedrijf.be;;;nl;LinkedIn;;");
        for (var i = 1; i < ProspectImportService.PartSize; i++)
        {
            csv.Append($"\nPiet;Vulling {i};CIO;Kempen ICT;;piet.vulling{i}@kempen-ict.be;;;nl;LinkedIn;;");
        }

        csv.Append("\nTweede;Kopie;CIO;Grensbedrijf;;EERSTE.RIJ@grensbedrijf.be;;;nl;LinkedIn;;");
        csv.Append("\nDerde;Rij;CIO;Grensbedrijf;BE0860244894;derde.rij@grensbedrijf.be;;;nl;LinkedIn;;");

        var preview = await Import.PreviewAsync(Stream(csv.ToString()), new ImportBatch(AssessmentId, SalesData.Note));
        var summary = await Import.ImportAsync(Stream(csv.ToString()), new ImportBatch(AssessmentId, SalesData.Note));

        Assert.Equal(ImportRowStatus.Duplicate, preview.Rows[ProspectImportService.PartSize].Status);
        Assert.Equal(ProspectImportService.PartSize + 1, preview.Count(ImportRowStatus.Valid));
        Assert.Equal((ProspectImportService.PartSize + 1, 1, 1), (summary.Imported, summary.Skipped, summary.CompaniesCreated));
        await using var check = Db.CreateContext();
        var company = await check.Companies.AsNoTracking().SingleAsync(c => c.Name == "Grensbedrijf");
        Assert.Equal("0860.244.894", company.EnterpriseNumber);
        Assert.Equal(["Derde", "Eerste"], (await check.Prospects.AsNoTracking().Where(p => p.CompanyId == company.Id).Select(p => p.FirstName).ToListAsync()).Order());
        Assert.False(await check.Prospects.AnyAsync(p => p.FirstName == "Tweede"));
    }

    [Fact]
    public async Task A_person_already_in_the_CRM_is_a_duplicate_even_when_the_row_has_another_problem()
    {
        var csv = Header + "\nEls;Dubbel;CISO;Kempen ICT;;els.dubbel@kempen-ict.be;;;nl;Beurs;;";

        var row = Assert.Single((await Import.PreviewAsync(Stream(csv), new ImportBatch(AssessmentId, SalesData.Note))).Rows);

        Assert.Equal(ImportRowStatus.Duplicate, row.Status);
        Assert.Equal(["ValueUnknown", "DuplicateInCrm"], row.Errors.Select(e => e.Code));
    }

    [Fact]
    public async Task A_repeat_in_the_file_is_a_duplicate_of_an_earlier_valid_row_only()
    {
        var csv = Header + """

            Lotte;Janssens;CIO;Kempen ICT;;lotte@kempen-ict.be;;;nl;LinkedIn;;
            Lotte;Janssens;CIO;Kempen ICT;;LOTTE@kempen-ict.be;;;nl;LinkedIn;;
            Marc;Fout;CTO;Kempen ICT;;marc@kempen-ict.be;;;nl;Fax;;
            Marc;Claes;CTO;Kempen ICT;;marc@kempen-ict.be;;;nl;LinkedIn;;
            """;

        var preview = await Import.PreviewAsync(Stream(csv), new ImportBatch(AssessmentId, SalesData.Note));

        Assert.Equal([ImportRowStatus.Valid, ImportRowStatus.Duplicate, ImportRowStatus.Invalid, ImportRowStatus.Valid], preview.Rows.Select(r => r.Status));
        Assert.Equal("DuplicateInFile", Assert.Single(preview.Rows[1].Errors).Code);
    }

    [Fact]
    public async Task The_preview_and_the_import_keep_the_rejected_rows_as_the_file_had_them()
    {
        // The user's own header: another order, other case, a column the import does not know.
        var csv = """
            company;FIRSTNAME;LastName;Email;Source;Remark
            Kempen ICT;Lotte;Janssens;lotte@kempen-ict.be;LinkedIn;ok
            Kempen ICT;Bram;Fout;bram(at)kempen-ict.be;LinkedIn;=1+1
            Kempen ICT;Els;Dubbel;els.dubbel@kempen-ict.be;Event;
            """;
        var batch = new ImportBatch(AssessmentId, SalesData.Note);

        var preview = await Import.PreviewAsync(Stream(csv), batch);
        var summary = await Import.ImportAsync(Stream(csv), batch);

        foreach (var rejected in new[] { preview.Rejected, summary.Rejected })
        {
            Assert.Equal(["company", "FIRSTNAME", "LastName", "Email", "Source", "Remark"], rejected.Header);
            Assert.Equal([3, 4], rejected.Rows.Select(r => r.Result.Line));
            Assert.Equal(["Kempen ICT", "Bram", "Fout", "bram(at)kempen-ict.be", "LinkedIn", "=1+1"], rejected.Rows[0].Cells);
            Assert.Equal([ImportRowStatus.Invalid, ImportRowStatus.Duplicate], rejected.Rows.Select(r => r.Result.Status));
            Assert.Contains(rejected.Rows[0].Result.Errors, e => e.Code == "EmailInvalid");
        }

        Assert.Equal(1, summary.Imported);
    }

    [Fact]
    public async Task The_template_has_the_import_columns_and_one_example_row_that_imports_as_it_is()
    {
        var template = ProspectImportService.Template();

        var row = Assert.Single(CsvRows.Read(template, ProspectImportService.Columns));
        Assert.EndsWith(".example", row["Email"], StringComparison.Ordinal);
        var preview = await Import.PreviewAsync(new MemoryStream(template), new ImportBatch(AssessmentId, null));
        Assert.Empty(preview.BatchErrors);
        Assert.Equal(ImportRowStatus.Valid, Assert.Single(preview.Rows).Status);
        Assert.Equal(1, preview.NewCompanies);
    }
}

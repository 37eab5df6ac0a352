using System.Text;
using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Partners;

public sealed class PartnerImportExportTests : PartnerTestBase
{
    private const string Header = "FirstName;LastName;JobFunction;Company;Email;Email2;Phone;Mobile;Street;PostalCode;City;Country;Language;LawfulBasis;Notes";

    /// <summary>
    /// Line 2 valid; 3 a bad e-mail; 4 an e-mail already on a contact; 5 an unknown company; 6 a prospect
    /// company; 7 the same person as line 2 again; 8 a bad Belgian postcode; 9 valid with a foreign address.
    /// </summary>
    private const string MixedFile = Header + """

        Lies;Janssens;CIO;herentals bouw;Lies.Janssens@Herentals-Bouw.be;lies@gmail.com;014 21 34 56;0478 99 88 77;Grote Markt 5;2200;Herentals;BE;fr;LegitimateInterest;Met at the fair
        Bram;Fout;CTO;Herentals Bouw;bram.fout(at)herentals-bouw.be;;;;;;;;nl;Contract;
        Els;Dubbel;CISO;Herentals Bouw;ELS.DUBBEL@herentals-bouw.be;;;;;;;;nl;Contract;
        Marc;Claes;CEO;Onbekend NV;marc@onbekend.be;;;;;;;;nl;Contract;
        Piet;Prospect;CEO;Kempen ICT;piet@kempen-ict.be;;;;;;;;nl;Contract;
        Lies;Janssens;CIO;Herentals Bouw;lies.janssens@herentals-bouw.be;;;;;;;;nl;Contract;
        Jo;Postcode;CIO;Herentals Bouw;jo@herentals-bouw.be;;;;Markt 1;22000;Herentals;BE;nl;Contract;
        Anke;Buitenland;Buyer;Netwerk Partners;anke@netwerk.nl;;;+31 20 123 4567;Damrak 1;1012 LG;Amsterdam;NL;en;;
        """;

    private static readonly ImportRowStatus[] MixedStatuses =
    [
        ImportRowStatus.Valid, ImportRowStatus.Invalid, ImportRowStatus.Duplicate, ImportRowStatus.Invalid,
        ImportRowStatus.Invalid, ImportRowStatus.Duplicate, ImportRowStatus.Invalid, ImportRowStatus.Valid,
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Data.CompanyAsync("Kempen ICT", CompanyType.Prospect);
        await CreateContactAsync(NewContact() with { FirstName = "Els", LastName = "Dubbel", Emails = ["els.dubbel@herentals-bouw.be"] });
    }

    [Fact]
    public async Task The_preview_reports_valid_invalid_duplicate_and_unknown_company_rows_and_saves_nothing()
    {
        var preview = await Csv.PreviewAsync(PartnerData.Stream(MixedFile), PartnerLawfulBasis.Contract);

        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9], preview.Rows.Select(r => r.Line));
        Assert.Equal(MixedStatuses, preview.Rows.Select(r => r.Status));
        Assert.Equal("Lies Janssens", preview.Rows[0].Name);
        Assert.Equal("herentals bouw", preview.Rows[0].CompanyName);
        Assert.Empty(preview.Rows[0].Errors);
        Assert.Contains(preview.Rows[1].Errors, e => e.Field == "Emails[0]" && e.Code == "EmailInvalid");
        Assert.Contains(preview.Rows[3].Errors, e => e.Field == nameof(PartnerContactInput.CompanyId) && e.Code == "CompanyUnknown");
        Assert.Contains(preview.Rows[4].Errors, e => e.Field == nameof(PartnerContactInput.CompanyId) && e.Code == "CompanyNotPartner");
        Assert.Contains(preview.Rows[6].Errors, e => e.Field == "Addresses[0].PostalCode" && e.Code == "PostalCodeInvalid");
        Assert.Equal(0, preview.NewCompanies);
        Assert.Equal(1, await Data.CountAsync<PartnerContact>());
        Assert.Empty(await Data.AuditAsync("PartnerContact.Imported"));
    }

    [Fact]
    public async Task The_import_stores_only_the_valid_rows_in_one_go_and_writes_one_audit_entry()
    {
        var auditBefore = await Data.AuditCountAsync();

        var summary = await Csv.ImportAsync(PartnerData.Stream(MixedFile), PartnerLawfulBasis.Contract);

        Assert.Equal((2, 6, 0), (summary.Imported, summary.Skipped, summary.CompaniesCreated));
        Assert.Equal(Header.Split(';'), summary.Rejected.Header);
        Assert.Equal([3, 4, 5, 6, 7, 8], summary.Rejected.Rows.Select(r => r.Result.Line));
        Assert.Equal(MixedStatuses.Where(s => s != ImportRowStatus.Valid), summary.Rejected.Rows.Select(r => r.Result.Status));
        Assert.Equal("bram.fout(at)herentals-bouw.be", summary.Rejected.Rows[0].Cells[4]);
        Assert.Equal(3, await Data.CountAsync<PartnerContact>());
        Assert.Equal(auditBefore + 1, await Data.AuditCountAsync());
        var entry = Assert.Single(await Data.AuditAsync("PartnerContact.Imported"));
        Assert.Equal("sales-1", entry.ActorId);
        Assert.StartsWith("created=2;skipped=6;ids=", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("Janssens", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("@", entry.Details, StringComparison.Ordinal);

        await using var context = Db.CreateContext();
        var lies = await context.PartnerContacts.AsNoTracking().Include(p => p.Emails).Include(p => p.Phones).Include(p => p.Addresses)
            .SingleAsync(p => p.LastName == "Janssens");
        Assert.Equal(CustomerId, lies.CompanyId);
        Assert.Equal(["lies.janssens@herentals-bouw.be", "lies@gmail.com"], lies.Emails.OrderBy(e => e.Id).Select(e => e.Address));
        Assert.Equal([(PhoneKind.Office, "+3214213456"), (PhoneKind.Mobile, "+32478998877")], lies.Phones.OrderBy(p => p.Id).Select(p => (p.Kind, p.Number)));
        Assert.Equal(("Grote Markt 5", "2200", "Herentals", "BE"), lies.Addresses.Select(a => (a.Street, a.PostalCode, a.City, a.CountryCode)).Single());
        Assert.Equal(PreferredLanguage.French, lies.PreferredLanguage);
        Assert.Equal(PartnerLawfulBasis.LegitimateInterest, lies.LawfulBasis);
        Assert.Equal("Met at the fair", lies.Notes);
        var anke = await context.PartnerContacts.AsNoTracking().Include(p => p.Addresses).SingleAsync(p => p.LastName == "Buitenland");
        Assert.Equal(SubcontractorId, anke.CompanyId);
        Assert.Equal(PartnerLawfulBasis.Contract, anke.LawfulBasis);
        Assert.Equal("NL", Assert.Single(anke.Addresses).CountryCode);
    }

    [Fact]
    public async Task CAT_PARTNER_a_row_without_a_lawful_basis_takes_the_batch_default_or_is_invalid()
    {
        var csv = Header + "\nLotte;Peeters;CIO;Herentals Bouw;lotte@herentals-bouw.be;;;;;;;;nl;;\nMarc;Claes;CTO;Herentals Bouw;marc@herentals-bouw.be;;;;;;;;nl;Friendship;";

        var withoutDefault = await Csv.PreviewAsync(PartnerData.Stream(csv), null);
        var withDefault = await Csv.PreviewAsync(PartnerData.Stream(csv), PartnerLawfulBasis.LegitimateInterest);

        Assert.Contains(withoutDefault.Rows[0].Errors, e => e.Field == nameof(PartnerContactInput.LawfulBasis) && e.Code == "LawfulBasisRequired");
        Assert.Equal(ImportRowStatus.Valid, withDefault.Rows[0].Status);
        Assert.Contains(withDefault.Rows[1].Errors, e => e.Field == nameof(PartnerContactInput.LawfulBasis) && e.Code == "ValueUnknown");
        var unknown = Assert.Single(withoutDefault.Rows[1].Errors, e => e.Field == nameof(PartnerContactInput.LawfulBasis));
        Assert.Equal(["Friendship", "Contract, LegitimateInterest"], unknown.Arguments);
    }

    [Fact]
    public async Task An_import_where_no_row_is_valid_saves_nothing_but_is_still_audited()
    {
        var csv = Header + "\nMarc;Claes;CEO;Onbekend NV;marc@onbekend.be;;;;;;;;nl;Contract;";

        var summary = await Csv.ImportAsync(PartnerData.Stream(csv), null);

        Assert.Equal((0, 1, 0), (summary.Imported, summary.Skipped, summary.CompaniesCreated));
        Assert.Equal(1, await Data.CountAsync<PartnerContact>());
        Assert.Equal("created=0;skipped=1", Assert.Single(await Data.AuditAsync("PartnerContact.Imported")).Details);
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Csv.PreviewAsync(PartnerData.Stream("Name;Email\nLies;lies@x.be"), null));

        Assert.Equal("CsvMissingColumns", Assert.Single(refusal.Errors).Code);
    }

    [Fact]
    public async Task An_exported_file_is_imported_again_as_the_same_contacts()
    {
        var original = new PartnerContactInput
        {
            FirstName = "Sanne", LastName = "Van den Broeck", JobFunction = "Head of IT", CompanyId = CustomerId,
            PreferredLanguage = PreferredLanguage.English, LawfulBasis = PartnerLawfulBasis.LegitimateInterest, Notes = "Calls back on Fridays.",
            Emails = ["sanne@herentals-bouw.be", "sanne.vdb@gmail.com"],
            Phones = [new PhoneInput(PhoneKind.Office, "014 85 37 97"), new PhoneInput(PhoneKind.Mobile, "0478 12 34 56")],
            Addresses = [new AddressInput("Grote Markt 1", "2200", "Herentals")],
        };
        var id = await CreateContactAsync(original);
        var before = await Contacts.GetAsync(id);
        var exported = await Csv.ExportAsync(new PartnerContactQuery(Search: "Van den Broeck"));

        var whileStored = await Csv.PreviewAsync(new MemoryStream(exported), null);
        await using (var context = Db.CreateContext())
        {
            context.PartnerContacts.Remove(await context.PartnerContacts.SingleAsync(p => p.Id == id));
            await context.SaveChangesAsync();
        }

        var summary = await Csv.ImportAsync(new MemoryStream(exported), null);

        var row = Assert.Single(whileStored.Rows);
        Assert.Equal("DuplicateInCrm", Assert.Single(row.Errors).Code);
        Assert.Equal(ImportRowStatus.Duplicate, row.Status);
        Assert.Equal((1, 0, 0), (summary.Imported, summary.Skipped, summary.CompaniesCreated));
        var found = await Contacts.SearchAsync(new PartnerContactQuery(Search: "Van den Broeck"), new Cisa.Crm.Core.Common.PageRequest(0, 10));
        var again = await Contacts.GetAsync(Assert.Single(found.Items).Id);
        Assert.Equal(before.Input.FirstName, again.Input.FirstName);
        Assert.Equal(before.Input.LastName, again.Input.LastName);
        Assert.Equal(before.Input.JobFunction, again.Input.JobFunction);
        Assert.Equal(before.Input.CompanyId, again.Input.CompanyId);
        Assert.Equal(before.Input.PreferredLanguage, again.Input.PreferredLanguage);
        Assert.Equal(before.Input.LawfulBasis, again.Input.LawfulBasis);
        Assert.Equal(before.Input.Notes, again.Input.Notes);
        Assert.Equal(before.Input.Emails, again.Input.Emails);
        Assert.Equal(before.Input.Phones, again.Input.Phones);
        Assert.Equal(before.Input.Addresses, again.Input.Addresses);
    }

    [Fact]
    public async Task The_export_uses_the_import_columns_with_a_byte_order_mark_and_follows_the_list_filter()
    {
        await CreateContactAsync(NewContact() with { LastName = "Janssens", PreferredLanguage = PreferredLanguage.French });

        var bytes = await Csv.ExportAsync(new PartnerContactQuery(Search: "Janssens"));

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes.Take(3));
        Assert.StartsWith(Header, Encoding.UTF8.GetString(bytes.AsSpan(3)), StringComparison.Ordinal);
        var row = Assert.Single(ReadCsv(bytes));
        Assert.Equal("fr", row["Language"]);
        Assert.Equal("Herentals Bouw", row["Company"]);
        Assert.Equal("Contract", row["LawfulBasis"]);
        Assert.Equal("'+3214211200", row["Phone"]);
    }

    [Fact]
    public async Task A_cell_starting_with_a_formula_character_is_neutralised_in_the_export()
    {
        await CreateContactAsync(NewContact() with
        {
            FirstName = "=HYPERLINK(\"http://evil.example\";\"x\")", LastName = "Formule", JobFunction = "@SUM(A1)", Notes = "-2+3",
        });

        var row = Assert.Single(ReadCsv(await Csv.ExportAsync(new PartnerContactQuery(Search: "Formule"))));

        Assert.Equal("'=HYPERLINK(\"http://evil.example\";\"x\")", row["FirstName"]);
        Assert.Equal("'@SUM(A1)", row["JobFunction"]);
        Assert.Equal("'-2+3", row["Notes"]);
        Assert.Equal("Formule", row["LastName"]);
    }

    [Fact]
    public async Task LOG_ACTIONS_an_export_writes_an_audit_entry_without_personal_data()
    {
        await CreateContactAsync();

        var bytes = await Csv.ExportAsync(new PartnerContactQuery());

        var entry = Assert.Single(await Data.AuditAsync("PartnerContact.Exported"));
        Assert.Equal("sales-1", entry.ActorId);
        Assert.Equal(nameof(PartnerContact), entry.EntityType);
        Assert.Null(entry.EntityId);
        Assert.Equal("rows=2", entry.Details);
        Assert.Equal(2, ReadCsv(bytes).Count);
    }

    [Fact]
    public async Task The_privacy_officer_and_HR_cannot_import_or_export()
    {
        foreach (var actor in new[] { SalesPeople.PrivacyOfficer, SalesPeople.Hr })
        {
            ActAs(actor);
            await Assert.ThrowsAsync<PermissionDeniedException>(() => Csv.PreviewAsync(PartnerData.Stream(MixedFile), PartnerLawfulBasis.Contract));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => Csv.ImportAsync(PartnerData.Stream(MixedFile), PartnerLawfulBasis.Contract));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => Csv.ExportAsync(new PartnerContactQuery()));
        }

        Assert.Empty(await Data.AuditAsync("PartnerContact.Exported"));
        Assert.Empty(await Data.AuditAsync("PartnerContact.Imported"));
    }

    private static List<Dictionary<string, string>> ReadCsv(byte[] bytes) => CsvRows.Read(bytes, PartnerContactCsvService.Columns);

    [Fact]
    public async Task The_template_has_the_import_columns_and_one_example_row_that_only_lacks_a_company_the_CRM_knows()
    {
        var template = PartnerContactCsvService.Template();

        var row = Assert.Single(ReadCsv(template));
        Assert.EndsWith(".example", row["Email"], StringComparison.Ordinal);
        var preview = await Csv.PreviewAsync(new MemoryStream(template), null);
        var result = Assert.Single(preview.Rows);
        Assert.Equal("CompanyUnknown", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task A_contact_already_in_the_CRM_is_a_duplicate_even_when_the_row_has_another_problem()
    {
        var csv = Header + "\nEls;Dubbel;CISO;Herentals Bouw;els.dubbel@herentals-bouw.be;;;;;;;;nl;Friendship;";

        var row = Assert.Single((await Csv.PreviewAsync(PartnerData.Stream(csv), PartnerLawfulBasis.Contract)).Rows);

        Assert.Equal(ImportRowStatus.Duplicate, row.Status);
        Assert.Equal(["ValueUnknown", "DuplicateInCrm"], row.Errors.Select(e => e.Code));
    }

    [Fact]
    public async Task DSR_OBJECT_an_office_number_on_the_suppression_list_is_caught_on_import_too()
    {
        await using (var context = Db.CreateContext())
        {
            await Db.Get<Cisa.Crm.Core.Privacy.Suppression.SuppressionList>().AddAsync(context, null, "+3214853797", "REQ-2", CancellationToken.None);
        }

        var csv = Header + "\nMarc;Claes;CTO;Herentals Bouw;marc.claes@herentals-bouw.be;;014 85 37 97;;;;;;nl;Contract;";
        var preview = await Csv.PreviewAsync(PartnerData.Stream(csv), null);

        Assert.Equal(Cisa.Crm.Core.Common.Import.ImportRowStatus.Suppressed, Assert.Single(preview.Rows).Status);
    }
}

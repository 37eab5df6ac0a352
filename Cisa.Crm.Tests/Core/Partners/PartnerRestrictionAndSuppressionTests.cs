using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Tests.Core.Prospects;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Core.Partners;

public sealed class PartnerRestrictionAndSuppressionTests : PartnerTestBase
{
    private const string Header = "FirstName;LastName;JobFunction;Company;Email;Email2;Phone;Mobile;Street;PostalCode;City;Country;Language;LawfulBasis;Notes";

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_contact_cannot_be_updated()
    {
        var id = await CreateContactAsync();
        var before = await Contacts.GetAsync(id);
        await Data.RestrictAsync(id);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Contacts.UpdateAsync(id, before.Input with { JobFunction = "CEO" }, before.Version));

        Assert.Equal("Restricted", refusal.Code);
        Assert.Equal("Facility manager", (await Contacts.GetAsync(id)).Input.JobFunction);
        Assert.Empty(await Data.AuditAsync("PartnerContact.Updated"));
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_contact_cannot_be_disclosed()
    {
        var id = await CreateContactAsync();
        await Data.RestrictAsync(id);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => Disclosures.RecordAsync(id, PartnerData.MinimalDisclosure(SubcontractorId)));

        Assert.Equal("Restricted", refusal.Code);
        Assert.Empty(await Disclosures.RecipientsOfAsync(id));
        Assert.Empty(await Data.AuditAsync("Disclosure.Recorded"));
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_contact_is_left_out_of_the_default_list_but_can_be_asked_for()
    {
        var restricted = await CreateContactAsync(NewContact() with { LastName = "Beperkt" });
        var other = await CreateContactAsync(NewContact() with { LastName = "Vrij" });
        await Data.RestrictAsync(restricted);

        var list = await Contacts.SearchAsync(new PartnerContactQuery(), new PageRequest(0, 50));
        var byName = await Contacts.SearchAsync(new PartnerContactQuery(Search: "Beperkt"), new PageRequest(0, 50));
        var byCompany = await Contacts.SearchAsync(new PartnerContactQuery(CompanyId: CustomerId), new PageRequest(0, 50));
        var included = await Contacts.SearchAsync(new PartnerContactQuery(IncludeRestricted: true), new PageRequest(0, 50));

        Assert.Equal(other, Assert.Single(list.Items).Id);
        Assert.Equal(1, list.TotalCount);
        Assert.Empty(byName.Items);
        Assert.Equal(other, Assert.Single(byCompany.Items).Id);
        Assert.Equal(2, included.TotalCount);
        Assert.True(included.Items.Single(p => p.Id == restricted).IsRestricted);
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_contact_stays_visible_and_marked_on_its_page()
    {
        var id = await CreateContactAsync();
        await Data.RestrictAsync(id);

        Assert.True((await Contacts.GetAsync(id)).IsRestricted);
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_contact_is_left_out_of_the_export_even_when_asked_for()
    {
        var restricted = await CreateContactAsync(NewContact() with { LastName = "Beperkt" });
        await CreateContactAsync(NewContact() with { LastName = "Vrij" });
        await Data.RestrictAsync(restricted);

        var text = System.Text.Encoding.UTF8.GetString(await Csv.ExportAsync(new PartnerContactQuery(IncludeRestricted: true)));

        Assert.DoesNotContain("Beperkt", text, StringComparison.Ordinal);
        Assert.Contains("Vrij", text, StringComparison.Ordinal);
        Assert.Equal("rows=1", Assert.Single(await Data.AuditAsync("PartnerContact.Exported")).Details);
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_agency_contact_is_not_shown_to_HR()
    {
        var agency = await Data.CompanyAsync("Jobs Kempen", Cisa.Crm.Core.Companies.CompanyType.RecruitmentAgency);
        var id = await CreateContactAsync(NewContact(agency));
        await Data.RestrictAsync(id);
        ActAs(SalesPeople.Hr);

        Assert.Empty(await Contacts.AgencyContactsAsync(agency));
    }

    [Fact]
    public async Task DSR_OBJECT_a_contact_whose_email_is_on_the_suppression_list_is_refused_on_create()
    {
        await Data.SuppressAsync("bezwaar@herentals-bouw.be");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => CreateContactAsync(NewContact() with
        {
            Emails = ["nieuw@herentals-bouw.be", "Bezwaar@Herentals-Bouw.be"],
        }));

        Assert.Equal("Suppressed", refusal.Code);
        Assert.Equal(0, await Data.CountAsync<PartnerContact>());
        Assert.Empty(await Data.AuditAsync("PartnerContact.Created"));
    }

    [Fact]
    public async Task DSR_OBJECT_a_contact_whose_phone_is_on_the_suppression_list_is_refused_on_create()
    {
        await Data.SuppressAsync(null, "+32478123456");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => CreateContactAsync(NewContact() with
        {
            Emails = [],
            Phones = [new PhoneInput(PhoneKind.Mobile, "0478 12 34 56")],
        }));

        Assert.Equal("Suppressed", refusal.Code);
    }

    [Fact]
    public async Task DSR_OBJECT_an_update_adding_a_suppressed_email_is_refused()
    {
        var id = await CreateContactAsync();
        var before = await Contacts.GetAsync(id);
        await Data.SuppressAsync("bezwaar@herentals-bouw.be");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Contacts.UpdateAsync(id, before.Input with { Emails = [.. before.Input.Emails, "bezwaar@herentals-bouw.be"] }, before.Version));

        Assert.Equal("Suppressed", refusal.Code);
        Assert.Single((await Contacts.GetAsync(id)).Input.Emails);
    }

    [Fact]
    public async Task DSR_OBJECT_a_suppressed_row_is_marked_in_the_import_and_not_imported()
    {
        await Data.SuppressAsync("bezwaar@herentals-bouw.be");
        var csv = Header + """

            Bert;Bezwaar;CFO;Herentals Bouw;BEZWAAR@herentals-bouw.be;;;;;;;;nl;Contract;
            Lies;Goed;CIO;Herentals Bouw;lies@herentals-bouw.be;;;;;;;;nl;Contract;
            """;

        var preview = await Csv.PreviewAsync(PartnerData.Stream(csv), null);
        var summary = await Csv.ImportAsync(PartnerData.Stream(csv), null);

        Assert.Equal([ImportRowStatus.Suppressed, ImportRowStatus.Valid], preview.Rows.Select(r => r.Status));
        Assert.Equal((1, 1, 0), (summary.Imported, summary.Skipped, summary.CompaniesCreated));
        Assert.Equal(1, await Data.CountAsync<PartnerContact>());
    }

    [Theory]
    [MemberData(nameof(HostileText.InvisibleInEmail), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task DSR_OBJECT_a_contact_whose_suppressed_email_hides_an_invisible_character_is_refused_on_create(string email)
    {
        await Data.SuppressAsync("jan.peeters@firma.be");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => CreateContactAsync(NewContact() with { Emails = [email] }));

        Assert.Equal("Suppressed", refusal.Code);
        Assert.Equal(0, await Data.CountAsync<PartnerContact>());
    }

    [Theory]
    [MemberData(nameof(HostileText.InvisibleInEmail), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task DSR_OBJECT_import_marks_a_contact_whose_suppressed_email_hides_an_invisible_character(string email)
    {
        await Data.SuppressAsync("jan.peeters@firma.be");
        var csv = Header + $"\nJan;Peeters;CFO;Herentals Bouw;{email};;;;;;;;nl;Contract;\n";

        var preview = await Csv.PreviewAsync(PartnerData.Stream(csv), null);

        Assert.Equal(ImportRowStatus.Suppressed, Assert.Single(preview.Rows).Status);
    }

    [Theory]
    [MemberData(nameof(HostileText.InvisibleInEmail), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task DSR_OBJECT_a_contact_whose_email_hides_an_invisible_character_is_a_duplicate_of_the_plain_one(string email)
    {
        await CreateContactAsync(NewContact() with { Emails = ["jan.peeters@firma.be"] });

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with { Emails = [email] }));

        Assert.Contains(refusal.Errors, e => e.Code.StartsWith("Duplicate", StringComparison.Ordinal));
        Assert.Equal(1, await Data.CountAsync<PartnerContact>());
    }
}

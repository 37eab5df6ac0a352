using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Partners;

public sealed class PartnerContactValidationTests : PartnerTestBase
{
    [Fact]
    public async Task CAT_PARTNER_a_contact_with_two_emails_an_office_and_a_mobile_phone_and_an_address_is_stored_normalised()
    {
        var id = await CreateContactAsync(NewContact() with
        {
            FirstName = "  Katrien ",
            PreferredLanguage = PreferredLanguage.French,
            LawfulBasis = PartnerLawfulBasis.LegitimateInterest,
            Notes = "Prefers e-mail before 10:00.",
            Emails = ["Katrien.Wouters@Herentals-Bouw.BE", " K.WOUTERS@gmail.com "],
            Phones = [new PhoneInput(PhoneKind.Office, "014 85 37 97"), new PhoneInput(PhoneKind.Mobile, "0478 12 34 56")],
            Addresses = [new AddressInput("Grote Markt 1", "2200", "Herentals")],
        });

        var details = await Contacts.GetAsync(id);

        Assert.Equal("Katrien", details.Input.FirstName);
        Assert.Equal(["katrien.wouters@herentals-bouw.be", "k.wouters@gmail.com"], details.Input.Emails);
        Assert.Equal([new PhoneInput(PhoneKind.Office, "+3214853797"), new PhoneInput(PhoneKind.Mobile, "+32478123456")], details.Input.Phones);
        Assert.Equal([new AddressInput("Grote Markt 1", "2200", "Herentals", "BE")], details.Input.Addresses);
        Assert.Equal(PreferredLanguage.French, details.Input.PreferredLanguage);
        Assert.Equal(PartnerLawfulBasis.LegitimateInterest, details.Input.LawfulBasis);
        Assert.Equal("Herentals Bouw", details.CompanyName);
        Assert.Equal(CompanyType.Customer, details.CompanyType);
        Assert.False(details.IsRestricted);
    }

    [Fact]
    public async Task Invalid_email_phone_and_Belgian_postcode_are_reported_on_their_indexed_fields_and_nothing_is_saved()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with
        {
            Emails = ["ok@herentals-bouw.be", "not-an-address"],
            Phones = [new PhoneInput(PhoneKind.Office, "12345"), new PhoneInput(PhoneKind.Mobile, "0478 12 34 56")],
            Addresses = [new AddressInput("Grote Markt 1", "22000", "Herentals", "BE")],
        }));

        Assert.Equal("EmailInvalid", Assert.Single(refusal.For("Emails[1]")).Code);
        Assert.Empty(refusal.For("Emails[0]"));
        Assert.Equal("PhoneInvalid", Assert.Single(refusal.For("Phones[0]")).Code);
        Assert.Empty(refusal.For("Phones[1]"));
        Assert.Equal("PostalCodeInvalid", Assert.Single(refusal.For("Addresses[0].PostalCode")).Code);
        Assert.Equal(0, await Data.CountAsync<PartnerContact>());
        Assert.Equal(0, await Data.CountAsync<PartnerContactEmail>());
        Assert.Empty(await Data.AuditAsync("PartnerContact.Created"));
    }

    [Theory]
    [InlineData("0200")]
    [InlineData("220")]
    [InlineData("22A0")]
    public async Task A_Belgian_postcode_that_is_not_four_digits_from_1000_is_refused(string postalCode)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with
        {
            Addresses = [new AddressInput("Markt 1", "2200", "Herentals"), new AddressInput("Kerkstraat 2", postalCode, "Geel")],
        }));

        Assert.Equal("PostalCodeInvalid", Assert.Single(refusal.Errors).Code);
        Assert.Equal("Addresses[1].PostalCode", refusal.Errors[0].Field);
    }

    [Fact]
    public async Task A_foreign_address_with_a_non_Belgian_postcode_is_accepted()
    {
        var id = await CreateContactAsync(NewContact() with
        {
            Addresses = [new AddressInput("Damrak 1", "1012 LG", "Amsterdam", "nl")],
        });

        Assert.Equal([new AddressInput("Damrak 1", "1012 LG", "Amsterdam", "NL")], (await Contacts.GetAsync(id)).Input.Addresses);
    }

    [Fact]
    public async Task An_address_with_an_invalid_country_code_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with
        {
            Addresses = [new AddressInput("Damrak 1", "1012 LG", "Amsterdam", "N1")],
        }));

        Assert.Contains(refusal.For("Addresses[0].CountryCode"), e => e.Code == "CountryInvalid");
    }

    [Fact]
    public async Task CAT_PARTNER_a_contact_at_a_prospect_company_is_refused()
    {
        var prospectCompany = await Data.CompanyAsync("Kempen ICT", CompanyType.Prospect);

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact(prospectCompany)));

        Assert.Equal("CompanyNotPartner", Assert.Single(refusal.For(nameof(PartnerContactInput.CompanyId))).Code);
        Assert.Equal(0, await Data.CountAsync<PartnerContact>());
    }

    [Theory]
    [InlineData(CompanyType.Customer)]
    [InlineData(CompanyType.Supplier)]
    [InlineData(CompanyType.Subcontractor)]
    [InlineData(CompanyType.RecruitmentAgency)]
    public async Task CAT_PARTNER_a_contact_may_belong_to_any_partner_company_type(CompanyType type)
    {
        var company = await Data.CompanyAsync($"Partner {type}", type);

        var id = await CreateContactAsync(NewContact(company));

        Assert.Equal(type, (await Contacts.GetAsync(id)).CompanyType);
    }

    [Fact]
    public async Task A_contact_at_an_unknown_company_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact(9999)));

        Assert.Contains(refusal.For(nameof(PartnerContactInput.CompanyId)), e => e.Code == "Required");
    }

    [Fact]
    public async Task CAT_PARTNER_the_lawful_basis_is_required()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with { LawfulBasis = null }));

        Assert.Equal("LawfulBasisRequired", Assert.Single(refusal.Errors).Code);
        Assert.Equal(nameof(PartnerContactInput.LawfulBasis), refusal.Errors[0].Field);
    }

    [Fact]
    public async Task CAT_PARTNER_an_undefined_lawful_basis_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with { LawfulBasis = (PartnerLawfulBasis)42 }));

        Assert.Contains(refusal.For(nameof(PartnerContactInput.LawfulBasis)), e => e.Code == "ChoiceUnknown");
    }

    [Fact]
    public async Task Names_are_required()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with { FirstName = " ", LastName = null }));

        Assert.Contains(refusal.For(nameof(PartnerContactInput.FirstName)), e => e.Code == "Required");
        Assert.Contains(refusal.For(nameof(PartnerContactInput.LastName)), e => e.Code == "Required");
    }

    [Fact]
    public async Task A_contact_without_any_email_or_phone_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with { Emails = [" "], Phones = [] }));

        Assert.Equal("ContactRequired", Assert.Single(refusal.For("Emails[0]")).Code);
    }

    [Fact]
    public async Task More_than_five_emails_are_refused()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with
        {
            Emails = Enumerable.Range(1, PartnerLimits.MaxEmails + 1).Select(i => (string?)$"k{i}@herentals-bouw.be").ToList(),
        }));

        Assert.Equal("TooMany", Assert.Single(refusal.For(nameof(PartnerContactInput.Emails))).Code);
    }

    [Fact]
    public async Task MINIMISE_notes_longer_than_the_limit_are_refused()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with { Notes = new string('x', PartnerLimits.Notes + 1) }));

        Assert.Equal("TooLong", Assert.Single(refusal.For(nameof(PartnerContactInput.Notes))).Code);
    }

    [Fact]
    public async Task The_same_email_twice_in_the_list_is_refused_on_the_second_entry()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with
        {
            Emails = ["katrien@herentals-bouw.be", "KATRIEN@herentals-bouw.be"],
        }));

        Assert.Equal("DuplicateInList", Assert.Single(refusal.Errors).Code);
        Assert.Equal("Emails[1]", refusal.Errors[0].Field);
    }

    [Fact]
    public async Task The_same_phone_twice_in_the_list_in_two_spellings_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with
        {
            Phones = [new PhoneInput(PhoneKind.Office, "014 85 37 97"), new PhoneInput(PhoneKind.Mobile, "+32 14 85 37 97")],
        }));

        Assert.Equal("DuplicateInList", Assert.Single(refusal.For("Phones[1]")).Code);
    }

    /// <summary>The error sits on the box that holds the address, also when an earlier box is left blank.</summary>
    [Theory]
    [InlineData("other@herentals-bouw.be", "Katrien@Herentals-Bouw.be")]
    [InlineData("", "katrien@herentals-bouw.be")]
    public async Task An_email_already_on_another_contact_is_refused_on_its_own_index(string first, string second)
    {
        await CreateContactAsync(NewContact() with { Emails = ["katrien@herentals-bouw.be"] });

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with
        {
            Emails = [first, second],
        }));

        Assert.Equal("DuplicateEmail", Assert.Single(refusal.Errors).Code);
        Assert.Equal("Emails[1]", refusal.Errors[0].Field);
        Assert.Equal(1, await Data.CountAsync<PartnerContact>());
    }

    [Fact]
    public async Task A_phone_already_on_another_contact_is_refused()
    {
        await CreateContactAsync(NewContact() with { Phones = [new PhoneInput(PhoneKind.Mobile, "0478 12 34 56")] });

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with
        {
            Phones = [new PhoneInput(PhoneKind.Mobile, "+32478123456")],
        }));

        Assert.Equal("DuplicatePhone", Assert.Single(refusal.For("Phones[0]")).Code);
    }

    [Fact]
    public async Task An_update_keeps_its_own_email_and_saves_the_change_with_a_new_version()
    {
        var id = await CreateContactAsync();
        var before = await Contacts.GetAsync(id);

        var version = await Contacts.UpdateAsync(id, before.Input with { JobFunction = "Plant manager", Emails = [.. before.Input.Emails, "second@herentals-bouw.be"] }, before.Version);

        var after = await Contacts.GetAsync(id);
        Assert.NotEqual(before.Version, version);
        Assert.Equal(version, after.Version);
        Assert.Equal("Plant manager", after.Input.JobFunction);
        Assert.Equal(2, after.Input.Emails.Count);
        var entry = Assert.Single(await Data.AuditAsync("PartnerContact.Updated"));
        Assert.Contains("JobFunction", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("second@herentals-bouw.be", entry.Details ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_on_a_stale_version_is_a_concurrency_conflict_and_overwrites_nothing()
    {
        var id = await CreateContactAsync();
        var seenBySofie = await Contacts.GetAsync(id);
        await Data.AsAsync(SalesPeople.Tom, () => Contacts.UpdateAsync(id, seenBySofie.Input with { JobFunction = "CFO" }, seenBySofie.Version));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Contacts.UpdateAsync(id, seenBySofie.Input with { JobFunction = "CEO" }, seenBySofie.Version));

        Assert.Equal("ConcurrencyConflict", conflict.Code);
        Assert.Equal("CFO", (await Contacts.GetAsync(id)).Input.JobFunction);
        Assert.Single(await Data.AuditAsync("PartnerContact.Updated"));
    }

    [Fact]
    public async Task An_update_that_moves_a_contact_to_a_prospect_company_is_refused()
    {
        var id = await CreateContactAsync();
        var before = await Contacts.GetAsync(id);
        var prospectCompany = await Data.CompanyAsync("Kempen ICT", CompanyType.Prospect);

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Contacts.UpdateAsync(id, before.Input with { CompanyId = prospectCompany }, before.Version));

        Assert.Equal("CompanyNotPartner", Assert.Single(refusal.Errors).Code);
        Assert.Equal(CustomerId, (await Contacts.GetAsync(id)).Input.CompanyId);
    }

    [Fact]
    public async Task CAT_PARTNER_a_contact_stays_editable_or_its_company_cannot_become_a_prospect()
    {
        var id = await CreateContactAsync();
        var contact = await Contacts.GetAsync(id);
        var company = await Companies.GetAsync(CustomerId);

        var typeChange = await Record.ExceptionAsync(() => Companies.UpdateAsync(CustomerId, company.Input with { Type = CompanyType.Prospect }, company.Version));
        var rectification = await Record.ExceptionAsync(() => Contacts.UpdateAsync(id, contact.Input with { JobFunction = "Plant manager" }, contact.Version));

        Assert.True(typeChange is CrmException || rectification is null, $"Type change accepted and then the rectification refused: {rectification?.Message}");
    }

    [Fact]
    public async Task Updating_an_unknown_contact_is_not_found()
    {
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Contacts.UpdateAsync(4242, NewContact(), Guid.NewGuid()));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Contacts.GetAsync(4242));
    }

    [Fact]
    public async Task Two_contacts_may_share_an_office_number_but_not_a_mobile_number()
    {
        await CreateContactAsync(NewContact() with { Phones = [new PhoneInput(PhoneKind.Office, "014 85 37 97"), new PhoneInput(PhoneKind.Mobile, "0478 12 34 56")] });

        var colleague = await CreateContactAsync(NewContact() with { Phones = [new PhoneInput(PhoneKind.Office, "+32 14 85 37 97")] });
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            CreateContactAsync(NewContact() with { Phones = [new PhoneInput(PhoneKind.Office, null), new PhoneInput(PhoneKind.Mobile, "+32478123456")] }));

        Assert.True(colleague > 0);
        var error = Assert.Single(refusal.Errors);
        Assert.Equal(("Phones[1]", "DuplicatePhone"), (error.Field, error.Code));
    }
}

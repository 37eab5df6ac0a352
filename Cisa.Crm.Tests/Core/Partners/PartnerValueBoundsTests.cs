using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.People;

namespace Cisa.Crm.Tests.Core.Partners;

/// <summary>Dates, country codes and coded values no person means are refused at their field, and nothing is saved (issue 18, defect 6).</summary>
public sealed class PartnerValueBoundsTests : PartnerTestBase
{
    [Fact]
    public async Task RET_PARTNER_a_relationship_ended_on_1_January_0001_is_refused_and_leaves_the_contacts_without_an_erasure_date()
    {
        var id = await CreateContactAsync();
        var company = await Companies.GetAsync(CustomerId);

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Companies.UpdateAsync(CustomerId, company.Input with { RelationshipEndedOn = DateOnly.MinValue }, company.Version));

        Assert.Contains(refusal.For(nameof(CompanyInput.RelationshipEndedOn)), e => e.Code == "DateOutOfRange");
        var details = await Contacts.GetAsync(id);
        Assert.Null(details.RelationshipEndedOn);
        Assert.Null(details.RetentionUntil);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("UK")]
    [InlineData("QQ")]
    public async Task An_address_in_a_country_that_is_not_an_ISO_3166_code_is_refused(string country)
    {
        var input = NewContact() with { Addresses = [new AddressInput("Hoofdstraat 1", "12345", "Nergens", country)] };

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(input));

        Assert.Contains(refusal.For("Addresses[0].CountryCode"), e => e.Code == "CountryInvalid");
        Assert.Equal(0, await Data.CountAsync<PartnerContact>());
    }

    [Fact]
    public async Task An_address_abroad_keeps_its_ISO_3166_code()
    {
        var id = await CreateContactAsync(NewContact() with { Addresses = [new AddressInput("Kalverstraat 1", "1012 NX", "Amsterdam", "nl")] });

        Assert.Equal("NL", Assert.Single((await Contacts.GetAsync(id)).Input.Addresses).CountryCode);
    }

    [Fact]
    public async Task A_phone_kind_or_language_out_of_the_enum_is_refused_at_its_field()
    {
        var input = NewContact() with { PreferredLanguage = (PreferredLanguage)42, Phones = [new PhoneInput((PhoneKind)42, "014 21 10 00")] };

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(input));

        Assert.Contains(refusal.For(nameof(PartnerContactInput.PreferredLanguage)), e => e.Code == "ChoiceUnknown");
        Assert.Contains(refusal.For("Phones[0]"), e => e.Code == "ChoiceUnknown");
        Assert.Equal(0, await Data.CountAsync<PartnerContact>());
    }

    [Fact]
    public async Task SHARE_MIN_a_disclosure_dated_1_January_0001_or_of_an_unknown_field_is_refused()
    {
        var id = await CreateContactAsync();
        var disclosure = PartnerData.MinimalDisclosure(SubcontractorId);

        var early = await Assert.ThrowsAsync<CrmValidationException>(() => Disclosures.RecordAsync(id, disclosure with { DisclosedOn = DateOnly.MinValue }));
        var unknown = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Disclosures.RecordAsync(id, disclosure with { Fields = [.. disclosure.Fields, (DisclosedField)42] }));

        Assert.Contains(early.For(nameof(DisclosureInput.DisclosedOn)), e => e.Code == "DateOutOfRange");
        Assert.Contains(unknown.For(nameof(DisclosureInput.Fields)), e => e.Code == "ChoiceUnknown");
        Assert.Equal(0, await Data.CountAsync<Disclosure>());
    }
}

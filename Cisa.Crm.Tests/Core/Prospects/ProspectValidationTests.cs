using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Core.Prospects;

public sealed class ProspectValidationTests : SalesTestBase
{
    [Fact]
    public async Task SOURCE_a_prospect_without_a_source_is_refused()
    {
        await CreateRefusedAsync(NewProspect() with { Source = null }, "SourceRequired", nameof(ProspectInput.Source));
        Assert.Equal(0, await Data.CountAsync<Prospect>());
    }

    [Fact]
    public async Task SOURCE_an_unknown_source_value_is_refused()
    {
        await CreateRefusedAsync(NewProspect() with { Source = (ProspectSource)42 }, "ChoiceUnknown", nameof(ProspectInput.Source));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task SOURCE_other_requires_a_detail(string? detail)
    {
        await CreateRefusedAsync(NewProspect() with { Source = ProspectSource.Other, SourceDetail = detail }, "SourceDetailRequired", nameof(ProspectInput.SourceDetail));
    }

    [Fact]
    public async Task SOURCE_other_with_a_detail_is_kept_with_the_prospect()
    {
        var id = await CreateProspectAsync(NewProspect() with { Source = ProspectSource.Other, SourceDetail = "  Chamber of commerce member list  " });

        var details = await Prospects.GetAsync(id);

        Assert.Equal(ProspectSource.Other, details.Input.Source);
        Assert.Equal("Chamber of commerce member list", details.Input.SourceDetail);
    }

    [Fact]
    public async Task SOURCE_a_source_other_than_other_needs_no_detail()
    {
        Assert.Equal(ProspectSource.LinkedIn, (await StoredAsync(NewProspect() with { Source = ProspectSource.LinkedIn, SourceDetail = null })).Source);
    }

    [Fact]
    public async Task The_creation_is_audited_with_source_and_assessment_and_without_personal_data()
    {
        var id = await CreateProspectAsync();

        var entry = Assert.Single(await Data.AuditAsync("Prospect.Created"));
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal($"source=CompanyWebsite;assessment={AssessmentId}", entry.Details);
        Assert.Equal("sales-1", entry.ActorId);
    }

    [Theory]
    [InlineData("014 85 37 97", "+3214853797")]
    [InlineData("0478/12.34.56", "+32478123456")]
    [InlineData("+32 478 12 34 56", "+32478123456")]
    [InlineData("0032 14 85 37 97", "+3214853797")]
    public async Task Belgian_local_phone_formats_are_stored_in_E164(string typed, string stored)
    {
        Assert.Equal(stored, (await StoredAsync(NewProspect() with { Phone = typed, Mobile = null })).Phone);
    }

    [Fact]
    public async Task A_mobile_number_is_normalised_too()
    {
        Assert.Equal("+32478123456", (await StoredAsync(NewProspect() with { Mobile = "0478 12 34 56" })).Mobile);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("not a number")]
    [InlineData("0478 12 34")]
    public async Task An_invalid_phone_number_is_refused_with_a_field_error(string typed)
    {
        await CreateRefusedAsync(NewProspect() with { Phone = typed, Mobile = typed }, "PhoneInvalid", nameof(ProspectInput.Phone), nameof(ProspectInput.Mobile));
        Assert.Equal(0, await Data.CountAsync<Prospect>());
    }

    [Fact]
    public async Task The_email_address_is_stored_in_lower_case()
    {
        Assert.Equal("jan.peeters@firma.be", (await StoredAsync(NewProspect() with { Email = "  Jan.Peeters@Firma.BE " })).Email);
    }

    [Theory]
    [InlineData("jan.peeters")]
    [InlineData("jan@peeters@firma.be")]
    [InlineData("jan peeters@firma.be")]
    [InlineData("jan@localhost")]
    public async Task An_invalid_email_address_is_refused_with_a_field_error(string typed)
    {
        await CreateRefusedAsync(NewProspect() with { Email = typed }, "EmailInvalid", nameof(ProspectInput.Email));
    }

    [Fact]
    public async Task A_prospect_without_any_way_to_reach_them_is_refused()
    {
        await CreateRefusedAsync(NewProspect() with { Email = null, Phone = null, Mobile = null }, "ContactRequired", nameof(ProspectInput.Email));
    }

    [Fact]
    public async Task Names_are_required_and_bounded()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            CreateProspectAsync(NewProspect() with { FirstName = " ", LastName = new string('x', PersonLimits.Name + 1) }));

        Assert.Contains(refusal.For(nameof(ProspectInput.FirstName)), e => e.Code == "Required");
        Assert.Contains(refusal.For(nameof(ProspectInput.LastName)), e => e.Code == "TooLong");
    }

    [Fact]
    public async Task A_company_that_does_not_exist_is_refused()
    {
        await CreateRefusedAsync(NewProspect() with { CompanyId = 9999 }, "Required", nameof(ProspectInput.CompanyId));
    }

    [Fact]
    public async Task A_second_prospect_with_the_same_email_in_another_spelling_is_refused_as_a_duplicate()
    {
        await CreateProspectAsync(NewProspect() with { Email = "jan.peeters@firma.be" });

        await CreateRefusedAsync(NewProspect() with { Email = "JAN.PEETERS@firma.be" }, "DuplicateEmail", nameof(ProspectInput.Email));
        Assert.Equal(1, await Data.CountAsync<Prospect>());
    }

    [Theory]
    [MemberData(nameof(HostileText.InvisibleInEmail), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task DSR_OBJECT_a_second_prospect_whose_email_hides_an_invisible_character_is_refused_as_a_duplicate(string email)
    {
        await CreateProspectAsync(NewProspect() with { Email = "jan.peeters@firma.be" });

        await CreateRefusedAsync(NewProspect() with { Email = email }, "DuplicateEmail", nameof(ProspectInput.Email));
        Assert.Equal(1, await Data.CountAsync<Prospect>());
    }

    [Theory]
    [MemberData(nameof(HostileText.InvisibleInEmail), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task DSR_OBJECT_an_email_with_an_invisible_character_is_stored_without_it(string email)
    {
        Assert.Equal("jan.peeters@firma.be", (await StoredAsync(NewProspect() with { Email = email })).Email);
    }

    [Fact]
    public async Task A_second_prospect_with_the_same_phone_in_another_format_is_refused_as_a_duplicate()
    {
        await CreateProspectAsync(NewProspect() with { Phone = "+32 14 85 37 97", Mobile = "0478 12 34 56" });

        await CreateRefusedAsync(NewProspect() with { Phone = "0478/12.34.56", Mobile = "014 85 37 97" }, "DuplicatePhone", nameof(ProspectInput.Phone), nameof(ProspectInput.Mobile));
        Assert.Equal(1, await Data.CountAsync<Prospect>());
    }

    [Fact]
    public async Task An_edit_that_keeps_its_own_email_and_phone_is_no_duplicate_of_itself()
    {
        var id = await CreateProspectAsync(NewProspect() with { Phone = "014 85 37 97" });
        var before = await Prospects.GetAsync(id);

        await Prospects.UpdateAsync(id, before.Input with { JobTitle = "CTO" }, before.Version);

        Assert.Equal("CTO", (await Prospects.GetAsync(id)).Input.JobTitle);
    }

    [Fact]
    public async Task An_edit_that_takes_another_prospects_email_is_refused()
    {
        await CreateProspectAsync(NewProspect() with { Email = "jan.peeters@firma.be" });
        var id = await CreateProspectAsync();
        var before = await Prospects.GetAsync(id);

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Prospects.UpdateAsync(id, before.Input with { Email = "Jan.Peeters@Firma.be" }, before.Version));

        Assert.Contains(refusal.For(nameof(ProspectInput.Email)), e => e.Code == "DuplicateEmail");
    }

    [Fact]
    public async Task Two_edits_from_the_same_version_the_second_is_a_conflict_and_nothing_is_overwritten()
    {
        var id = await CreateProspectAsync();
        var read = await Prospects.GetAsync(id);
        await Prospects.UpdateAsync(id, read.Input with { JobTitle = "CIO" }, read.Version);
        ActAs(SalesPeople.Tom);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Prospects.UpdateAsync(id, read.Input with { JobTitle = "CTO" }, read.Version));

        Assert.Equal("CIO", (await Prospects.GetAsync(id)).Input.JobTitle);
        Assert.Single(await Data.AuditAsync("Prospect.Updated"));
    }

    [Fact]
    public async Task The_search_box_finds_a_prospect_by_a_phone_number_typed_in_local_format()
    {
        var id = await CreateProspectAsync(NewProspect() with { Phone = "+3214853797" });
        await CreateProspectAsync();

        var found = await Prospects.SearchAsync(new ProspectQuery(Search: "014 85 37 97"), new PageRequest(0, 20));

        Assert.Equal(id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task The_search_box_finds_by_name_prefix_without_accents_and_by_email_prefix()
    {
        var geerts = await CreateProspectAsync(NewProspect() with { LastName = "Geërts", Email = "lien.geerts@kempen-ict.be" });
        await CreateProspectAsync(NewProspect() with { LastName = "Janssens" });

        var byName = await Prospects.SearchAsync(new ProspectQuery(Search: "GEER"), new PageRequest(0, 20));
        var byEmail = await Prospects.SearchAsync(new ProspectQuery(Search: "Lien.Geerts@"), new PageRequest(0, 20));

        Assert.Equal(geerts, Assert.Single(byName.Items).Id);
        Assert.Equal(geerts, Assert.Single(byEmail.Items).Id);
    }
}

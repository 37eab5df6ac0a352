using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Tests.Core.Partners;

public sealed class PartnerRetentionTests : PartnerTestBase
{
    private async Task EndRelationshipAsync(int companyId, DateOnly endedOn)
    {
        var company = await Companies.GetAsync(companyId);
        await Companies.UpdateAsync(companyId, company.Input with { RelationshipEndedOn = endedOn }, company.Version);
    }

    [Fact]
    public async Task RET_PARTNER_a_contact_has_no_retention_date_while_the_relationship_is_active()
    {
        var id = await CreateContactAsync();

        var details = await Contacts.GetAsync(id);

        Assert.Null(details.RelationshipEndedOn);
        Assert.Null(details.RetentionUntil);
    }

    [Fact]
    public async Task RET_PARTNER_once_the_relationship_ends_the_contact_is_kept_ten_years_after_the_end()
    {
        var id = await CreateContactAsync();

        await EndRelationshipAsync(CustomerId, new DateOnly(2026, 2, 28));

        var details = await Contacts.GetAsync(id);
        Assert.Equal(new DateOnly(2026, 2, 28), details.RelationshipEndedOn);
        Assert.Equal(new DateOnly(2036, 2, 28), details.RetentionUntil);
        Assert.Equal(new DateOnly(2020, 1, 1), (await Companies.GetAsync(CustomerId)).Input.RelationshipStartedOn);
    }

    [Fact]
    public async Task RET_PARTNER_the_retention_date_goes_away_again_when_the_relationship_is_resumed()
    {
        var id = await CreateContactAsync();
        await EndRelationshipAsync(CustomerId, new DateOnly(2026, 2, 28));
        var company = await Companies.GetAsync(CustomerId);

        await Companies.UpdateAsync(CustomerId, company.Input with { RelationshipEndedOn = null }, company.Version);

        Assert.Null((await Contacts.GetAsync(id)).RetentionUntil);
    }

    [Fact]
    public async Task RET_PARTNER_a_relationship_ending_in_the_future_is_still_active_and_gives_no_retention_date_yet()
    {
        var id = await CreateContactAsync();

        await EndRelationshipAsync(CustomerId, Today.AddMonths(9));

        Assert.Null((await Contacts.GetAsync(id)).RetentionUntil);
    }

    [Fact]
    public async Task RET_PARTNER_the_period_after_the_relationship_follows_the_configuration()
    {
        var id = await CreateContactAsync();
        await EndRelationshipAsync(CustomerId, new DateOnly(2025, 6, 30));

        var sevenYears = await Data.ContactsWithRetention(7).GetAsync(id);
        var byDefault = await Contacts.GetAsync(id);

        Assert.Equal(new DateOnly(2032, 6, 30), sevenYears.RetentionUntil);
        Assert.Equal(new DateOnly(2035, 6, 30), byDefault.RetentionUntil);
    }

    [Fact]
    public async Task RET_PARTNER_a_period_configured_through_the_service_collection_is_used_by_the_contact_page()
    {
        var id = await CreateContactAsync();
        await EndRelationshipAsync(CustomerId, new DateOnly(2025, 6, 30));
        await using var configured = Data.WithRetentionConfigured(12);

        var details = await configured.Get<PartnerContactService>().GetAsync(id);

        Assert.Equal(new DateOnly(2037, 6, 30), details.RetentionUntil);
    }

    [Fact]
    public void RET_PARTNER_the_period_is_read_from_the_Crm_Retention_configuration_section()
    {
        using var factory = new RetentionConfiguredApp();

        Assert.Equal(7, factory.Services.GetRequiredService<IOptions<RetentionOptions>>().Value.PartnerContactYearsAfterRelationship);
    }

    private sealed class RetentionConfiguredApp : CrmAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Crm:Retention:PartnerContactYearsAfterRelationship", "7");
        }
    }

    [Fact]
    public void RET_PARTNER_the_default_period_is_ten_years_and_a_leap_day_end_falls_on_28_February()
    {
        Assert.Equal(10, new RetentionOptions().PartnerContactYearsAfterRelationship);
        var today = new DateOnly(2026, 3, 14);
        Assert.Null(RetentionPolicy.PartnerContactExpiry(null, today, new RetentionOptions()));
        Assert.Equal(new DateOnly(2034, 2, 28), RetentionPolicy.PartnerContactExpiry(new DateOnly(2024, 2, 29), today, new RetentionOptions()));
        Assert.Null(RetentionPolicy.PartnerContactExpiry(today.AddDays(1), today, new RetentionOptions()));
        Assert.Equal(today.AddYears(10), RetentionPolicy.PartnerContactExpiry(today, today, new RetentionOptions()));
    }

    [Fact]
    public async Task RET_PARTNER_a_relationship_cannot_end_before_it_started()
    {
        var company = await Companies.GetAsync(CustomerId);

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Companies.UpdateAsync(CustomerId, company.Input with { RelationshipEndedOn = new DateOnly(2019, 12, 31) }, company.Version));

        Assert.Equal("EndBeforeStart", Assert.Single(refusal.For(nameof(CompanyInput.RelationshipEndedOn))).Code);
        Assert.Null((await Companies.GetAsync(CustomerId)).Input.RelationshipEndedOn);
    }

    [Fact]
    public async Task RET_PARTNER_a_relationship_may_end_on_the_day_it_started()
    {
        var company = await Companies.GetAsync(CustomerId);

        await Companies.UpdateAsync(CustomerId, company.Input with { RelationshipEndedOn = new DateOnly(2020, 1, 1) }, company.Version);

        Assert.Equal(new DateOnly(2020, 1, 1), (await Companies.GetAsync(CustomerId)).Input.RelationshipEndedOn);
    }

    [Fact]
    public async Task LOG_ACTIONS_ending_a_relationship_is_audited_on_the_company()
    {
        await EndRelationshipAsync(CustomerId, new DateOnly(2026, 2, 28));

        var entry = Assert.Single(await Data.AuditAsync("Company.Updated"));
        Assert.Contains(nameof(CompanyInput.RelationshipEndedOn), entry.Details, StringComparison.Ordinal);
    }
}

using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Prospects;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Core.Prospects;

/// <summary>
/// A prospect at a company the CRM does not have yet: the company and the prospect are saved in one transaction, so
/// the user never has to leave the form, and a refused prospect never leaves a company behind.
/// </summary>
public sealed class ProspectAtNewCompanyTests : SalesTestBase
{
    private const string NewCompany = "Netelaan Logistiek bv";

    [Fact]
    public async Task The_company_is_created_as_a_prospect_company_of_the_user_together_with_the_prospect()
    {
        var id = await Prospects.CreateAtNewCompanyAsync(NewProspect() with { CompanyId = null }, $"  {NewCompany} ");

        var prospect = await Prospects.GetAsync(id);
        Assert.Equal(NewCompany, prospect.CompanyName);
        var company = await Companies.GetAsync(prospect.Input.CompanyId!.Value);
        Assert.Equal(CompanyType.Prospect, company.Input.Type);
        Assert.Equal("sales-1", company.Input.AccountOwnerId);
        // The list's company sort reads the prospect's copy of the new company's key.
        Assert.Equal("netelaan logistiek bv", (await Data.ProspectRowAsync(id)).CompanyNameKey);

        var created = Assert.Single(await Data.AuditAsync("Company.Created"), e => e.EntityId == company.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("type=Prospect", created.Details);
        Assert.Equal($"source=CompanyWebsite;assessment={AssessmentId};company={company.Id}", Assert.Single(await Data.AuditAsync("Prospect.Created")).Details);
    }

    [Fact]
    public async Task An_invalid_prospect_leaves_no_company_and_no_audit_entry_behind()
    {
        var companiesBefore = await Data.CountAsync<Company>();
        var auditBefore = await Data.CountAsync<AuditEntry>();

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Prospects.CreateAtNewCompanyAsync(NewProspect() with { Source = null, LegitimateInterestNote = " " }, NewCompany));

        Assert.Contains(refusal.For(nameof(ProspectInput.Source)), e => e.Code == "SourceRequired");
        Assert.Contains(refusal.For(nameof(ProspectInput.LegitimateInterestNote)), e => e.Code == "LegitimateInterestNoteRequired");
        Assert.Empty(refusal.For(nameof(ProspectInput.CompanyId)));
        Assert.Equal(companiesBefore, await Data.CountAsync<Company>());
        Assert.Equal(0, await Data.CountAsync<Prospect>());
        Assert.Equal(auditBefore, await Data.CountAsync<AuditEntry>());
    }

    [Fact]
    public async Task A_prospect_refused_after_the_company_was_added_rolls_the_company_back_and_the_audit_chain_stays_intact()
    {
        // A duplicate e-mail is found only after the company is in the transaction: the rollback must take it away.
        var existing = NewProspect();
        await CreateProspectAsync(existing);
        var companiesBefore = await Data.CountAsync<Company>();
        var companyEntriesBefore = (await Data.AuditAsync("Company.Created")).Count;

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Prospects.CreateAtNewCompanyAsync(NewProspect() with { Email = existing.Email!.ToUpperInvariant() }, NewCompany));

        Assert.Contains(refusal.For(nameof(ProspectInput.Email)), e => e.Code == "DuplicateEmail");
        Assert.Equal(companiesBefore, await Data.CountAsync<Company>());
        Assert.False(await CompanyExistsAsync(NewCompany));
        Assert.Equal(companyEntriesBefore, (await Data.AuditAsync("Company.Created")).Count);
        Assert.Equal(1, await Data.CountAsync<Prospect>());
        ActAs(SalesPeople.PrivacyOfficer);
        var chain = await Db.Get<AuditLog>().VerifyChainAsync();
        Assert.True(chain.IsIntact, chain.Problem);
    }

    [Fact]
    public async Task DSR_OBJECT_a_suppressed_prospect_at_a_new_company_leaves_no_company_behind()
    {
        await using (var context = Db.CreateContext())
        {
            await Db.Get<SuppressionList>().AddAsync(context, "jan.peeters@firma.be", null, "REQ-1", CancellationToken.None);
        }

        var companiesBefore = await Data.CountAsync<Company>();

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Prospects.CreateAtNewCompanyAsync(NewProspect() with { Email = "Jan.Peeters@firma.be" }, NewCompany));

        Assert.Equal("Suppressed", refusal.Code);
        Assert.Equal(companiesBefore, await Data.CountAsync<Company>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_missing_company_name_is_reported_on_the_company_field_with_the_other_errors(string name)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Prospects.CreateAtNewCompanyAsync(NewProspect() with { FirstName = null }, name));

        Assert.Contains(refusal.For(nameof(ProspectInput.CompanyId)), e => e.Code == "Required");
        Assert.Contains(refusal.For(nameof(ProspectInput.FirstName)), e => e.Code == "Required");
    }

    [Fact]
    public async Task A_company_name_longer_than_the_limit_is_reported_on_the_company_field_and_nothing_is_saved()
    {
        var companiesBefore = await Data.CountAsync<Company>();

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Prospects.CreateAtNewCompanyAsync(NewProspect(), new string('x', CompanyLimits.Name + 1)));

        Assert.Contains(refusal.For(nameof(ProspectInput.CompanyId)), e => e.Code == "TooLong");
        Assert.Equal(companiesBefore, await Data.CountAsync<Company>());
        Assert.Equal(0, await Data.CountAsync<Prospect>());
    }

    [Theory]
    [InlineData("Kempen ICT")]
    [InlineData("  kempen ict ")]
    [InlineData("Kémpen ICT")]
    public async Task A_name_the_CRM_already_has_is_not_created_twice(string typed)
    {
        // SalesTestBase made "Kempen ICT".
        var companiesBefore = await Data.CountAsync<Company>();

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Prospects.CreateAtNewCompanyAsync(NewProspect(), typed));

        var error = Assert.Single(refusal.For(nameof(ProspectInput.CompanyId)));
        Assert.Equal("CompanyNameExists", error.Code);
        Assert.Equal(companiesBefore, await Data.CountAsync<Company>());
    }

    [Fact]
    public async Task Creating_a_company_with_a_prospect_needs_the_right_to_write_companies()
    {
        ActAs(SalesPeople.PrivacyOfficer);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => Prospects.CreateAtNewCompanyAsync(NewProspect(), NewCompany));

        Assert.False(await CompanyExistsAsync(NewCompany));
    }

    private async Task<bool> CompanyExistsAsync(string name)
    {
        await using var context = Db.CreateContext();
        return await context.Companies.AnyAsync(c => c.Name == name);
    }
}

using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Companies;

public sealed class CompanyTests : SalesTestBase
{
    [Theory]
    [InlineData("0860.244.894")]
    [InlineData("0860 244 894")]
    [InlineData("BE0860244894")]
    [InlineData("be 0860.244.894")]
    [InlineData("860244894")]
    [InlineData(" 0860244894 ")]
    public void KBO_an_enterprise_number_in_any_usual_form_is_normalised(string typed)
    {
        Assert.Equal("0860.244.894", EnterpriseNumber.Normalise(typed));
    }

    [Theory]
    [InlineData("0860.244.895")]
    [InlineData("BE0860244893")]
    [InlineData("860244895")]
    [InlineData("2860.244.894")]
    [InlineData("0860.244.89")]
    [InlineData("0860-244-894")]
    [InlineData("NL0860244894")]
    public void KBO_a_wrong_checksum_or_shape_is_rejected(string typed)
    {
        Assert.Null(EnterpriseNumber.Normalise(typed));
    }

    [Fact]
    public void KBO_check_digits_are_computed_from_the_base_number()
    {
        Assert.Equal("0860.244.894", EnterpriseNumber.FromBase(8_602_448));
        Assert.Equal(EnterpriseNumber.FromBase(12_345_678), EnterpriseNumber.Normalise(EnterpriseNumber.FromBase(12_345_678)));
    }

    [Fact]
    public async Task KBO_a_company_is_stored_with_the_canonical_enterprise_number()
    {
        var id = await Companies.CreateAsync(new CompanyInput { Name = "Cisa", EnterpriseNumber = "BE0860244894" });

        Assert.Equal("0860.244.894", (await Companies.GetAsync(id)).Input.EnterpriseNumber);
    }

    [Fact]
    public async Task KBO_a_company_with_an_invalid_enterprise_number_is_refused_with_a_field_error()
    {
        var before = await Data.CountAsync<Company>();

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Companies.CreateAsync(new CompanyInput { Name = "Cisa", EnterpriseNumber = "0860.244.895" }));

        Assert.Contains(refusal.For(nameof(CompanyInput.EnterpriseNumber)), e => e.Code == "EnterpriseNumberInvalid");
        Assert.Equal(before, await Data.CountAsync<Company>());
    }

    [Fact]
    public async Task KBO_a_second_company_with_the_same_enterprise_number_in_another_spelling_is_refused()
    {
        await Companies.CreateAsync(new CompanyInput { Name = "Cisa", EnterpriseNumber = "0860.244.894" });

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Companies.CreateAsync(new CompanyInput { Name = "Cisa bis", EnterpriseNumber = "860244894" }));

        Assert.Contains(refusal.For(nameof(CompanyInput.EnterpriseNumber)), e => e.Code == "EnterpriseNumberTaken");
    }

    [Fact]
    public async Task KBO_the_enterprise_number_is_optional()
    {
        var first = await Companies.CreateAsync(new CompanyInput { Name = "Zonder nummer 1" });
        var second = await Companies.CreateAsync(new CompanyInput { Name = "Zonder nummer 2", EnterpriseNumber = "  " });

        Assert.Null((await Companies.GetAsync(first)).Input.EnterpriseNumber);
        Assert.Null((await Companies.GetAsync(second)).Input.EnterpriseNumber);
    }

    [Fact]
    public async Task Every_bad_company_field_is_reported_at_once_and_nothing_is_saved()
    {
        var before = await Data.CountAsync<Company>();

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Companies.CreateAsync(new CompanyInput
        {
            Name = " ", EnterpriseNumber = "123", PostalCode = "0123", Website = "not a site", CountryCode = "B1",
        }));

        Assert.Equal(
            ["CountryCode", "EnterpriseNumber", "Name", "Website"],
            refusal.Errors.Select(e => e.Field).Distinct().Order());
        Assert.Equal(before, await Data.CountAsync<Company>());
    }

    [Fact]
    public async Task A_company_is_found_by_its_enterprise_number_in_the_search_box()
    {
        var id = await Companies.CreateAsync(new CompanyInput { Name = "Cisa", EnterpriseNumber = "0860.244.894" });

        var found = await Companies.SearchAsync(new CompanyQuery(Search: "BE0860244894"), new PageRequest(0, 20));

        Assert.Equal(id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task Winning_a_prospect_company_makes_it_a_customer_and_keeps_the_history()
    {
        var before = await Companies.GetAsync(CompanyId);
        Db.Time.Advance(TimeSpan.FromDays(10));

        await Companies.MarkWonAsync(CompanyId, before.Version);

        var after = await Companies.GetAsync(CompanyId);
        Assert.Equal(CompanyType.Customer, after.Input.Type);
        var change = Assert.Single(after.History);
        Assert.Equal(CompanyType.Prospect, change.From);
        Assert.Equal(CompanyType.Customer, change.To);
        Assert.Equal("Sofie", change.ChangedByName);
        Assert.Equal(new DateTime(2026, 3, 24, 9, 30, 0, DateTimeKind.Utc), change.ChangedAtUtc);
        Assert.Equal(before.CreatedAtUtc, after.CreatedAtUtc);
        Assert.NotEqual(before.Version, after.Version);
        var entry = Assert.Single(await Data.AuditAsync("Company.Won"));
        Assert.Equal("type=Prospect->Customer", entry.Details);
    }

    [Fact]
    public async Task Winning_keeps_the_prospects_of_the_company()
    {
        var prospect = await CreateProspectAsync();
        var before = await Companies.GetAsync(CompanyId);

        await Companies.MarkWonAsync(CompanyId, before.Version);

        Assert.Equal(1, (await Companies.GetAsync(CompanyId)).ProspectCount);
        Assert.Equal(CompanyId, (await Prospects.GetAsync(prospect)).Input.CompanyId);
    }

    [Fact]
    public async Task Only_a_prospect_company_can_be_won()
    {
        var supplier = await Data.CompanyAsync("Leverancier", type: CompanyType.Supplier);
        var details = await Companies.GetAsync(supplier);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => Companies.MarkWonAsync(supplier, details.Version));

        Assert.Equal("CompanyNotProspect", refusal.Code);
        Assert.Empty((await Companies.GetAsync(supplier)).History);
    }

    [Fact]
    public async Task A_type_change_made_in_the_form_is_kept_in_the_history_too()
    {
        var before = await Companies.GetAsync(CompanyId);

        await Companies.UpdateAsync(CompanyId, before.Input with { Type = CompanyType.Subcontractor }, before.Version);

        var change = Assert.Single((await Companies.GetAsync(CompanyId)).History);
        Assert.Equal(CompanyType.Prospect, change.From);
        Assert.Equal(CompanyType.Subcontractor, change.To);
        Assert.Equal("fields=Type", Assert.Single(await Data.AuditAsync("Company.Updated")).Details);
    }

    [Fact]
    public async Task Two_updates_from_the_same_version_the_second_is_a_conflict_and_nothing_is_overwritten()
    {
        var read = await Companies.GetAsync(CompanyId);
        await Companies.UpdateAsync(CompanyId, read.Input with { City = "Geel", PostalCode = "2440" }, read.Version);
        ActAs(SalesPeople.Tom);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Companies.UpdateAsync(CompanyId, read.Input with { City = "Mol", PostalCode = "2400", Sector = "Retail" }, read.Version));

        var now = await Companies.GetAsync(CompanyId);
        Assert.Equal("Geel", now.Input.City);
        Assert.Equal("2440", now.Input.PostalCode);
        Assert.Null(now.Input.Sector);
        Assert.Single(await Data.AuditAsync("Company.Updated"));
    }

    [Fact]
    public async Task Winning_from_a_stale_version_is_a_conflict()
    {
        var read = await Companies.GetAsync(CompanyId);
        await Companies.UpdateAsync(CompanyId, read.Input with { Sector = "Logistics" }, read.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Companies.MarkWonAsync(CompanyId, read.Version));

        var now = await Companies.GetAsync(CompanyId);
        Assert.Equal(CompanyType.Prospect, now.Input.Type);
        Assert.Empty(now.History);
    }
}

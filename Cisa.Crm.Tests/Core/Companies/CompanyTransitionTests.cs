using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;

namespace Cisa.Crm.Tests.Core.Companies;

/// <summary>A company's type changes on the entity alone, without a database: winning, editing, and the history both keep.</summary>
public sealed class CompanyTransitionTests
{
    private static readonly DateTime At = new(2026, 3, 12, 10, 30, 0, DateTimeKind.Utc);
    private static readonly CrmActor Sofie = new("sales-1", "Sofie Verhaegen", [CrmRoles.Sales]);

    private static Company Of(CompanyType type) => new() { Name = "Kempen ICT", Type = type };

    [Fact]
    public void Winning_a_prospect_company_makes_it_a_customer_and_keeps_the_change_with_who_and_when()
    {
        var company = Of(CompanyType.Prospect);

        company.Win(Sofie, At);

        Assert.Equal(CompanyType.Customer, company.Type);
        var change = Assert.Single(company.TypeHistory);
        Assert.Equal((CompanyType.Prospect, CompanyType.Customer, At, "sales-1", "Sofie Verhaegen"),
            (change.From, change.To, change.ChangedAtUtc, change.ChangedById, change.ChangedByName));
    }

    [Theory]
    [InlineData(CompanyType.Customer)]
    [InlineData(CompanyType.Supplier)]
    [InlineData(CompanyType.RecruitmentAgency)]
    [InlineData(CompanyType.Subcontractor)]
    public void Only_a_prospect_company_can_be_won(CompanyType type)
    {
        var company = Of(type);

        Assert.Equal("CompanyNotProspect", Assert.Throws<RuleViolationException>(() => company.Win(Sofie, At)).Code);
        Assert.Equal(type, company.Type);
        Assert.Empty(company.TypeHistory);
    }

    [Fact]
    public void A_company_won_once_cannot_be_won_again()
    {
        var company = Of(CompanyType.Prospect);
        company.Win(Sofie, At);

        Assert.Equal("CompanyNotProspect", Assert.Throws<RuleViolationException>(() => company.Win(Sofie, At.AddDays(1))).Code);
        Assert.Single(company.TypeHistory);
    }

    [Fact]
    public void An_edit_of_the_type_is_kept_in_the_history_in_order_and_the_same_type_is_no_change()
    {
        var company = Of(CompanyType.Customer);

        company.ChangeType(CompanyType.Customer, Sofie, At);
        company.ChangeType(CompanyType.Supplier, Sofie, At);
        company.ChangeType(CompanyType.Subcontractor, Sofie, At.AddHours(1));

        Assert.Equal(CompanyType.Subcontractor, company.Type);
        Assert.Equal([(CompanyType.Customer, CompanyType.Supplier, At), (CompanyType.Supplier, CompanyType.Subcontractor, At.AddHours(1))],
            company.TypeHistory.Select(h => (h.From, h.To, h.ChangedAtUtc)));
    }

    [Fact]
    public void A_new_company_has_the_type_it_was_made_with_and_no_history()
    {
        var company = Of(CompanyType.Supplier);

        Assert.Equal(CompanyType.Supplier, company.Type);
        Assert.Empty(company.TypeHistory);
    }
}

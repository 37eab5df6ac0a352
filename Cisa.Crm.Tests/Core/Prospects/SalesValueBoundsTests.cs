using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Calls;

namespace Cisa.Crm.Tests.Core.Prospects;

/// <summary>Dates, country codes and e-mail addresses no person means are refused at their field, and nothing is saved (issue 18, defect 6).</summary>
public sealed class SalesValueBoundsTests() : SalesTestBase(withProspect: true)
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1899, 12, 31)]
    public async Task A_call_on_a_day_before_1900_is_refused_at_its_time_and_not_saved(int year, int month, int day)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Calls.LogAsync(ProspectId, SalesData.Call(new DateTime(year, month, day, 10, 0, 0))));

        Assert.Contains(refusal.For(nameof(CallInput.OccurredAtBrussels)), e => e.Code == "DateOutOfRange");
        Assert.Equal(0, await Data.CountAsync<Call>());
        Assert.Null((await Data.ProspectRowAsync(ProspectId)).LastCallAtUtc);
    }

    [Fact]
    public async Task A_follow_up_on_31_December_9999_is_refused_and_one_ten_years_ahead_is_kept()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Calls.LogAsync(ProspectId, SalesData.Call(followUpOn: DateOnly.MaxValue)));

        Assert.Contains(refusal.For(nameof(CallInput.FollowUpOn)), e => e.Code == "DateOutOfRange");
        Assert.Equal(0, await Data.CountAsync<Call>());

        await Calls.LogAsync(ProspectId, SalesData.Call(followUpOn: Today.AddYears(10)));
        Assert.Equal(Today.AddYears(10), (await Data.ProspectRowAsync(ProspectId)).FollowUpOn);
    }

    [Fact]
    public async Task An_edit_cannot_move_a_follow_up_to_31_December_9999()
    {
        var id = await Calls.LogAsync(ProspectId, SalesData.Call(followUpOn: Today.AddDays(3)));
        var version = Assert.Single(await Calls.TimelineAsync(ProspectId)).Version;

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Calls.EditAsync(id, SalesData.Call(followUpOn: DateOnly.MaxValue), version));

        Assert.Contains(refusal.For(nameof(CallInput.FollowUpOn)), e => e.Code == "DateOutOfRange");
        Assert.Equal(Today.AddDays(3), (await Data.ProspectRowAsync(ProspectId)).FollowUpOn);
    }

    [Theory]
    [InlineData(nameof(CompanyInput.RelationshipStartedOn), 1, 1, 1)]
    [InlineData(nameof(CompanyInput.RelationshipEndedOn), 1, 1, 1)]
    [InlineData(nameof(CompanyInput.RelationshipStartedOn), 9999, 12, 31)]
    [InlineData(nameof(CompanyInput.RelationshipEndedOn), 9999, 12, 31)]
    public async Task A_relationship_date_outside_1900_to_ten_years_ahead_is_refused_at_its_field(string field, int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        var input = new CompanyInput { Name = "Herentals Bouw", Type = CompanyType.Customer };
        input = field == nameof(CompanyInput.RelationshipStartedOn) ? input with { RelationshipStartedOn = date } : input with { RelationshipEndedOn = date };
        var before = await Data.CountAsync<Company>();

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Companies.CreateAsync(input));

        Assert.Contains(refusal.For(field), e => e.Code == "DateOutOfRange");
        Assert.Equal(before, await Data.CountAsync<Company>());
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("UK")]
    [InlineData("EU")]
    [InlineData("ZZ")]
    public async Task A_company_country_that_is_not_an_ISO_3166_code_is_refused(string country)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Companies.CreateAsync(new CompanyInput { Name = "Nergens BV", CountryCode = country }));

        Assert.Contains(refusal.For(nameof(CompanyInput.CountryCode)), e => e.Code == "CountryInvalid");
    }

    [Fact]
    public async Task A_company_country_is_stored_as_its_ISO_3166_code_in_capitals()
    {
        var id = await Companies.CreateAsync(new CompanyInput { Name = "Gouda ICT", CountryCode = "nl" });

        Assert.Equal("NL", (await Companies.GetAsync(id)).Input.CountryCode);
    }

    [Fact]
    public async Task LI_REVIEW_a_review_date_of_31_December_9999_is_refused_at_its_field()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Data.AsAsync(SalesPeople.PrivacyOfficer, () => Assessments.CreateAsync(SalesData.Assessment("Forever", DateOnly.MaxValue))));

        Assert.Contains(refusal.For(nameof(AssessmentInput.ReviewDueOn)), e => e.Code == "DateOutOfRange");
        Assert.Equal(1, await Data.CountAsync<LegitimateInterestAssessment>());
    }

    [Theory]
    [InlineData("x@[127.0.0.1]")]
    [InlineData("a@-b.example")]
    public async Task A_prospect_with_an_IP_literal_or_hyphen_edged_e_mail_domain_is_refused(string email)
    {
        await CreateRefusedAsync(NewProspect() with { Email = email }, "EmailInvalid", nameof(ProspectInput.Email));
    }
}

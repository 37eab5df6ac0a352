using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Data.Sqlite;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Cisa.Crm.Tests.Core.Privacy.Retention;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.People;

/// <summary>The app bar's person search: one box for a name, e-mail or phone, across the categories the user may see.</summary>
public sealed class PersonSearchTests : RetentionTestBase
{
    private PersonSearchService Search => Db.Get<PersonSearchService>();

    [Theory]
    [InlineData("Lies Vermeulen")]
    [InlineData("vermeulen lies")]
    [InlineData("lies verm")]
    [InlineData("VERMEUL")]
    [InlineData("lies.vermeulen@EXAMPLE.be")]
    [InlineData("lies.verm")]
    [InlineData("+32 470/12.34.56")]
    [InlineData("0470123456")]
    public async Task The_privacy_officer_finds_the_person_in_every_category_by_name_e_mail_or_phone_as_typed(string term)
    {
        var (prospect, contact, applicant) = await LiesVermeulenEverywhereAsync();

        var found = await Search.SearchAsync(term);

        Assert.Equal([prospect, contact, applicant], found.Hits.Select(h => h.Person));
        Assert.False(found.HasMore);
        Assert.Equal(["Herentals Bouw", null], found.Hits.Skip(1).Select(h => h.Company));
    }

    [Fact]
    public async Task CAT_APPLICANT_sales_never_find_applicants_and_HR_finds_only_applicants()
    {
        var (prospect, contact, applicant) = await LiesVermeulenEverywhereAsync();

        ActAs(SalesPeople.Sofie);
        var bySales = await Search.SearchAsync("vermeulen");
        ActAs(SalesPeople.Hr);
        var byHr = await Search.SearchAsync("vermeulen");

        Assert.Equal([prospect, contact], bySales.Hits.Select(h => h.Person));
        Assert.Equal([applicant], byHr.Hits.Select(h => h.Person));
    }

    [Fact]
    public async Task A_user_without_read_rights_is_refused()
    {
        ActAs(SettableActor.WithRole("Visitor", "visitor-1", "Vera"));

        await Assert.ThrowsAsync<Cisa.Crm.Core.Errors.PermissionDeniedException>(() => Search.SearchAsync("vermeulen"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("v")]
    public async Task Too_short_a_term_finds_nothing_instead_of_everybody(string term)
    {
        await LiesVermeulenEverywhereAsync();

        Assert.Empty((await Search.SearchAsync(term)).Hits);
    }

    [Fact]
    public async Task A_broad_prefix_shows_the_first_twenty_in_name_order_and_says_there_are_more()
    {
        for (var i = 0; i < PersonSearchService.Limit + 5; i++)
        {
            await Sales.ProspectAsync(Sales.Prospect(ProspectCompanyId, ProspectAssessmentId) with { FirstName = $"Jan{i:D2}", LastName = $"Van Dijck {i:D2}" });
        }

        var found = await Search.SearchAsync("van d");

        Assert.True(found.HasMore);
        Assert.Equal(Enumerable.Range(0, PersonSearchService.Limit).Select(i => $"Van Dijck {i:D2}"), found.Hits.Select(h => h.LastName));
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_person_is_found_and_marked()
    {
        var (prospect, _, _) = await LiesVermeulenEverywhereAsync();
        await Sales.RestrictAsync(prospect.Id);

        var hit = (await Search.SearchAsync("lies vermeulen")).Hits.Single(h => h.Person == prospect);

        Assert.True(hit.IsRestricted);
    }

    [Theory]
    [InlineData("Lies Vermeulen")]
    [InlineData("vermeulen li")]
    [InlineData("verm")]
    [InlineData("lies.verm")]
    [InlineData("lies.vermeulen@example.be")]
    [InlineData("0470 12 34 56")]
    public async Task Every_part_of_the_search_reads_through_an_index_never_a_table_scan(string term)
    {
        var (prospect, contact, applicant) = await LiesVermeulenEverywhereAsync();
        var statement = PersonSearchSql.Build(PersonSearchCriteria.Parse(term)!, Enum.GetValues<PersonCategory>(), PersonSearchService.Limit + 1);
        // The second statement: what is shown of the people found, by id.
        var details = PersonSearchSql.Details(Enum.GetValues<PersonCategory>(), [prospect, contact, applicant]);
        var plans = new QueryPlans();
        plans.Commands.Add((statement.Sql, statement.Parameters.Select(p => (p.Key, (object?)p.Value)).ToList()));
        plans.Commands.Add((details.Sql, details.Parameters.Select(p => (p.Key, (object?)p.Value)).ToList()));

        await plans.AssertNoTableScansAsync(Db.FilePath);
        Assert.Equal(3, (await Search.SearchAsync(term)).Hits.Count);
    }

    [Fact]
    public async Task The_prepared_search_sees_every_change_made_after_it_ran()
    {
        var (prospect, contact, applicant) = await LiesVermeulenEverywhereAsync();
        Assert.Equal(3, (await Search.SearchAsync("lies vermeulen")).Hits.Count);

        await Sales.RestrictAsync(prospect.Id);

        await Partners.AsAsync(SalesPeople.Sofie, async () =>
        {
            var service = Db.Get<Cisa.Crm.Core.Partners.PartnerContactService>();
            var details = await service.GetAsync(contact.Id);
            return await service.UpdateAsync(contact.Id, details.Input with { LastName = "Peeters" }, details.Version);
        });

        var after = await Search.SearchAsync("lies vermeulen");
        Assert.Equal([prospect, applicant], after.Hits.Select(h => h.Person));
        Assert.True(after.Hits[0].IsRestricted);
        Assert.Equal([contact], (await Search.SearchAsync("lies peeters")).Hits.Select(h => h.Person));
    }
}

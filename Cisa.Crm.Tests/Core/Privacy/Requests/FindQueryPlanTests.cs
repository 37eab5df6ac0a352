using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Data.Sqlite;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Core.Privacy.Requests;

/// <summary>
/// DSR-FIND must stay fast with hundreds of thousands of people: every statement the search sends is
/// answered through an index, which SQLite's own query planner confirms (no "SCAN" of a person table).
/// </summary>
public sealed class FindQueryPlanTests : SubjectRequestTestBase
{
    [Theory]
    [InlineData("lies.vermeulen@example.be", null, null, null)]
    [InlineData(null, "0470 12 34 56", null, null)]
    [InlineData(null, null, "Lies", "Vermeulen")]
    [InlineData("lies.vermeulen@example.be", "+32470123456", "Lies", "Vermeulen")]
    public async Task DSR_FIND_every_search_statement_uses_an_index_never_a_table_scan(string? email, string? phone, string? first, string? last)
    {
        // The person in every category, so the detail queries run too (with nobody found they are not sent).
        await LiesVermeulenEverywhereAsync();
        // The prepared statements that find the matches, and (through the intercepted context) the detail queries by id.
        var query = new FindQuery(email, phone, first, last);
        var statement = PersonSearchSql.Build(PersonSearchCriteria.ForRequest(query)!, Enum.GetValues<PersonCategory>(), PersonSearchService.FindLimit);
        var plans = new QueryPlans();
        plans.Commands.Add((statement.Sql, statement.Parameters.Select(p => (p.Key, (object?)p.Value)).ToList()));
        var options = new DbContextOptionsBuilder<CrmDbContext>().UseSqlite($"Data Source={Db.FilePath};Pooling=False").AddInterceptors(plans).Options;
        await using (var db = new CrmDbContext(options))
        {
            // All three found, so the detail query of every category ran and was captured too.
            Assert.Equal(3, (await Db.Get<PersonSearchService>().FindAsync(db, query, CancellationToken.None)).Count);
        }

        await plans.AssertNoTableScansAsync(Db.FilePath);
    }
}

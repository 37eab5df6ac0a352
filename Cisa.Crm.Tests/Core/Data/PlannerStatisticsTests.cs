using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Core.Data;

/// <summary>Without planner statistics SQLite reads every prospect for a searched list page; the app makes them on start.</summary>
public sealed class PlannerStatisticsTests
{
    [Fact]
    public async Task Starting_the_app_gives_SQLite_planner_statistics_of_the_tables()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemoData: true);
        await using var db = database.CreateContext();

        var analysed = await db.Database.SqlQueryRaw<string>("SELECT DISTINCT tbl AS Value FROM sqlite_stat1").ToListAsync();

        Assert.Contains("Prospects", analysed);
        Assert.Contains("Calls", analysed);
    }
}

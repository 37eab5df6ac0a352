using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Tests.Core.Prospects;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Core.Data;

/// <summary>
/// Issue 18: a database written before the normaliser dropped invisible characters gets its stored keys and e-mail
/// addresses recomputed when the app migrates it, and an objection recorded under the old spelling keeps working.
/// </summary>
public sealed class NormalisedKeysTests : SalesTestBase
{
    [Fact]
    public async Task DSR_OBJECT_migrating_an_older_database_recomputes_keys_and_addresses_and_carries_an_old_suppression_over()
    {
        var id = await CreateProspectAsync(NewProspect() with { LastName = "Peeters", Email = "jan.peeters@firma.be" });
        await WriteAsTheOldNormaliserDidAsync(id);
        await using (var context = Db.CreateContext())
        {
            // The prospect objected once under the spelling stored then: that hash has the invisible character in it.
            await Db.Get<SuppressionList>().AddAsync(context, "jan.pee\u200Bters@firma.be", null, "DSR-2026-0001", CancellationToken.None);
            await context.Database.ExecuteSqlRawAsync("DELETE FROM __EFMigrationsHistory WHERE MigrationId LIKE '%RecomputeNormalisedKeys'");
        }

        await Db.Get<DatabaseInitializer>().InitializeAsync(seedDemoData: false);

        var stored = await Prospects.GetAsync(id);
        Assert.Equal("jan.peeters@firma.be", stored.Input.Email);
        Assert.Equal(id, Assert.Single((await Prospects.SearchAsync(new ProspectQuery(Search: "peeters"), new PageRequest(0, 10))).Items).Id);
        Assert.Single((await Companies.SearchAsync(new CompanyQuery(Search: "kempen ict"), new PageRequest(0, 10))).Items);
        await using var db = Db.CreateContext();
        var prospect = await db.Prospects.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Equal(("peeters", "kempen ict"), (prospect.LastNameKey, prospect.CompanyNameKey));
        Assert.True((await Db.Get<SuppressionList>().CheckAsync(db, "jan.peeters@firma.be", [], CancellationToken.None)).Email);
    }

    /// <summary>The prospect and its company as the old normaliser stored them: a zero-width space (U+200B) kept in value and key.</summary>
    private async Task WriteAsTheOldNormaliserDidAsync(int prospectId)
    {
        await using var context = Db.CreateContext();
        await context.Database.ExecuteSqlRawAsync(
            "UPDATE Prospects SET LastName = 'Pee' || char(8203) || 'ters', LastNameKey = 'pee' || char(8203) || 'ters', " +
            "Email = 'jan.pee' || char(8203) || 'ters@firma.be', CompanyNameKey = 'kempen' || char(8203) || ' ict' WHERE Id = {0}", prospectId);
        await context.Database.ExecuteSqlRawAsync("UPDATE Companies SET Name = 'Kempen' || char(8203) || ' ICT', NameKey = 'kempen' || char(8203) || ' ict'");
    }
}

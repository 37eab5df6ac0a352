using System.Reflection;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Data.Migrations;
using Cisa.Crm.Core.Privacy.Suppression;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cisa.Crm.Core.Data;

/// <summary>Brings the database to the latest migration on start and, when asked, adds the demo data.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<CrmDbContext> dbFactory, IEnumerable<IDatabaseSeeder> seeders, SuppressionList suppression, TimeProvider time, AuditTrail trail)
{
    public async Task InitializeAsync(bool seedDemoData, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsSqlite())
            {
                PrepareSqliteFolder(db.Database.GetDbConnection().DataSource);
            }

            await RecomputeNormalisedKeysIfDueAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers work while a writer commits; it is a property of the file, set once.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        // Before anything writes an entry: the anchor of the trail's end (LOG-ACTIONS), started once per trail.
        await trail.StartAnchorAsync(cancellationToken);

        if (seedDemoData)
        {
            // Asking for demo data without registering it is a set-up mistake: say so rather than start empty.
            var registered = seeders.ToList();
            if (registered.Count == 0)
            {
                throw new InvalidOperationException("Demo data was asked for (Crm:SeedDemoData) but no IDatabaseSeeder is registered; call AddCrmDemoData().");
            }

            foreach (var seeder in registered)
            {
                await seeder.SeedIfEmptyAsync(cancellationToken);
            }
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync(OptimizeSql, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Gives SQLite's planner statistics of the tables. Without them it reads every prospect for a searched list page:
    /// 224 ms against 1.7 ms at 100,000 prospects. A sampled ANALYZE (analysis_limit) is not enough: it misjudges the
    /// two-valued IsRestricted column, the one that matters. <c>optimize</c> analyses only tables never analysed or
    /// changed a lot since, so after the first start it costs next to nothing. Run on every start and after each sweep.
    /// </summary>
    public const string OptimizeSql = "PRAGMA optimize = 0x10002;";

    /// <summary>
    /// Issue 18: while <see cref="RecomputeNormalisedKeys"/> is pending, brings the database to the migration before it,
    /// recomputes the stored keys (<see cref="NormalisedKeys"/>), and leaves that migration to <c>MigrateAsync</c>.
    /// </summary>
    private async Task RecomputeNormalisedKeysIfDueAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var id = typeof(RecomputeNormalisedKeys).GetCustomAttribute<MigrationAttribute>()!.Id;
        if (!db.Database.IsSqlite() || !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Contains(id))
        {
            return;
        }

        var all = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(all[all.IndexOf(id) - 1], cancellationToken);
        await NormalisedKeys.RecomputeAsync(db, suppression, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    private static void PrepareSqliteFolder(string? dataSource)
    {
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}

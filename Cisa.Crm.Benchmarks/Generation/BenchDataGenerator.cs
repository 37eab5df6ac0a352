using System.Diagnostics;
using System.Globalization;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>
/// The <c>generate</c> command: a new database with the app's schema (its own EF migrations), filled
/// with seeded, invented Flemish data through prepared SQLite commands in large transactions.
/// </summary>
public static class BenchDataGenerator
{
    public static async Task<DatasetManifest> GenerateAsync(GeneratorOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var path = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        foreach (var file in new[] { path, path + "-wal", path + "-shm", DatasetManifest.PathFor(path) })
        {
            File.Delete(file);
        }

        var asOf = options.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        log.WriteLine($"Generating {path} (scale {options.Scale.ToString(CultureInfo.InvariantCulture)}, {options.ExpiredShare:P0} past retention, seed {options.Seed}, as of {asOf:yyyy-MM-dd}; {Running.MachineLoad.Describe()})");

        // The schema comes from the app's migrations only, applied the way the app applies them on start.
        await using (var services = BenchServices.Create(path, DemoStaff.ToActor(DemoStaff.Sales)))
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }

        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var run = new GenerationRun(options, connection, asOf);

        // Fast load: no fsync, a big page cache; the app's indexes are dropped and rebuilt from their own
        // CREATE statements afterwards (sorting once beats updating sixteen indexes per prospect row).
        run.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-524288; PRAGMA temp_store=MEMORY;");
        var indexes = AppIndexes(connection);
        foreach (var (name, _) in indexes)
        {
            run.Execute($"DROP INDEX \"{name}\"");
        }

        run.Clock.Start();
        run.Execute("BEGIN");
        var (prospecting, events, recruitment) = CompanySection.WriteAssessments(run);
        var companies = CompanySection.WriteCompanies(run);
        Report(log, run, "companies");
        var busy = SalesSection.Write(run, companies, prospecting, events);
        Report(log, run, "prospects and calls");
        var agencyContacts = PartnerSection.Write(run, companies);
        Report(log, run, "partner contacts");
        RecruitmentSection.Write(run, agencyContacts, recruitment);
        SuppressionSection.Write(run);
        run.Execute("COMMIT");
        run.DisposeTables();
        var loadSeconds = run.Clock.Elapsed.TotalSeconds;
        log.WriteLine($"Loaded {run.Rows:N0} rows in {loadSeconds:F1} s: {run.Rows / loadSeconds:N0} rows/s");

        var indexClock = Stopwatch.StartNew();
        foreach (var (_, sql) in indexes)
        {
            run.Execute(sql);
        }

        var indexSeconds = indexClock.Elapsed.TotalSeconds;
        log.WriteLine($"Rebuilt {indexes.Count} indexes in {indexSeconds:F1} s; {run.Rows / (loadSeconds + indexSeconds):N0} rows/s including them");

        EnsureForeignKeysHold(connection);
        if (options.Analyze)
        {
            var analyzeClock = Stopwatch.StartNew();
            run.Execute(Cisa.Crm.Core.Data.DatabaseInitializer.OptimizeSql);
            log.WriteLine($"Planner statistics as the app makes them on every start (PRAGMA optimize) in {analyzeClock.Elapsed.TotalSeconds:F1} s");
        }

        run.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        connection.Close();

        var manifest = new DatasetManifest
        {
            Seed = options.Seed,
            Scale = options.Scale,
            ExpiredShare = options.ExpiredShare,
            AsOf = asOf,
            PlannerStatistics = options.Analyze,
            ProspectingAssessmentId = prospecting,
            RecruitmentAssessmentId = recruitment,
            SalesUserId = DemoStaff.Sales.Id,
            BusyProspectIds = busy,
            Rows = run.RowsPerTable,
            Expired = run.Expired,
            LoadSeconds = Math.Round(loadSeconds, 2),
            IndexSeconds = Math.Round(indexSeconds, 2),
        };
        manifest.Save(path);
        foreach (var (table, rows) in manifest.Rows)
        {
            log.WriteLine($"  {table,-30} {rows,12:N0}");
        }

        foreach (var (what, rows) in manifest.Expired)
        {
            log.WriteLine($"  past retention: {what,-50} {rows,10:N0}");
        }

        log.WriteLine($"Database {new FileInfo(path).Length / 1024.0 / 1024.0:N0} MB; manifest {DatasetManifest.PathFor(path)}");
        return manifest;
    }

    private static void Report(TextWriter log, GenerationRun run, string what) =>
        log.WriteLine($"  … {what} done: {run.Rows:N0} rows after {run.Clock.Elapsed.TotalSeconds:F1} s");

    /// <summary>The migrations' own indexes (SQLite's automatic ones have no SQL and stay).</summary>
    private static List<(string Name, string Sql)> AppIndexes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name";
        using var reader = command.ExecuteReader();
        var indexes = new List<(string, string)>();
        while (reader.Read())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }

    /// <summary>The load runs without foreign-key enforcement for speed; this proves afterwards that every reference holds.</summary>
    private static void EnsureForeignKeysHold(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check";
        using var reader = command.ExecuteReader();
        if (reader.Read())
        {
            throw new InvalidOperationException($"Generated data breaks a foreign key: table {reader.GetString(0)}, row {reader.GetValue(1)}, parent {reader.GetString(2)}.");
        }
    }
}

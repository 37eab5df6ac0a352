using Cisa.Crm.Benchmarks.Running;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Data.Sqlite;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Demo;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Import;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Cisa.Crm.Benchmarks.Generation.EfSqliteFormat;

namespace Cisa.Crm.Benchmarks.Workloads;

/// <summary>
/// P-IMPORT: a generated prospect CSV (100,000 rows at full scale) imported through
/// <see cref="ProspectImportService.ImportAsync"/> (reading, field rules, company matching, duplicate and
/// suppression checks, one transaction) into a fresh copy of the benchmark database each time, against
/// the same file read by the same reader and stored with prepared INSERTs and no checks. Goal: ≥ 20,000 rows/s.
/// </summary>
public sealed class ProspectImportWorkload : IWorkload
{
    private const double GoalRowsPerSecond = 20_000;


    public string Id => "P-IMPORT";

    public async Task<WorkloadResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = context.Options.ImportRows ?? (int)Math.Max(100, Math.Round(100_000 * context.Manifest.Scale));
        var suppressionEntries = (int)context.Manifest.Rows.GetValueOrDefault("SuppressionEntries", 1);
        var file = await ProspectImportFile.CreateAsync(context.ConnectionString, rows, Math.Max(1, suppressionEntries));
        var batch = new ImportBatch(context.Manifest.ProspectingAssessmentId, "Bezocht onze stand op de vakbeurs en vroeg naar ICT-beheer.", ProspectSource.Event);

        var appRates = new List<double>();
        var rawRates = new List<double>();
        ImportSummary? summary = null;
        // Round 0 is an untimed warm-up of both ways, the same file on a fresh copy: the EF model, the compiled queries,
        // the tiered JIT and the GC's sizing are then as in an app that has been running, not as in a new process.
        for (var i = 0; i <= context.Options.ImportIterations; i++)
        {
            var round = i == 0 ? "warm-up" : $"import {i}";
            using (var scratch = context.ScratchCopy("import"))
            {
                await using var services = BenchServices.Create(scratch.Path, DemoStaff.ToActor(DemoStaff.Sales));
                await using var scope = services.CreateAsyncScope();
                var import = scope.ServiceProvider.GetRequiredService<ProspectImportService>();
                var milliseconds = await Timing.MillisecondsAsync(async () => summary = await import.ImportAsync(new MemoryStream(file), batch, cancellationToken));
                context.Log.WriteLine($"  {round}: {milliseconds / 1000:F1} s, {rows / (milliseconds / 1000):N0} rows/s ({summary!.Imported:N0} imported)");
                if (i > 0)
                {
                    appRates.Add(rows / (milliseconds / 1000));
                }
            }

            using (var scratch = context.ScratchCopy("import"))
            {
                var milliseconds = await Timing.MillisecondsAsync(() => RawInsertAsync(BenchServices.ConnectionString(scratch.Path), file));
                if (i > 0)
                {
                    rawRates.Add(rows / (milliseconds / 1000));
                }
            }
        }

        var app = Summary.Of(appRates, "rows/s", higherIsBetter: true);
        var raw = Summary.Of(rawRates, "rows/s", higherIsBetter: true);
        var note = $"{rows:N0} rows: {summary!.Imported:N0} imported, {summary.Skipped:N0} skipped (invalid, duplicate or suppressed), {summary.CompaniesCreated:N0} companies created";
        return new WorkloadResult(Id, "prospect CSV import with validation and suppression check",
            "ProspectImportService.ImportAsync on a fresh copy of the database (timed from the file's bytes to the commit)",
            "the same file through the same reader, stored by prepared INSERTs without any check",
            [new CaseResult($"{rows:N0}-row file", app, raw, $"{ResultTable.Factor(app.Median / raw.Median)}× the raw rate",
                $"≥ {GoalRowsPerSecond:N0} rows/s", app.Median >= GoalRowsPerSecond && summary.Imported > 0, note,
                new Dictionary<string, long>(StringComparer.Ordinal)
                {
                    ["rows"] = rows, ["imported"] = summary.Imported, ["skipped"] = summary.Skipped, ["companies created"] = summary.CompaniesCreated,
                })],
            ["rows/s = rows in the file / seconds; p95 = the rate 95% of the runs reach"]);
    }

    /// <summary>The floor: the rows stored as they are, companies matched by name or created, no rules, duplicates or suppression.</summary>
    private static async Task RawInsertAsync(string connectionString, byte[] file)
    {
        var records = PersonImport.Read(new MemoryStream(file), ["firstname", "lastname", "company"]);
        // Outside the pool, so its enlarged cache does not follow the connection into other work.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        // The page cache the import itself uses (BulkWriteTuning), so the floor is measured under the same conditions.
        await using (var cache = connection.CreateCommand())
        {
            cache.CommandText = $"PRAGMA cache_size = {-BulkWriteTuning.DefaultKibibytes}";
            await cache.ExecuteNonQueryAsync();
        }

        await using var transaction = connection.BeginTransaction();
        var companies = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT NameKey, Id FROM Companies";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                companies.TryAdd(reader.GetString(0), reader.GetInt64(1));
            }
        }

        var now = System.DateTime.UtcNow;
        await using var company = Insert(connection, transaction, "Companies", "Name", "NameKey", "Type", "CountryCode", "CreatedAtUtc", "UpdatedAtUtc", "ConcurrencyStamp");
        await using var prospect = Insert(connection, transaction, "Prospects", "CompanyId", "FirstName", "LastName", "FirstNameKey", "LastNameKey", "JobTitle", "Email",
            "Phone", "Mobile", "PreferredLanguage", "Source", "AssessmentId", "LegitimateInterestNote", "LegitimateInterestNoteById",
            "LegitimateInterestNoteByName", "LegitimateInterestNoteAtUtc", "OwnerId", "OwnerName", "CreatedAtUtc", "UpdatedAtUtc", "ConcurrencyStamp", "IsRestricted");
        var sales = DemoStaff.Sales;
        foreach (var record in records)
        {
            var name = record["company"] ?? "";
            var key = ContactNormaliser.SearchKey(name);
            if (!companies.TryGetValue(key, out var companyId))
            {
                Bind(company, name, key, "Prospect", "BE", DateTime(now), DateTime(now), Guid(System.Guid.NewGuid()));
                companyId = Convert.ToInt64(await company.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                companies[key] = companyId;
            }

            var first = record["firstname"] ?? "";
            var last = record["lastname"] ?? "";
            Bind(prospect, companyId, first, last, ContactNormaliser.SearchKey(first), ContactNormaliser.SearchKey(last), record["jobtitle"], record["email"],
                record["phone"], record["mobile"], "Dutch", "Event", 1, "Bezocht onze stand.", sales.Id, sales.Name, DateTime(now), sales.Id, sales.Name,
                DateTime(now), DateTime(now), Guid(System.Guid.NewGuid()), 0L);
            await prospect.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))}) RETURNING Id";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}

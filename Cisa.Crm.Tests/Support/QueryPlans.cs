using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cisa.Crm.Tests.Support;

/// <summary>
/// Captures the statements EF Core sends, then asks SQLite's own planner how it would run each one: a search that
/// must stay fast at hundreds of thousands of rows may read through indexes only, never "SCAN" a table.
/// </summary>
public sealed class QueryPlans : DbCommandInterceptor
{
    public List<(string Sql, List<(string Name, object? Value)> Parameters)> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>Fails with the statement and its plan when any captured statement scans a table.</summary>
    public async Task AssertNoTableScansAsync(string databasePath)
    {
        Assert.NotEmpty(Commands);
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        foreach (var (sql, parameters) in Commands)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(3));
                }
            }

            // Scanning a co-routine or materialised sub-result reads rows its own (checked) step produced; json_each and constant rows are no tables.
            var subResults = plan.Where(step => step.StartsWith("CO-ROUTINE ", StringComparison.Ordinal) || step.StartsWith("MATERIALIZE ", StringComparison.Ordinal))
                .Select(step => "SCAN " + step[(step.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ToHashSet(StringComparer.Ordinal);
            var scans = plan.Where(step => step.StartsWith("SCAN ", StringComparison.Ordinal) && !step.Contains("USING", StringComparison.Ordinal)
                && !subResults.Contains(step)
                && !step.StartsWith("SCAN json_each", StringComparison.Ordinal) && !step.Contains("CONSTANT ROW", StringComparison.Ordinal)).ToList();
            Assert.True(scans.Count == 0, $"Full scan in:\n{sql}\nplan:\n{string.Join("\n", plan)}");
        }
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cisa.Crm.Benchmarks.Running;

/// <summary>The text and parameter values of one command EF Core sent to SQLite.</summary>
public sealed record CapturedCommand(string Text, IReadOnlyList<(string Name, object? Value, SqliteType Type)> Parameters);

/// <summary>
/// Records the commands EF Core executes, so a baseline can send exactly the same SQL with the same
/// values through raw Microsoft.Data.Sqlite. Registered only on a separate service provider, never on the measured one.
/// </summary>
public sealed class SqlCapture : DbCommandInterceptor
{
    private readonly List<CapturedCommand> _commands = [];

    public List<CapturedCommand> Take()
    {
        var taken = _commands.ToList();
        _commands.Clear();
        return taken;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Recorded(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Recorded(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Recorded(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Recorded(command, result));

    /// <summary>Records the command's text and parameter values, and lets EF Core go on with it unchanged.</summary>
    private T Recorded<T>(DbCommand command, T result)
    {
        _commands.Add(new CapturedCommand(command.CommandText,
            command.Parameters.Cast<SqliteParameter>().Select(p => (p.ParameterName, p.Value == DBNull.Value ? null : p.Value, p.SqliteType)).ToList()));
        return result;
    }
}

/// <summary>Sends captured commands through raw Microsoft.Data.Sqlite and reads every value of every row, as a materialiser would.</summary>
public static class RawSqlite
{
    public static async Task<int> ExecuteAsync(string connectionString, IReadOnlyList<CapturedCommand> commands)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var rows = 0;
        foreach (var captured in commands)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = captured.Text;
            foreach (var (name, value, type) in captured.Parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, type) { Value = value ?? DBNull.Value });
            }

            rows += await ReadAllAsync(command);
        }

        return rows;
    }

    /// <summary>SQLite's plan for a captured command, one line per step.</summary>
    public static async Task<List<string>> PlanAsync(string connectionString, CapturedCommand captured)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + captured.Text;
        foreach (var (name, value, type) in captured.Parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, type) { Value = value ?? DBNull.Value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    public static async Task<int> ReadAllAsync(SqliteCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }

            rows++;
        }

        return rows;
    }
}

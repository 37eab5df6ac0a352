using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cisa.Crm.Core.Data.Sqlite;

/// <summary>
/// One SQL statement prepared on the connection's native handle, bound by position and run again and again: for the
/// bulk writers (the CSV import's rows, a sweep's audit entries). Microsoft.Data.Sqlite looks every parameter up by
/// name at every execution (a UTF-8 copy of the name and a search through the statement's names), which took a fifth
/// of each imported row's insert. Values are bound as Microsoft.Data.Sqlite binds them, so the rows are the same.
/// Runs in whatever transaction the connection is in; the caller begins and ends it.
/// </summary>
public sealed class PositionalStatement : IDisposable
{
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(150);

    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    private PositionalStatement(SqliteConnection connection, sqlite3_stmt statement)
    {
        _connection = connection;
        _statement = statement;
    }

    /// <summary>How many parameters the statement has; positions run from 1 to this.</summary>
    public int ParameterCount => raw.sqlite3_bind_parameter_count(_statement);

    /// <summary>Prepares <paramref name="sql"/> (one statement) on an open connection.</summary>
    public static PositionalStatement Prepare(SqliteConnection connection, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        return new PositionalStatement(connection, statement);
    }

    /// <summary>
    /// Binds a provider value (after any EF value converter) at a 1-based position. <paramref name="asText"/> is the
    /// column's storage when a value could go either way, as EF's type mapping says (its SQLite GUIDs are text).
    /// </summary>
    public void Bind(int position, object? value, bool asText = true)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, position),
            string text => raw.sqlite3_bind_text(_statement, position, text),
            long number => raw.sqlite3_bind_int64(_statement, position, number),
            int number => raw.sqlite3_bind_int64(_statement, position, number),
            short number => raw.sqlite3_bind_int64(_statement, position, number),
            byte number => raw.sqlite3_bind_int64(_statement, position, number),
            bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(_statement, position, real),
            float real => raw.sqlite3_bind_double(_statement, position, real),
            decimal number => raw.sqlite3_bind_text(_statement, position, number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            DateTime moment => raw.sqlite3_bind_text(_statement, position, moment.ToString(DateTimeFormat, CultureInfo.InvariantCulture)),
            DateOnly day => raw.sqlite3_bind_text(_statement, position, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Guid id when asText => raw.sqlite3_bind_text(_statement, position, id.ToString().ToUpperInvariant()),
            Guid id => raw.sqlite3_bind_blob(_statement, position, id.ToByteArray()),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, position, bytes),
            _ => throw new NotSupportedException($"A positional statement does not bind {value.GetType().Name} values."),
        };
        SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
    }

    /// <summary>Runs the statement (it returns no rows) and readies it for the next values.</summary>
    public void Execute()
    {
        var timeout = TimeSpan.FromSeconds(_connection.DefaultTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            int rc;
            // Another connection's write lock: wait for it as Microsoft.Data.Sqlite does, up to the connection's timeout.
            while ((rc = raw.sqlite3_step(_statement)) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED && Stopwatch.GetElapsedTime(started) < timeout)
            {
                raw.sqlite3_reset(_statement);
                Thread.Sleep(BusyPause);
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();
}

using Cisa.Crm.Core.Data.Sqlite;
using Cisa.Crm.Core.Data;
using Microsoft.Data.Sqlite;

namespace Cisa.Crm.Tests.Core.Data.Sqlite;

/// <summary>The bulk writers' statement: values stored as Microsoft.Data.Sqlite stores them, errors raised as its exceptions.</summary>
public sealed class PositionalStatementTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public PositionalStatementTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, a, b, c, d, e, f)";
        create.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Values_are_stored_as_a_named_parameter_stores_them()
    {
        var moment = new DateTime(2026, 2, 28, 23, 59, 58, 120, DateTimeKind.Utc);
        var stamp = Guid.NewGuid();
        object?[] values = [moment, new DateOnly(2028, 2, 29), true, stamp, 12.5m, null];

        using (var statement = PositionalStatement.Prepare(_connection, "INSERT INTO t VALUES (1, ?, ?, ?, ?, ?, ?)"))
        {
            Assert.Equal(6, statement.ParameterCount);
            for (var i = 0; i < values.Length; i++)
            {
                statement.Bind(i + 1, values[i]);
            }

            statement.Execute();
        }

        using var named = _connection.CreateCommand();
        named.CommandText = "INSERT INTO t VALUES (2, $a, $b, $c, $d, $e, $f)";
        foreach (var (name, value) in new[] { "$a", "$b", "$c", "$d", "$e", "$f" }.Zip(values))
        {
            named.Parameters.Add(new SqliteParameter(name, value ?? DBNull.Value) { SqliteType = name == "$d" ? SqliteType.Text : default });
        }

        named.ExecuteNonQuery();
        Assert.Equal(Row(2), Row(1));
    }

    [Fact]
    public void A_failed_row_raises_SQLites_error_and_the_statement_takes_the_next_row()
    {
        using var statement = PositionalStatement.Prepare(_connection, "INSERT INTO t (id, a) VALUES (?, ?)");
        statement.Bind(1, 7);
        statement.Bind(2, "first");
        statement.Execute();

        statement.Bind(2, "same key");
        var error = Assert.Throws<SqliteException>(statement.Execute);
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);

        statement.Bind(1, 8);
        statement.Execute();
        Assert.Equal(["first", "same key"], [Row(7)[0], Row(8)[0]]);
    }

    private List<string> Row(long id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT typeof(a) || ':' || quote(a), typeof(b) || ':' || quote(b), typeof(c) || ':' || quote(c), typeof(d) || ':' || quote(d), " +
            "typeof(e) || ':' || quote(e), typeof(f) || ':' || quote(f), a FROM t WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return id is 7 or 8 ? [reader.GetString(6)] : Enumerable.Range(0, 6).Select(reader.GetString).ToList();
    }
}

using Microsoft.Data.Sqlite;

namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>
/// One prepared <c>INSERT</c> reused for every row of a table: parsing the SQL once and rebinding
/// values is what makes the load run at hundreds of thousands of rows per second.
/// </summary>
internal sealed class BulkInsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public BulkInsert(SqliteConnection connection, string table, params string[] columns)
    {
        Table = table;
        _command = connection.CreateCommand();
        _command.CommandText =
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        _parameters = new SqliteParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
        }

        _command.Prepare();
    }

    public string Table { get; }

    public long Rows { get; private set; }

    public void Insert(params ReadOnlySpan<object?> values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"{Table} takes {_parameters.Length} values, got {values.Length}.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
        Rows++;
    }

    public void Dispose() => _command.Dispose();
}

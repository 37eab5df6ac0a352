using Microsoft.Data.Sqlite;

namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>
/// Stops the generator when the model has grown a required column it does not fill, naming it,
/// instead of loading rows the app would not have written.
/// </summary>
internal static class SchemaCheck
{
    public static void EnsureCovered(SqliteConnection connection, string table, IReadOnlyCollection<string> columns)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var missing = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var name = reader.GetString(0);
            known.Add(name);
            var required = reader.GetInt64(1) == 1 && reader.IsDBNull(2) && reader.GetInt64(3) == 0;
            if (required && !columns.Contains(name))
            {
                missing.Add(name);
            }
        }

        if (known.Count == 0)
        {
            throw new InvalidOperationException($"The migrated database has no table {table}: the generator is out of date with the model.");
        }

        var unknown = columns.Where(c => !known.Contains(c)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The generator is out of date with table {table}: required columns not filled [{string.Join(", ", missing)}], columns no longer there [{string.Join(", ", unknown)}].");
        }
    }
}

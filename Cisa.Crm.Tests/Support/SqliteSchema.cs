using Microsoft.Data.Sqlite;

namespace Cisa.Crm.Tests.Support;

/// <summary>What a SQLite file's schema is: every table, index and trigger with its SQL, to compare two databases.</summary>
public static class SqliteSchema
{
    public static async Task<List<string>> ObjectsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ' ' || IFNULL(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsLock' ORDER BY type, name";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}

using Cisa.Crm.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cisa.Crm.Tests.Core.Data;

/// <summary><c>db/schema.sql</c> is the DBA's copy of every migration; it must never fall behind them.</summary>
public sealed class SchemaScriptTests
{
    [Fact]
    public async Task Db_schema_sql_is_the_script_of_all_current_migrations()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();
        var expected = context.GetService<IMigrator>().GenerateScript();

        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "db", "schema.sql"));

        Assert.True(Normalise(expected) == Normalise(committed),
            "db/schema.sql is out of date. Regenerate it with: dotnet ef migrations script --project Cisa.Crm.Core --startup-project Cisa.Crm.Core --output db/schema.sql");
    }

    [Fact]
    public async Task Db_schema_sql_builds_the_same_schema_as_the_migrations()
    {
        await using var migrated = await TestDatabase.CreateAsync();
        var scripted = Path.Combine(Path.GetTempPath(), $"cisa-crm-script-{Guid.NewGuid():N}.db");
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={scripted};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "db", "schema.sql"));
                await command.ExecuteNonQueryAsync();
            }

            Assert.Equal(await SqliteSchema.ObjectsAsync(migrated.FilePath), await SqliteSchema.ObjectsAsync(scripted));
        }
        finally
        {
            File.Delete(scripted);
        }
    }

    private static string Normalise(string script) => script.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\uFEFF', '\n', ' ');
}

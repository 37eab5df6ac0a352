using Cisa.Crm.Core.Data.Sqlite;
using Cisa.Crm.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Core.Data.Sqlite;

/// <summary>
/// <c>secure_delete</c> runs once per native connection, not on every open: the app's pooled connections must still
/// all have it, including a pooled handle that some other code opened first without it.
/// </summary>
public sealed class SecureDeleteTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cisa-crm-secure-delete-{Guid.NewGuid():N}.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_pooled_connection_the_app_opens_has_secure_delete_on_also_when_another_user_of_the_pool_opened_it_first()
    {
        var connectionString = $"Data Source={_path};Pooling=True";
        await using (var raw = new SqliteConnection(connectionString))
        {
            // Another user of the same pool (a tool, a raw baseline) leaves the native connection with the pragma off.
            await raw.OpenAsync();
            await using var off = raw.CreateCommand();
            off.CommandText = "PRAGMA secure_delete = OFF;";
            await off.ExecuteNonQueryAsync();
        }

        var options = new DbContextOptionsBuilder<CrmDbContext>().UseSqlite(connectionString).AddInterceptors(new SqliteSecureDeleteInterceptor()).Options;
        for (var open = 0; open < 3; open++)
        {
            await using var db = new CrmDbContext(options);
            Assert.Equal(1L, await db.Database.SqlQueryRaw<long>("SELECT secure_delete AS Value FROM pragma_secure_delete").SingleAsync());
        }
    }
}

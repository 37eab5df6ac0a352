using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data.Sqlite;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Prospects.Import;

/// <summary>
/// The import stores its rows through <see cref="PreparedInsert{TEntity}"/> instead of SaveChanges. These tests fail
/// when the model gains a required column the insert would leave out, or when a value is stored differently
/// from the way SaveChanges stores it (dates, enums, GUIDs), so imported rows read back like any other.
/// </summary>
public sealed class ImportPreparedInsertTests : SalesTestBase
{
    [Theory]
    [InlineData(typeof(Prospect), "Prospects")]
    [InlineData(typeof(Company), "Companies")]
    public async Task The_prepared_insert_fills_every_required_column_of_the_migrated_table(Type entity, string table)
    {
        await using var db = Db.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var columns = entity == typeof(Prospect)
            ? await ColumnsAsync<Prospect>(db)
            : await ColumnsAsync<Company>(db);

        var required = new List<string>();
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE \"notnull\" = 1 AND dflt_value IS NULL AND pk = 0";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                required.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(required);
        Assert.Empty(required.Except(columns));
    }

    [Fact]
    public async Task A_prospect_stored_by_the_prepared_insert_is_the_row_SaveChanges_stores()
    {
        var actor = SalesPeople.Sofie;
        var now = new DateTime(2026, 3, 14, 9, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567);
        Prospect Made(string email) => ProspectService.NewProspect(
            NewProspect() with { FirstName = "Geërt", LastName = "Van den Broeck", Email = email, Phone = "+3214213456", Source = ProspectSource.LinkedIn },
            "herentals bouw", actor, now);
        var stamp = Guid.NewGuid();

        var bySaveChanges = Made("geert@example.be");
        bySaveChanges.ConcurrencyStamp = stamp;
        await using (var db = Db.CreateContext())
        {
            db.Prospects.Add(bySaveChanges);
            await db.SaveChangesAsync();
        }

        var byInsert = Made("geert.2@example.be");
        byInsert.ConcurrencyStamp = stamp;
        await using (var db = Db.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using (var insert = await PreparedInsert.CreateAsync<Prospect>(db, CancellationToken.None))
            {
                await insert.InsertAsync(byInsert, CancellationToken.None);
            }

            await transaction.CommitAsync();
        }

        Assert.True(byInsert.Id > bySaveChanges.Id);
        var saved = await RawRowAsync(bySaveChanges.Id);
        var inserted = await RawRowAsync(byInsert.Id);
        Assert.Equal(saved.Keys.Order(), inserted.Keys.Order());
        foreach (var (column, value) in saved)
        {
            if (column is "Id" or "Email")
            {
                continue;
            }

            Assert.True(Equals(value, inserted[column]), $"{column}: SaveChanges stored {value}, the prepared insert {inserted[column]}");
        }

        await using var read = Db.CreateContext();
        var readBack = await read.Prospects.AsNoTracking().SingleAsync(p => p.Id == byInsert.Id);
        Assert.Equal(("geert", "van den broeck", now, DateTimeKind.Utc), (readBack.FirstNameKey, readBack.LastNameKey, readBack.CreatedAtUtc, readBack.CreatedAtUtc.Kind));
    }

    private static async Task<IReadOnlyList<string>> ColumnsAsync<T>(CrmDbContext db)
        where T : class
    {
        await using var insert = await PreparedInsert.CreateAsync<T>(db, CancellationToken.None);
        return insert.ColumnNames;
    }

    /// <summary>Each column as SQLite holds it: its storage class and value.</summary>
    private async Task<Dictionary<string, (string Type, object? Value)>> RawRowAsync(int id)
    {
        await using var connection = new SqliteConnection($"Data Source={Db.FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Prospects WHERE Id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var row = new Dictionary<string, (string, object?)>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row[reader.GetName(i)] = (reader.GetDataTypeName(i), reader.IsDBNull(i) ? null : reader.GetValue(i));
        }

        return row;
    }
}

using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Data;

/// <summary>
/// A larger SQLite page cache for one bulk write on a context's connection, restored on dispose. Inserting
/// tens of thousands of rows updates every index of the table at random places: with the default 2 MB cache
/// SQLite keeps evicting and spilling those pages to the WAL in the middle of the transaction (the import ran
/// a quarter faster with 256 MB). Restored, because the connection goes back to the pool afterwards.
/// </summary>
public sealed class BulkWriteCache : IAsyncDisposable
{
    public const int DefaultKibibytes = 256 * 1024;

    private readonly DbConnection _connection;
    private readonly long _previous;

    private BulkWriteCache(DbConnection connection, long previous)
    {
        _connection = connection;
        _previous = previous;
    }

    /// <summary>Opens the context's connection (it stays open until the context is disposed) and enlarges its page cache.</summary>
    public static async Task<BulkWriteCache> EnlargeAsync(CrmDbContext db, CancellationToken cancellationToken, int kibibytes = DefaultKibibytes)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var previous = Convert.ToInt64(await ExecuteAsync(connection, "PRAGMA cache_size", cancellationToken), CultureInfo.InvariantCulture);
        await ExecuteAsync(connection, $"PRAGMA cache_size = {-kibibytes}", cancellationToken);
        return new BulkWriteCache(connection, previous);
    }

    public async ValueTask DisposeAsync() =>
        await ExecuteAsync(_connection, $"PRAGMA cache_size = {_previous.ToString(CultureInfo.InvariantCulture)}", CancellationToken.None);

    private static async Task<object?> ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}

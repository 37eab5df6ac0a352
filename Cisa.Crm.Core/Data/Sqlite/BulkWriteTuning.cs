using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Data.Sqlite;

/// <summary>
/// A larger SQLite page cache for one bulk write on a context's connection, restored on dispose. Inserting
/// tens of thousands of rows updates every index of the table at random places: with the default 2 MB cache
/// SQLite keeps evicting and spilling those pages to the WAL in the middle of the transaction (the import ran
/// a quarter faster with 256 MB). Optionally WAL's NORMAL synchronisation too, for writes of many commits, and no
/// automatic checkpoints, for a writer that checkpoints once when it is done (the retention sweep). All are restored,
/// because the connection goes back to the pool afterwards and must not carry them to other work.
/// </summary>
public sealed class BulkWriteTuning : IAsyncDisposable
{
    public const int DefaultKibibytes = 256 * 1024;

    private readonly DbConnection _connection;
    private readonly long _previous;
    private readonly long? _previousSynchronous;
    private readonly long? _previousAutoCheckpoint;

    private BulkWriteTuning(DbConnection connection, long previous, long? previousSynchronous, long? previousAutoCheckpoint)
    {
        _connection = connection;
        _previous = previous;
        _previousSynchronous = previousSynchronous;
        _previousAutoCheckpoint = previousAutoCheckpoint;
    }

    /// <summary>
    /// Opens the context's connection (it stays open until the context is disposed), enlarges its page cache and, if
    /// asked, relaxes synchronisation to NORMAL and stops the checkpoints SQLite would run at every commit once the
    /// log passes 1,000 pages.
    /// </summary>
    public static async Task<BulkWriteTuning> ApplyAsync(CrmDbContext db, CancellationToken cancellationToken, int kibibytes = DefaultKibibytes,
        bool synchronousNormal = false, bool deferCheckpoints = false)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var previous = await PragmaAsync(connection, "cache_size", cancellationToken);
        await ExecuteAsync(connection, $"PRAGMA cache_size = {-kibibytes}", cancellationToken);
        long? previousSynchronous = null;
        if (synchronousNormal)
        {
            previousSynchronous = await PragmaAsync(connection, "synchronous", cancellationToken);
            await ExecuteAsync(connection, "PRAGMA synchronous = NORMAL", cancellationToken);
        }

        long? previousAutoCheckpoint = null;
        if (deferCheckpoints)
        {
            previousAutoCheckpoint = await PragmaAsync(connection, "wal_autocheckpoint", cancellationToken);
            await ExecuteAsync(connection, "PRAGMA wal_autocheckpoint = 0", cancellationToken);
        }

        return new BulkWriteTuning(connection, previous, previousSynchronous, previousAutoCheckpoint);
    }

    public async ValueTask DisposeAsync()
    {
        await ExecuteAsync(_connection, $"PRAGMA cache_size = {_previous.ToString(CultureInfo.InvariantCulture)}", CancellationToken.None);
        if (_previousSynchronous is { } synchronous)
        {
            await ExecuteAsync(_connection, $"PRAGMA synchronous = {synchronous.ToString(CultureInfo.InvariantCulture)}", CancellationToken.None);
        }

        if (_previousAutoCheckpoint is { } autoCheckpoint)
        {
            await ExecuteAsync(_connection, $"PRAGMA wal_autocheckpoint = {autoCheckpoint.ToString(CultureInfo.InvariantCulture)}", CancellationToken.None);
        }
    }

    private static async Task<long> PragmaAsync(DbConnection connection, string pragma, CancellationToken cancellationToken) =>
        Convert.ToInt64(await ExecuteAsync(connection, $"PRAGMA {pragma}", cancellationToken), CultureInfo.InvariantCulture);

    private static async Task<object?> ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}

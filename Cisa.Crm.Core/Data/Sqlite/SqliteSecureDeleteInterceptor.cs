using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cisa.Crm.Core.Data.Sqlite;

/// <summary>
/// Turns on SQLite's <c>secure_delete</c> on every connection, so a deleted or overwritten row is zeroed
/// in the file instead of lingering in free space where a copy of the database would still reveal it
/// (the "no trace" promise of erasure). It also gives every connection a busy timeout (<see cref="BusyTimeoutPragma"/>).
/// </summary>
/// <remarks>
/// The pragma belongs to the native connection, which the connection pool keeps open between uses: it runs once per
/// native handle instead of on every open (a statement per query the list made). A new handle, pooled or not, is
/// always seen here first, because the pragma is only remembered after it ran on that very handle.
/// </remarks>
public sealed class SqliteSecureDeleteInterceptor : DbConnectionInterceptor
{
    internal const string Pragma = "PRAGMA secure_delete = ON;";

    /// <summary>
    /// A writer that meets the write lock taken waits inside SQLite, which tries again after 1, 2, 5, 10, 15, 20, 25 ms
    /// and so on, so it gets the lock within milliseconds of the commit that frees it (a writer in the retention sweep's
    /// way, <see cref="WaitingWriters"/>). Without it Microsoft.Data.Sqlite tries again every 150 ms, which alone would
    /// spend most of a person's 250 ms. Past this second Microsoft.Data.Sqlite's own retries take over, up to the
    /// command timeout.
    /// </summary>
    internal const string BusyTimeoutPragma = "PRAGMA busy_timeout = 1000;";

    // Weak keys: a handle the pool closes drops out on its own.
    private static readonly ConditionalWeakTable<object, object> SecuredHandles = [];
    private static readonly object Secured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsSecured(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragma + BusyTimeoutPragma;
        command.ExecuteNonQuery();
        MarkSecured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsSecured(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragma + BusyTimeoutPragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkSecured(connection);
    }

    private static bool IsSecured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && SecuredHandles.TryGetValue(handle, out _);

    private static void MarkSecured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SecuredHandles.AddOrUpdate(handle, Secured);
        }
    }
}

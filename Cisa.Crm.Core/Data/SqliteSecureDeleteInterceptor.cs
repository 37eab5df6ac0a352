using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cisa.Crm.Core.Data;

/// <summary>
/// Turns on SQLite's <c>secure_delete</c> on every connection, so a deleted or overwritten row is zeroed
/// in the file instead of lingering in free space where a copy of the database would still reveal it
/// (the "no trace" promise of erasure).
/// </summary>
public sealed class SqliteSecureDeleteInterceptor : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

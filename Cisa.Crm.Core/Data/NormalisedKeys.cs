using System.Data.Common;
using System.Globalization;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Privacy.Suppression;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Data;

/// <summary>
/// Issue 18: recomputes what was stored normalised before <see cref="ContactNormaliser"/> dropped invisible format characters
/// (and NFKC- and IDNA-normalised e-mail addresses): the people's and companies' search keys, the prospects' copy of their
/// company's key, and every stored e-mail address (prospects, partner contacts, applicants, subject requests and their
/// rectifications), so the duplicate checks and searches find them again.
/// </summary>
/// <remarks>
/// <para>
/// Run once by <see cref="DatabaseInitializer"/> just before it applies the (empty) migration
/// <see cref="Migrations.RecomputeNormalisedKeys"/>, in one transaction; if the start stops in between, the migration is still pending and the step
/// runs again, which changes nothing the second time. Plain SQL against the tables as they were at that migration, so a
/// later change of the model cannot break it. Only values with a character outside ASCII (or an <c>xn--</c> domain) can
/// change, and only those are read.
/// </para>
/// <para>
/// The suppression list holds keyed hashes (DSR-OBJECT) that cannot be recomputed: an address suppressed before the fix
/// with an invisible character in it was hashed with that character, so its entry no longer matches anything. Where that
/// old spelling is still stored in the CRM (a record, a request's requester e-mail), the step adds the hash of the
/// normalised spelling with the same request reference; what was erased with nothing left of it cannot be found again.
/// </remarks>
public static class NormalisedKeys
{
    private static readonly (string Table, string Column)[] Emails =
    [
        ("Prospects", "Email"), ("Applicants", "Email"), ("PartnerContactEmails", "Address"),
        ("SubjectRequests", "RequesterEmail"), ("SubjectRequestDecisions", "NewEmail"),
    ];

    /// <summary>What changed: name and company keys, e-mail addresses, and suppression hashes added for a new spelling.</summary>
    public sealed record Result(int Keys, int Emails, int SuppressionsCarriedOver);

    public static async Task<Result> RecomputeAsync(CrmDbContext db, SuppressionList suppression, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var keys = 0;
            foreach (var table in new[] { "Prospects", "PartnerContacts", "Applicants" })
            {
                keys += await RekeyAsync(connection, transaction, table, "FirstName", "FirstNameKey", cancellationToken);
                keys += await RekeyAsync(connection, transaction, table, "LastName", "LastNameKey", cancellationToken);
            }

            keys += await RekeyAsync(connection, transaction, "Companies", "Name", "NameKey", cancellationToken);
            keys += await ExecuteAsync(connection, transaction,
                "UPDATE Prospects SET CompanyNameKey = (SELECT c.NameKey FROM Companies c WHERE c.Id = Prospects.CompanyId) " +
                "WHERE CompanyNameKey <> (SELECT c.NameKey FROM Companies c WHERE c.Id = Prospects.CompanyId)", [], cancellationToken);

            var emails = 0;
            var carried = 0;
            foreach (var (table, column) in Emails)
            {
                foreach (var (id, stored) in await ReadAsync(connection, transaction,
                    $"SELECT Id, {column} FROM {table} WHERE {column} IS NOT NULL AND (length(CAST({column} AS BLOB)) <> length({column}) OR {column} LIKE '%xn--%')", cancellationToken))
                {
                    if (ContactNormaliser.NormaliseEmail(stored) is not { } normalised || normalised == stored)
                    {
                        continue; // already right, or not an address by today's rules: left as it was, for a person to correct
                    }

                    emails += await ExecuteAsync(connection, transaction, $"UPDATE {table} SET {column} = $value WHERE Id = $id", [("$value", normalised), ("$id", id)], cancellationToken);
                    carried += await CarryOverSuppressionAsync(connection, transaction, suppression, stored, normalised, nowUtc, cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
            return new Result(keys, emails, carried);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<int> RekeyAsync(DbConnection connection, DbTransaction transaction, string table, string column, string keyColumn, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var (id, name) in await ReadAsync(connection, transaction,
            $"SELECT Id, {column} FROM {table} WHERE length(CAST({column} AS BLOB)) <> length({column})", cancellationToken))
        {
            changed += await ExecuteAsync(connection, transaction, $"UPDATE {table} SET {keyColumn} = $key WHERE Id = $id AND {keyColumn} <> $key",
                [("$key", ContactNormaliser.SearchKey(name)), ("$id", id)], cancellationToken);
        }

        return changed;
    }

    /// <summary>DSR-OBJECT: when the old spelling's hash is on the list, the new spelling's is added beside it.</summary>
    private static async Task<int> CarryOverSuppressionAsync(DbConnection connection, DbTransaction transaction, SuppressionList suppression,
        string oldValue, string newValue, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var kind = nameof(ContactKind.Email);
        return await ExecuteAsync(connection, transaction,
            "INSERT INTO SuppressionEntries (Kind, KeyedHash, CreatedAtUtc, RequestReference) " +
            "SELECT Kind, $new, $now, RequestReference FROM SuppressionEntries WHERE Kind = $kind AND KeyedHash = $old " +
            "AND NOT EXISTS (SELECT 1 FROM SuppressionEntries WHERE Kind = $kind AND KeyedHash = $new) LIMIT 1",
            [("$kind", kind), ("$old", suppression.Hash(oldValue)), ("$new", suppression.Hash(newValue)), ("$now", UtcDateTimeText(nowUtc))], cancellationToken);
    }

    private static string UtcDateTimeText(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static async Task<List<(long Id, string Value)>> ReadAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var rows = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return rows;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

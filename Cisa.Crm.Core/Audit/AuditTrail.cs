using Cisa.Crm.Core.Data.Sqlite;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Security;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Core.Audit;

/// <summary>
/// Writes the audit trail. Every core service records its change through <see cref="RecordAsync"/>
/// inside the transaction of that change, so a change without its audit line (or the reverse) can
/// never be committed. Permission checks belong to the calling service, not to the trail.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider time, IOptions<AuditOptions> options, AuditAnchor anchor)
{
    internal byte[] Key { get; } = Encoding.UTF8.GetBytes(options.Value.Key);

    /// <summary>The end of the chain, kept outside the database; every commit that writes entries advances it.</summary>
    public AuditAnchor Anchor => anchor;

    /// <summary>
    /// Appends an entry inside <paramref name="db"/>'s open transaction. SQLite transactions
    /// start as <c>BEGIN IMMEDIATE</c>, so reading the chain's head and appending to it is atomic
    /// even with several writers.
    /// </summary>
    public async Task<AuditEntry> RecordAsync(CrmDbContext db, CrmActor actor, string action, string entityType,
        string? entityId = null, string? details = null, CancellationToken cancellationToken = default)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("An audit entry is written in the transaction of the change it records: begin one first.");

        var head = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);

        var entry = AuditEntry.Create(
            id: (head?.Id ?? 0) + 1,
            occurredAtUtc: time.GetUtcNow().UtcDateTime,
            actorId: actor.Id,
            actorName: actor.DisplayName,
            action: action,
            entityType: entityType,
            entityId: entityId,
            details: details,
            previousHash: head?.Hash ?? AuditEntry.GenesisHash,
            key: Key);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        anchor.Track(transaction.GetDbTransaction(), entry);
        return entry;
    }

    /// <summary>
    /// Appends many entries at once in <paramref name="db"/>'s open transaction (a sweep batch): the chain's
    /// head is read once and the rows go in through one prepared statement, about ten times faster than
    /// tracking each entry (a sweep writes one entry per erased person). Same rows, same hashes as
    /// <see cref="RecordAsync"/>.
    /// </summary>
    public async Task RecordManyAsync(CrmDbContext db, CrmActor actor, IEnumerable<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("An audit entry is written in the transaction of the change it records: begin one first.");
        var head = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var (id, hash) = (head?.Id ?? 0, head?.Hash ?? AuditEntry.GenesisHash);
        var now = time.GetUtcNow().UtcDateTime;

        // A sweep writes a hundred thousand entries: one statement, bound by position (see PositionalStatement).
        using var insert = PositionalStatement.Prepare((SqliteConnection)db.Database.GetDbConnection(), """
            INSERT INTO "AuditEntries" ("Id", "OccurredAtUtc", "ActorId", "ActorName", "Action", "EntityType", "EntityId", "Details", "PreviousHash", "Hash", "HashFormat")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """);
        var occurredAt = now.ToString(SqliteDateTimeFormat, CultureInfo.InvariantCulture);
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = AuditEntry.Create(++id, now, actor.Id, actor.DisplayName, record.Action, record.EntityType, record.EntityId, record.Details, hash, Key);
            object?[] values = [entry.Id, occurredAt, entry.ActorId, entry.ActorName, entry.Action, entry.EntityType, entry.EntityId, entry.Details, entry.PreviousHash, entry.Hash, entry.HashFormat];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Bind(i + 1, values[i]);
            }

            insert.Execute();
            hash = entry.Hash;
            anchor.Track(transaction.GetDbTransaction(), entry);
        }
    }

    /// <summary>How EF Core's SQLite provider writes a DateTime; the chain's verification reads these rows back through EF.</summary>
    private const string SqliteDateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    /// <summary>Records an event that changes no data of its own, such as a sign-in, in a transaction of its own.</summary>
    public async Task<AuditEntry> RecordEventAsync(CrmActor actor, string action, string entityType, string? entityId = null,
        string? details = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entry = await RecordAsync(db, actor, action, entityType, entityId, details, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry;
    }

    /// <summary>
    /// Starts the anchor when it has none (a new database, or one written before the anchor existed): at the chain's
    /// current end, and, when the trail already holds entries, with an entry that says from which entry on its end is
    /// proven. An anchor that exists is left for verification to judge. Runs on start, after the migrations.
    /// </summary>
    public async Task StartAnchorAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var head = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        if (anchor.StartIfMissing(head?.Id ?? 0, head?.Hash ?? AuditEntry.GenesisHash) && head is not null)
        {
            await RecordAsync(db, CrmActor.System, AuditActions.AuditAnchorStarted, "AuditTrail",
                details: string.Create(CultureInfo.InvariantCulture, $"entries={head.Id}"), cancellationToken: cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>One entry for <see cref="AuditTrail.RecordManyAsync"/>.</summary>
public sealed record AuditRecord(string Action, string EntityType, string? EntityId, string? Details);

/// <summary>The key of the audit chain's HMAC, from configuration (<c>Crm:Audit:Key</c>), never from the repository; and where the anchor lives.</summary>
public sealed class AuditOptions
{
    public string Key { get; set; } = "";

    /// <summary>The anchor file (<see cref="AuditAnchor"/>), outside the database file: <c>Crm:Audit:AnchorPath</c>.</summary>
    public string AnchorPath { get; set; } = "";
}

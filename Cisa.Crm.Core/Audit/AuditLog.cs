using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Security;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Audit;

/// <summary>
/// One entry of the trail as the browser shows it. <paramref name="Subject"/> is the record the entry is about when
/// it still exists and the reader may open it (for a call, its prospect); null otherwise.
/// </summary>
public sealed record AuditEntryRow(long Id, DateTime OccurredAtUtc, string ActorId, string ActorName, string Action,
    string EntityType, string? EntityId, string? Details, AuditSubject? Subject = null);

/// <summary>What kind of page an audit entry's record opens on.</summary>
public enum AuditSubjectKind
{
    Prospect,
    PartnerContact,
    Applicant,
    Company,
    SubjectRequest,
    Assessment,
    Procedure,
    RetentionRun,
}

/// <summary>The live record an audit entry is about: its kind and id.</summary>
public sealed record AuditSubject(AuditSubjectKind Kind, int Id);

/// <summary>Filters of the audit browser; the dates are UTC instants (the page converts from Brussels days).</summary>
public sealed record AuditFilter(string? ActorId = null, string? Action = null, DateTime? FromUtc = null, DateTime? ToUtcExclusive = null);

public sealed record AuditActorOption(string ActorId, string ActorName);

/// <summary>Why the chain does not verify; the web layer words it in the reader's language.</summary>
public enum AuditChainProblem
{
    /// <summary>An entry's number is missing: it was removed.</summary>
    Missing,

    /// <summary>An entry does not carry the hash of the entry before it.</summary>
    Unlinked,

    /// <summary>An entry's content no longer matches its hash (or its hash format goes back to an older one).</summary>
    Altered,

    /// <summary>Entries <see cref="AuditChainReport.BrokenAtId"/> to <see cref="AuditChainReport.ThroughId"/> were removed from the end.</summary>
    CutFromEnd,

    /// <summary>
    /// Entry <see cref="AuditChainReport.BrokenAtId"/>, the last one the anchor recorded, is another entry now: the end
    /// was cut and written over.
    /// </summary>
    Replaced,

    /// <summary>Entries <see cref="AuditChainReport.BrokenAtId"/> to <see cref="AuditChainReport.ThroughId"/> were committed without advancing the anchor.</summary>
    Unanchored,

    /// <summary>The trail holds entries but the anchor file is missing: its end cannot be proven.</summary>
    AnchorMissing,

    /// <summary>The anchor file cannot be read or is not signed with the audit key.</summary>
    AnchorInvalid,
}

/// <summary>
/// The outcome of walking the chain: intact, or the first place where it breaks and why. Also, when intact:
/// <see cref="InFlight"/>, the entries of one commit the anchor had recorded as under way but not yet folded in (a
/// commit in progress, or a crash between the commit and the anchor's update), which the database holds and which link;
/// <see cref="AnchoredFrom"/>, the number of entries the trail held when its anchor started (its end is proven from the
/// next one on); <see cref="LegacyEntries"/>, how many entries carry the hash format of before issue 18.
/// </summary>
public sealed record AuditChainReport(bool IsIntact, long EntriesChecked, long? BrokenAtId, AuditChainProblem? Kind = null, long? ThroughId = null)
{
    public AuditAnchorPending? InFlight { get; init; }

    public long AnchoredFrom { get; init; }

    public DateTime? AnchorStartedAtUtc { get; init; }

    public long LegacyEntries { get; init; }

    /// <summary>The problem in plain English, for test output and logs; people read it in their language from <see cref="Kind"/>.</summary>
    public string? Problem => Kind switch
    {
        AuditChainProblem.Missing => $"Entry {BrokenAtId} is missing.",
        AuditChainProblem.Unlinked => $"Entry {BrokenAtId} does not link to the entry before it.",
        AuditChainProblem.Altered => $"Entry {BrokenAtId} was altered after it was written.",
        AuditChainProblem.CutFromEnd => $"Entries {BrokenAtId} to {ThroughId} were removed from the end.",
        AuditChainProblem.Replaced => $"Entry {BrokenAtId} is not the entry the anchor recorded: the end was cut and written over.",
        AuditChainProblem.Unanchored => $"Entries {BrokenAtId} to {ThroughId} were committed without advancing the anchor.",
        AuditChainProblem.AnchorMissing => "The anchor file is missing: the end of the trail cannot be proven.",
        AuditChainProblem.AnchorInvalid => "The anchor file cannot be read or is not signed with the audit key.",
        _ => null,
    };
}

/// <summary>
/// A signed checkpoint the privacy officer exports and keeps elsewhere: the trail held <see cref="Count"/> entries, the
/// last with hash <see cref="LastHash"/>, at <see cref="CreatedAtUtc"/>. <see cref="Mac"/> is an HMAC-SHA256 of the three
/// with a key derived from the audit key.
/// </summary>
public sealed record AuditCheckpoint(long Count, string LastHash, DateTime CreatedAtUtc, string Mac);

/// <summary>What a kept checkpoint says about today's trail.</summary>
public enum AuditCheckpointVerdict
{
    /// <summary>The trail still holds the checkpoint's entry, unchanged.</summary>
    Holds,

    /// <summary>The checkpoint was not signed with this trail's key, or was edited.</summary>
    NotSigned,

    /// <summary>The trail no longer reaches the checkpoint's count: its end was cut.</summary>
    CutFromEnd,

    /// <summary>The trail's entry at the checkpoint's count has another hash: the trail was rewritten.</summary>
    Replaced,
}

/// <summary>Reading and verifying the audit trail (LOG-ACTIONS); PrivacyAdmin only.</summary>
public sealed class AuditLog(IDbContextFactory<CrmDbContext> dbFactory, ICurrentActor currentActor, AuditTrail trail)
{
    private const int VerifyBatchSize = 2_000;

    public async Task<PagedResult<AuditEntryRow>> SearchAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.AuditRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.ActorId))
        {
            query = query.Where(e => e.ActorId == filter.ActorId);
        }

        if (!string.IsNullOrEmpty(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        if (filter.FromUtc is { } from)
        {
            query = query.Where(e => e.OccurredAtUtc >= from);
        }

        if (filter.ToUtcExclusive is { } to)
        {
            query = query.Where(e => e.OccurredAtUtc < to);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(e => e.Id)
            .Skip(page.SafeSkip)
            .Take(page.SafeTake)
            .Select(e => new AuditEntryRow(e.Id, e.OccurredAtUtc, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Details, null))
            .ToListAsync(cancellationToken);
        var subjects = await AuditSubjects.ResolveAsync(db, actor, items, cancellationToken);
        return new PagedResult<AuditEntryRow>([.. items.Select(e => subjects.TryGetValue(e.Id, out var subject) ? e with { Subject = subject } : e)], total);
    }

    /// <summary>The staff members and actions that occur in the trail, for the filter drop-downs.</summary>
    public async Task<(IReadOnlyList<AuditActorOption> Actors, IReadOnlyList<string> Actions)> GetFilterOptionsAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.AuditRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actors = await db.AuditEntries.AsNoTracking()
            .GroupBy(e => e.ActorId)
            .Select(g => new AuditActorOption(g.Key, g.Max(e => e.ActorName)!))
            .ToListAsync(cancellationToken);
        var actions = await db.AuditEntries.AsNoTracking()
            .Select(e => e.Action).Distinct().OrderBy(a => a)
            .ToListAsync(cancellationToken);
        return (actors.OrderBy(a => a.ActorName, StringComparer.CurrentCulture).ToList(), actions);
    }

    /// <summary>Counts entries at or after <paramref name="sinceUtc"/>, optionally of one action (dashboard figures).</summary>
    public async Task<int> CountSinceAsync(DateTime sinceUtc, string? action = null, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.AuditRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking().Where(e => e.OccurredAtUtc >= sinceUtc);
        if (action is not null)
        {
            query = query.Where(e => e.Action == action);
        }

        return await query.CountAsync(cancellationToken);
    }

    /// <summary>
    /// Walks the whole chain in batches: each entry's hash must match its content, link to the previous hash, and
    /// follow its predecessor's number without a gap. Then the end: SQLite's AUTOINCREMENT counter must not be past
    /// the last entry, and the anchor outside the database must record the entry the chain ends with (see
    /// <see cref="AuditAnchor"/>). The verification itself is recorded in the trail.
    /// </summary>
    public async Task<AuditChainReport> VerifyChainAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.AuditVerify, cancellationToken);
        var report = await WalkChainAsync(cancellationToken);
        var details = report.IsIntact
            ? string.Create(CultureInfo.InvariantCulture, $"intact; entries={report.EntriesChecked}")
            : report.BrokenAtId is { } at ? string.Create(CultureInfo.InvariantCulture, $"broken_at={at}") : "broken";
        await trail.RecordEventAsync(actor, AuditActions.AuditChainVerified, "AuditTrail", details: details, cancellationToken: cancellationToken);
        return report;
    }

    /// <summary>
    /// Exports a signed checkpoint of the trail's end, for the privacy officer to keep outside this server: the export
    /// is recorded first, so the checkpoint ends with its own entry.
    /// </summary>
    public async Task<AuditCheckpoint> ExportCheckpointAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.AuditVerify, cancellationToken);
        var entry = await trail.RecordEventAsync(actor, AuditActions.AuditCheckpointExported, "AuditTrail", cancellationToken: cancellationToken);
        var now = DateTime.SpecifyKind(entry.OccurredAtUtc, DateTimeKind.Utc);
        return new AuditCheckpoint(entry.Id, entry.Hash, now, trail.Anchor.SignCheckpoint(entry.Id, entry.Hash, now));
    }

    /// <summary>Checks a kept checkpoint against today's trail: signed with this key, and its entry still there, unchanged.</summary>
    public async Task<AuditCheckpointVerdict> VerifyCheckpointAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.AuditVerify, cancellationToken);
        var expected = trail.Anchor.SignCheckpoint(checkpoint.Count, checkpoint.LastHash, checkpoint.CreatedAtUtc);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(checkpoint.Mac ?? "")))
        {
            return AuditCheckpointVerdict.NotSigned;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = await db.AuditEntries.AsNoTracking().Where(e => e.Id == checkpoint.Count).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken);
        return hash is null ? AuditCheckpointVerdict.CutFromEnd
            : hash == checkpoint.LastHash ? AuditCheckpointVerdict.Holds
            : AuditCheckpointVerdict.Replaced;
    }

    private async Task<AuditChainReport> WalkChainAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // First the end as the anchor and the database see it, together, under SQLite's write lock (briefly), so no
        // commit is between its anchor update and its commit. Entries appended while we walk only add to what we check.
        var end = await ReadEndAsync(db, cancellationToken);
        var highestEverWritten = await HighestIdEverWrittenAsync(db, cancellationToken);
        long expectedId = 1;
        var expectedPrevious = AuditEntry.GenesisHash;
        var format = 1;
        long checkedCount = 0;
        long legacy = 0;

        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Id >= expectedId)
                .OrderBy(e => e.Id)
                .Take(VerifyBatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                if (entry.Id != expectedId)
                {
                    return new AuditChainReport(false, checkedCount, expectedId, AuditChainProblem.Missing);
                }

                if (entry.PreviousHash != expectedPrevious)
                {
                    return new AuditChainReport(false, checkedCount, entry.Id, AuditChainProblem.Unlinked);
                }

                // A chain never goes back to an older hash format: that would reopen the older format's ambiguity.
                if (entry.HashFormat < format || entry.ComputeHash(trail.Key) != entry.Hash)
                {
                    return new AuditChainReport(false, checkedCount, entry.Id, AuditChainProblem.Altered);
                }

                format = entry.HashFormat;
                legacy += format == 1 ? 1 : 0;
                expectedPrevious = entry.Hash;
                expectedId++;
                checkedCount++;
            }
        }

        if (highestEverWritten > checkedCount)
        {
            return new AuditChainReport(false, checkedCount, checkedCount + 1, AuditChainProblem.CutFromEnd, highestEverWritten);
        }

        return JudgeEnd(end, checkedCount) with
        {
            AnchoredFrom = end.Anchor?.StartedAtCount ?? 0,
            AnchorStartedAtUtc = end.Anchor?.StartedAtUtc,
            LegacyEntries = legacy,
        };
    }

    /// <summary>The chain's end in the database and in the anchor, read together.</summary>
    private sealed record ChainEnd(long HeadId, bool AnchorExists, AuditAnchorState? Anchor, string? HashAtAnchored, string? HashAtPending);

    private async Task<ChainEnd> ReadEndAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (exists, _, anchor) = trail.Anchor.Read();
        var headId = await db.AuditEntries.AsNoTracking().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var atAnchored = anchor is null ? null : await HashAtAsync(db, anchor.Count, cancellationToken);
        var atPending = anchor?.Pending is { } pending ? await HashAtAsync(db, pending.LastId, cancellationToken) : null;
        await transaction.CommitAsync(cancellationToken);
        return new ChainEnd(headId, exists, anchor, atAnchored, atPending);
    }

    private static Task<string?> HashAtAsync(CrmDbContext db, long id, CancellationToken cancellationToken) =>
        db.AuditEntries.AsNoTracking().Where(e => e.Id == id).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Whether the anchor proves the end: the database ends where the anchor does, or where the one commit the anchor
    /// recorded as under way ends (then it is named in <see cref="AuditChainReport.InFlight"/>).
    /// </summary>
    private static AuditChainReport JudgeEnd(ChainEnd end, long checkedCount)
    {
        if (!end.AnchorExists)
        {
            // A new trail writes its anchor with its first entry; a trail with entries and no anchor has lost it.
            return end.HeadId == 0
                ? new AuditChainReport(true, checkedCount, null)
                : new AuditChainReport(false, checkedCount, null, AuditChainProblem.AnchorMissing);
        }

        if (end.Anchor is not { } anchor)
        {
            return new AuditChainReport(false, checkedCount, null, AuditChainProblem.AnchorInvalid);
        }

        var inFlight = anchor.Pending is { } pending && end.HashAtPending == pending.Hash ? pending : null;
        var anchoredEnd = inFlight?.LastId ?? anchor.Count;
        if (inFlight is null && anchor.Count > 0 && end.HashAtAnchored != anchor.Hash)
        {
            return end.HeadId < anchor.Count
                ? new AuditChainReport(false, checkedCount, end.HeadId + 1, AuditChainProblem.CutFromEnd, anchor.Count)
                : new AuditChainReport(false, checkedCount, anchor.Count, AuditChainProblem.Replaced);
        }

        if (end.HeadId > anchoredEnd)
        {
            return new AuditChainReport(false, checkedCount, anchoredEnd + 1, AuditChainProblem.Unanchored, end.HeadId);
        }

        return new AuditChainReport(true, checkedCount, null) { InFlight = inFlight };
    }

    private static async Task<long> HighestIdEverWrittenAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return 0;
        }

        return await db.Database
            .SqlQuery<long>($"SELECT seq AS \"Value\" FROM sqlite_sequence WHERE name = 'AuditEntries'")
            .FirstOrDefaultAsync(cancellationToken);
    }
}

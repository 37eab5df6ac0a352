using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Security;
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

    /// <summary>An entry's content no longer matches its hash.</summary>
    Altered,

    /// <summary>Entries were removed from the end (<see cref="AuditChainReport.LastRemovedId"/> is the last one).</summary>
    CutFromEnd,
}

/// <summary>The outcome of walking the chain: intact, or the first entry where it breaks and why.</summary>
public sealed record AuditChainReport(bool IsIntact, long EntriesChecked, long? BrokenAtId, AuditChainProblem? Kind = null, long? LastRemovedId = null)
{
    /// <summary>The problem in plain English, for test output and logs; people read it in their language from <see cref="Kind"/>.</summary>
    public string? Problem => Kind switch
    {
        AuditChainProblem.Missing => $"Entry {BrokenAtId} is missing.",
        AuditChainProblem.Unlinked => $"Entry {BrokenAtId} does not link to the entry before it.",
        AuditChainProblem.Altered => $"Entry {BrokenAtId} was altered after it was written.",
        AuditChainProblem.CutFromEnd => $"Entries {BrokenAtId} to {LastRemovedId} were removed from the end.",
        _ => null,
    };
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
    /// Walks the whole chain in batches: each entry's hash must match its content, link to the
    /// previous hash, and follow its predecessor's number without a gap. A removed last entry is
    /// caught by SQLite's AUTOINCREMENT counter, which never goes back.
    /// The verification itself is recorded in the trail.
    /// </summary>
    public async Task<AuditChainReport> VerifyChainAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.AuditVerify, cancellationToken);
        var report = await WalkChainAsync(cancellationToken);
        await trail.RecordEventAsync(actor, AuditActions.AuditChainVerified, "AuditTrail",
            details: report.IsIntact ? $"intact; entries={report.EntriesChecked}" : $"broken at {report.BrokenAtId}", cancellationToken: cancellationToken);
        return report;
    }

    private async Task<AuditChainReport> WalkChainAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Read the high-water mark first: entries appended while we walk only add to what we check.
        var highestEverWritten = await HighestIdEverWrittenAsync(db, cancellationToken);
        long expectedId = 1;
        var expectedPrevious = AuditEntry.GenesisHash;
        long checkedCount = 0;

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

                if (entry.ComputeHash(trail.Key) != entry.Hash)
                {
                    return new AuditChainReport(false, checkedCount, entry.Id, AuditChainProblem.Altered);
                }

                expectedPrevious = entry.Hash;
                expectedId++;
                checkedCount++;
            }
        }

        if (highestEverWritten > checkedCount)
        {
            return new AuditChainReport(false, checkedCount, checkedCount + 1, AuditChainProblem.CutFromEnd, highestEverWritten);
        }

        return new AuditChainReport(true, checkedCount, null);
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

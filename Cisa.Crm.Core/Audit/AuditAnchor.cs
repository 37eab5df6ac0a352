using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Core.Audit;

/// <summary>
/// What the anchor file says: the chain held <see cref="Count"/> entries, the last with <see cref="Hash"/>; and,
/// while a commit is under way, which entries that commit adds (<see cref="Pending"/>). <see cref="StartedAtCount"/>
/// is the number of entries the trail held when the anchor was started (0 for a trail anchored from its first entry).
/// </summary>
public sealed record AuditAnchorState(long Count, string Hash, long StartedAtCount, DateTime StartedAtUtc, AuditAnchorPending? Pending);

/// <summary>The entries one commit adds, recorded in the anchor before the commit and folded in after it.</summary>
public sealed record AuditAnchorPending(long FirstId, long LastId, string Hash);

/// <summary>
/// The end of the audit trail, kept outside the database file (LOG-ACTIONS). A chain of keyed hashes proves that no
/// entry was changed or taken out of the middle, but not that none were cut from the end: whoever can write the file
/// can delete the newest entries and lower SQLite's counter. The anchor is a small file elsewhere
/// (<c>Crm:Audit:AnchorPath</c>) holding the number of entries and the last entry's hash, HMAC'd with a key derived from
/// the audit key, advanced with every commit that writes entries:
/// <list type="number">
/// <item>Before the commit, while SQLite's write lock is held (transactions begin <c>IMMEDIATE</c>), the commit's
/// entries are written into the anchor as <see cref="AuditAnchorPending"/>, on top of what the database holds.</item>
/// <item>After the commit they become the anchored count; after a rollback the pending part is dropped.</item>
/// </list>
/// So the anchor never claims an entry the database has not committed, and a crash between the commit and the anchor's
/// update leaves exactly one known commit unfolded, which verification recognises and names. The anchor only ever moves
/// forward along the chain it recorded: when the anchored entry is gone or has another hash (the end was cut, perhaps
/// written over since), it stays where it was, as evidence. One application process per database and anchor file.
/// </summary>
public sealed class AuditAnchor
{
    private const string MacPurpose = "Cisa.Crm.Audit.Anchor";
    private const string CheckpointPurpose = "Cisa.Crm.Audit.Checkpoint";

    // One gate per file, shared by every service provider of this process (tests open several on one database).
    private static readonly ConcurrentDictionary<string, Lock> Gates = new(StringComparer.Ordinal);

    private readonly ConditionalWeakTable<DbTransaction, Segment> _segments = [];
    private readonly byte[] _macKey;
    private readonly byte[] _checkpointKey;
    private readonly Lock _gate;
    private readonly TimeProvider _time;

    public AuditAnchor(IOptions<AuditOptions> options, TimeProvider time)
    {
        var path = options.Value.AnchorPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException("The audit anchor's file is not set (AuditOptions.AnchorPath, setting Crm:Audit:AnchorPath).");
        }

        FilePath = Path.GetFullPath(path);
        var key = Encoding.UTF8.GetBytes(options.Value.Key);
        _macKey = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(MacPurpose));
        _checkpointKey = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(CheckpointPurpose));
        _gate = Gates.GetOrAdd(FilePath, _ => new Lock());
        _time = time;
        Interceptor = new CommitInterceptor(this);
    }

    public string FilePath { get; }

    /// <summary>Registered on every context: folds each commit's entries into the anchor.</summary>
    internal IInterceptor Interceptor { get; }

    /// <summary>Remembers an entry written in <paramref name="transaction"/>, for the anchor update at its commit.</summary>
    internal void Track(DbTransaction transaction, AuditEntry entry)
    {
        var segment = _segments.GetOrCreateValue(transaction);
        if (segment.FirstId == 0)
        {
            segment.FirstId = entry.Id;
            segment.PreviousHash = entry.PreviousHash;
        }

        segment.LastId = entry.Id;
        segment.LastHash = entry.Hash;
    }

    /// <summary>The anchor as stored: missing (no file), unreadable or not signed with our key (<c>Valid</c> false), or its state.</summary>
    public (bool Exists, bool Valid, AuditAnchorState? State) Read()
    {
        lock (_gate)
        {
            return ReadFile();
        }
    }

    /// <summary>
    /// Starts the anchor where there is none, at the chain's current end <paramref name="count"/> (0 for a new trail), and
    /// says whether it did; an existing file, valid or not, is left alone for verification to judge. The caller holds
    /// SQLite's write lock, so the end cannot move meanwhile.
    /// </summary>
    internal bool StartIfMissing(long count, string hash)
    {
        lock (_gate)
        {
            if (File.Exists(FilePath))
            {
                return false;
            }

            Write(new AuditAnchorState(count, hash, count, _time.GetUtcNow().UtcDateTime, null));
            return true;
        }
    }

    /// <summary>Signs a checkpoint: the chain held <paramref name="count"/> entries ending with <paramref name="hash"/> at <paramref name="atUtc"/>.</summary>
    internal string SignCheckpoint(long count, string hash, DateTime atUtc) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_checkpointKey, Encoding.UTF8.GetBytes(
            string.Join('|', "cisa-audit-checkpoint-1", count.ToString(CultureInfo.InvariantCulture), hash,
                DateTime.SpecifyKind(atUtc, DateTimeKind.Utc).Ticks.ToString(CultureInfo.InvariantCulture)))));

    /// <summary>Before the commit, inside the write lock: record the commit's entries as pending, on top of what is committed.</summary>
    private void BeforeCommit(DbTransaction transaction, Segment segment)
    {
        lock (_gate)
        {
            var (exists, valid, state) = ReadFile();
            if (!exists)
            {
                // A new trail starts its anchor with its first entry; a trail whose anchor went missing does not get a
                // new one behind verification's back (the next start records that it starts one).
                if (segment.FirstId == 1)
                {
                    Write(new AuditAnchorState(0, AuditEntry.GenesisHash, 0, _time.GetUtcNow().UtcDateTime, segment.AsPending()));
                }

                return;
            }

            if (!valid || state is null)
            {
                return;
            }

            var (count, hash) = CommittedEnd(transaction, state);
            if (count < 0 || segment.FirstId - 1 != count || segment.PreviousHash != hash)
            {
                // The anchored entry is gone or was replaced, or entries were committed without the anchor: stay as evidence.
                return;
            }

            Write(state with { Count = count, Hash = hash, Pending = segment.AsPending() });
        }
    }

    /// <summary>
    /// Where the committed chain ends according to the anchor and the database: the pending commit when the database
    /// holds it, else the anchored count; -1 when the database no longer holds the anchored entry as anchored.
    /// </summary>
    private static (long Count, string Hash) CommittedEnd(DbTransaction transaction, AuditAnchorState state)
    {
        if (state.Pending is { } pending && HashAt(transaction, pending.LastId) == pending.Hash)
        {
            return (pending.LastId, pending.Hash);
        }

        if (state.Count == 0 || HashAt(transaction, state.Count) == state.Hash)
        {
            return (state.Count, state.Hash);
        }

        return (-1, "");
    }

    private static string? HashAt(DbTransaction transaction, long id)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT \"Hash\" FROM \"AuditEntries\" WHERE \"Id\" = $id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        return command.ExecuteScalar() as string;
    }

    /// <summary>After the commit: its entries become the anchored count, unless a later commit already folded them in.</summary>
    private void AfterCommit(Segment segment)
    {
        lock (_gate)
        {
            var (_, valid, state) = ReadFile();
            if (valid && state?.Pending is { } pending && segment.Is(pending))
            {
                Write(state with { Count = pending.LastId, Hash = pending.Hash, Pending = null });
            }
        }
    }

    /// <summary>After a rollback or a failed commit: the pending entries were never committed.</summary>
    private void AfterRollback(Segment segment)
    {
        lock (_gate)
        {
            var (_, valid, state) = ReadFile();
            if (valid && state?.Pending is { } pending && segment.Is(pending))
            {
                Write(state with { Pending = null });
            }
        }
    }

    private (bool Exists, bool Valid, AuditAnchorState? State) ReadFile()
    {
        if (!File.Exists(FilePath))
        {
            return (false, false, null);
        }

        try
        {
            var stored = JsonSerializer.Deserialize<StoredAnchor>(File.ReadAllBytes(FilePath));
            if (stored?.State is not { } state || stored.Mac is null
                || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(stored.Mac), Mac(state)))
            {
                return (true, false, null);
            }

            return (true, true, state);
        }
        catch (Exception e) when (e is JsonException or FormatException or IOException)
        {
            return (true, false, null);
        }
    }

    /// <summary>Writes the whole file anew (a temporary file flushed to disk, then renamed over the old one), so a crash leaves the old or the new anchor, never half of one.</summary>
    internal void Write(AuditAnchorState state)
    {
        var folder = Path.GetDirectoryName(FilePath)!;
        Directory.CreateDirectory(folder);
        var temporary = FilePath + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(JsonSerializer.SerializeToUtf8Bytes(new StoredAnchor(state, Convert.ToHexStringLower(Mac(state)))));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, FilePath, overwrite: true);
    }

    private byte[] Mac(AuditAnchorState state) => HMACSHA256.HashData(_macKey, Encoding.UTF8.GetBytes(string.Join('|',
        "cisa-audit-anchor-1",
        state.Count.ToString(CultureInfo.InvariantCulture),
        state.Hash,
        state.StartedAtCount.ToString(CultureInfo.InvariantCulture),
        DateTime.SpecifyKind(state.StartedAtUtc, DateTimeKind.Utc).Ticks.ToString(CultureInfo.InvariantCulture),
        state.Pending?.FirstId.ToString(CultureInfo.InvariantCulture) ?? "-",
        state.Pending?.LastId.ToString(CultureInfo.InvariantCulture) ?? "-",
        state.Pending?.Hash ?? "-")));

    private sealed record StoredAnchor(AuditAnchorState? State, string? Mac);

    /// <summary>The entries one transaction wrote: the first's number and previous hash, the last's number and hash.</summary>
    private sealed class Segment
    {
        public long FirstId { get; set; }

        public string PreviousHash { get; set; } = "";

        public long LastId { get; set; }

        public string LastHash { get; set; } = "";

        public AuditAnchorPending AsPending() => new(FirstId, LastId, LastHash);

        public bool Is(AuditAnchorPending pending) => pending.FirstId == FirstId && pending.LastId == LastId && pending.Hash == LastHash;
    }

    /// <summary>Hooks the anchor into the commit of every transaction that wrote entries.</summary>
    private sealed class CommitInterceptor(AuditAnchor anchor) : DbTransactionInterceptor
    {
        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            if (anchor._segments.TryGetValue(transaction, out var segment))
            {
                anchor.BeforeCommit(transaction, segment);
            }

            return result;
        }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(TransactionCommitting(transaction, eventData, result));

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction, committed: true);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Ended(transaction, committed: true);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction, committed: false);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Ended(transaction, committed: false);
            return Task.CompletedTask;
        }

        public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Failed(transaction, eventData);

        public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Failed(transaction, eventData);
            return Task.CompletedTask;
        }

        /// <summary>A failed commit or rollback ends the transaction uncommitted; a failed savepoint does not end it.</summary>
        private void Failed(DbTransaction transaction, TransactionErrorEventData eventData)
        {
            if (eventData.Action is "Commit" or "Rollback")
            {
                Ended(transaction, committed: false);
            }
        }

        private void Ended(DbTransaction transaction, bool committed)
        {
            if (!anchor._segments.TryGetValue(transaction, out var segment))
            {
                return;
            }

            anchor._segments.Remove(transaction);
            if (committed)
            {
                anchor.AfterCommit(segment);
            }
            else
            {
                anchor.AfterRollback(segment);
            }
        }
    }
}

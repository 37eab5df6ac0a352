using System.Diagnostics;
using System.Globalization;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Data.Sqlite;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy.Erasure;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Core.Privacy.Retention;

/// <summary>How far a running sweep is: people erased of those due when it started.</summary>
public sealed record SweepProgress(int Done, int Total, RetentionRule? Rule);

/// <summary>
/// RET-RUN: erases what is due, rule by rule, in bounded batches. Each batch is one write transaction of short
/// steps: a step selects the next due people, erases them with set-based statements (<see cref="PersonEraser"/>),
/// writes one audit entry per person and adds its counts to the run. The batch commits when it holds
/// <see cref="RetentionOptions.SweepBatchSize"/> people, when its rule is done, or, after the step in flight, as soon as
/// another write waits for the lock (<see cref="WaitingWriters"/>) and the batch has held it for <see cref="LeastHold"/>;
/// it then lets those waiting through before it begins again. So a person saving a call waits for at most about
/// <see cref="LeastHold"/> and one step (sized to take about <see cref="StepTarget"/>), not for a batch. A crash loses at most the batch in flight, which the next run (idempotent by construction: it erases what
/// is still due) finishes. Memory depends on the batch size, not on how many rows are due.
/// </summary>
public sealed class RetentionSweep(
    IDbContextFactory<CrmDbContext> dbFactory,
    PersonEraser eraser,
    AuditTrail trail,
    WaitingWriters waitingWriters,
    TimeProvider time,
    IOptions<RetentionOptions> options) : IDisposable
{
    /// <summary>How long one step should hold the write lock: what a write that arrives meanwhile waits at most, plus the commit.</summary>
    internal static readonly TimeSpan StepTarget = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// The sweep's own share: a batch holds the lock at least this long before it gives way, so writers that keep coming
    /// (ten people saving calls on a loaded machine kept the lock busy most of the time) cannot stall it for good.
    /// </summary>
    internal TimeSpan LeastHold { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The most a sweep waits, after a commit, for the writes that were waiting to get the lock (it goes on after that).</summary>
    private static readonly TimeSpan LetThroughAtMost = TimeSpan.FromMilliseconds(250);

    private const int FirstStep = 250;
    private const int SmallestStep = 25;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public bool IsRunning => _oneAtATime.CurrentCount == 0;

    /// <summary>The refusal of a sweep asked for while another runs (a daily sweep that meets it skips its day).</summary>
    public static RuleViolationException AlreadyRunning() => new("SweepRunning", "A retention sweep is already running.");

    public void Dispose() => _oneAtATime.Dispose();

    public async Task<RetentionRun> RunAsync(CrmActor actor, SweepTrigger trigger, IProgress<SweepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        actor.Demand(Permission.RetentionRun);
        if (!await _oneAtATime.WaitAsync(0, cancellationToken))
        {
            throw AlreadyRunning();
        }

        try
        {
            return await SweepAsync(actor, trigger, progress, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// RET-RUN, on start-up: a run still marked running died with the process that ran it (killed, or the machine went down),
    /// so it is marked interrupted, with one audit entry each, and the page no longer shows it as running until the next
    /// sweep. A sweep in flight in this process is left alone. Returns how many runs were marked.
    /// </summary>
    public async Task<int> MarkInterruptedAsync(CancellationToken cancellationToken = default)
    {
        if (!await _oneAtATime.WaitAsync(0, cancellationToken))
        {
            return 0;
        }

        try
        {
            return await dbFactory.InTransactionAsync(nameof(RetentionRun), db => MarkInterruptedAsync(db, CrmActor.System, cancellationToken), cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<RetentionRun> SweepAsync(CrmActor actor, SweepTrigger trigger, IProgress<SweepProgress>? progress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var asOf = BrusselsTime.Today(time);
        var run = await StartRunAsync(actor, trigger, asOf, cancellationToken);
        try
        {
            var total = 0;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                var counts = await new RetentionQueries(db, asOf, settings).CountsAsync(cancellationToken);
                total = counts.Sum(c => c.Erasable);
                run.Held = counts.Sum(c => c.Held);
            }

            var done = 0;
            progress?.Report(new SweepProgress(0, total, null));
            // One context and connection for every batch, tuned once: restoring the page cache after each batch
            // would drop the index pages the next batch rewrites and make it read them again. A larger page cache
            // keeps them in memory; WAL's NORMAL synchronisation keeps every commit atomic (a crash loses at most
            // the batch in flight, which the next run redoes) without waiting for the disk at each commit; and the
            // log is checkpointed once, at the end, instead of at every commit. All undone before the connection
            // goes back to the pool.
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            await using (await BulkWriteTuning.ApplyAsync(db, cancellationToken, kibibytes: 64 * 1024, synchronousNormal: true, deferCheckpoints: true))
            {
                var steps = new StepSize(settings.SweepBatchSize);
                foreach (var rule in RetentionRules.All)
                {
                    // Keyset over the ids: each step starts after the last one, so a step never re-reads the
                    // held or already-visited rows, and the whole sweep reads each due row once.
                    var batch = new Batch(AfterId: 0, Erased: 0, RuleDone: false);
                    while (!batch.RuleDone)
                    {
                        batch = await EraseBatchAsync(db, run, rule, asOf, batch.AfterId, steps, actor, cancellationToken);
                        done += batch.Erased;
                        if (batch.Erased > 0)
                        {
                            progress?.Report(new SweepProgress(Math.Min(done, total), Math.Max(done, total), rule));
                        }

                        // Whoever waited for the lock during the batch goes first.
                        await waitingWriters.LetThroughAsync(LetThroughAtMost, cancellationToken);
                    }
                }
            }

            await FinishRunAsync(run, RunStatus.Completed, null, actor, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await FinishRunAsync(run, RunStatus.Failed, ex.GetType().Name, actor, CancellationToken.None);
            throw;
        }
        catch (OperationCanceledException)
        {
            await FinishRunAsync(run, RunStatus.Interrupted, null, actor, CancellationToken.None);
            throw;
        }

        await CheckpointAsync();
        return run;
    }

    private sealed record Batch(int AfterId, int Erased, bool RuleDone);

    /// <summary>
    /// One transaction of steps (pick the next due people, erase them, audit each, count them on the run), committed when
    /// the batch is full, the rule is done, or another write waits for the lock.
    /// </summary>
    private async Task<Batch> EraseBatchAsync(CrmDbContext db, RetentionRun run, RetentionRule rule, DateOnly asOf, int afterId, StepSize steps,
        CrmActor actor, CancellationToken cancellationToken)
    {
        var batchSize = options.Value.SweepBatchSize;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var holding = Stopwatch.GetTimestamp();
        var erased = 0;
        var ruleDone = false;
        do
        {
            // A duration for pacing, not a time of the domain: the real one even under a test's fake clock.
            var started = Stopwatch.GetTimestamp();
            var step = await EraseStepAsync(db, run, rule, asOf, afterId, Math.Min(steps.Next, batchSize - erased), actor, cancellationToken);
            if (step.Count == 0)
            {
                ruleDone = true;
                break;
            }

            steps.Took(step.Count, Stopwatch.GetElapsedTime(started));
            erased += step.Count;
            afterId = step.LastId;
        }
        while (erased < batchSize && (Stopwatch.GetElapsedTime(holding) < LeastHold || !waitingWriters.Any));

        if (erased > 0)
        {
            db.RetentionRuns.Attach(run);
            db.Entry(run).State = EntityState.Modified;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return new Batch(afterId, erased, ruleDone);
    }

    /// <summary>One step of a batch's transaction: the next due people after <paramref name="afterId"/>, erased and audited.</summary>
    private async Task<(int Count, int LastId)> EraseStepAsync(CrmDbContext db, RetentionRun run, RetentionRule rule, DateOnly asOf, int afterId, int size,
        CrmActor actor, CancellationToken cancellationToken)
    {
        var ids = await new RetentionQueries(db, asOf, options.Value).Erasable(rule)
            .Where(id => id > afterId).OrderBy(id => id).Take(size).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return (0, afterId);
        }

        // Every rule but the CV's takes the whole record of its category.
        var erased = rule == RetentionRule.ApplicantCv
            ? await eraser.EraseCvsAsync(db, ids, cancellationToken)
            : await eraser.EraseAsync(db, rule.Category(), ids, cancellationToken);
        if (erased.Count == 0)
        {
            // Due ids that erase nothing would loop for ever; the queries and the eraser disagree.
            throw new InvalidOperationException($"The {rule.Id()} batch selected {ids.Count} records but erased none.");
        }

        Count(run, rule, erased);
        await trail.RecordManyAsync(db, actor, erased.Select(e => new AuditRecord(AuditActions.RetentionErased, e.Person.Category.ToString(),
            e.Person.Id.ToString(CultureInfo.InvariantCulture), $"rule={rule.Id()};run={run.Id};{e.Details}")), cancellationToken);
        return (erased.Count, ids[^1]);
    }

    /// <summary>
    /// How many people the next step takes: as many as the last steps erased in <see cref="StepTarget"/>, between
    /// <see cref="SmallestStep"/> and the batch size. People cost different amounts (a prospect with a thousand calls,
    /// a contact with none) and so does a busy machine, so the size follows the time each step took.
    /// </summary>
    private sealed class StepSize(int batchSize)
    {
        public int Next { get; private set; } = Math.Min(FirstStep, batchSize);

        public void Took(int people, TimeSpan elapsed)
        {
            var fits = people * StepTarget.TotalMilliseconds / Math.Max(elapsed.TotalMilliseconds, 0.1);
            // Halfway to what fits, so one slow or quick step does not swing it.
            Next = Math.Clamp((int)((Next + fits) / 2), Math.Min(SmallestStep, batchSize), batchSize);
        }
    }

    private static void Count(RetentionRun run, RetentionRule rule, IReadOnlyList<ErasedPerson> erased)
    {
        switch (rule)
        {
            case RetentionRule.ApplicantCv:
                run.CvsErased += erased.Count;
                break;
            case RetentionRule.ApplicantContact:
                run.ApplicantsErased += erased.Count;
                break;
            case RetentionRule.Prospect:
                run.ProspectsErased += erased.Count;
                run.CallsAnonymised += erased.Sum(e => e.Counts.GetValueOrDefault("calls_anonymised"));
                break;
            case RetentionRule.PartnerContact:
                run.PartnerContactsErased += erased.Count;
                break;
        }
    }

    private async Task<RetentionRun> StartRunAsync(CrmActor actor, SweepTrigger trigger, DateOnly asOf, CancellationToken cancellationToken) =>
        await dbFactory.InTransactionAsync(nameof(RetentionRun), async db =>
        {
            // Only one sweep runs per process (the semaphore), so a run still marked running died with its process.
            await MarkInterruptedAsync(db, actor, cancellationToken);
            var run = new RetentionRun
            {
                Trigger = trigger,
                AsOf = asOf,
                StartedAtUtc = time.GetUtcNow().UtcDateTime,
                StartedById = actor.Id,
                StartedByName = actor.DisplayName,
                Status = RunStatus.Running,
            };
            db.RetentionRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, AuditActions.RetentionRunStarted, nameof(RetentionRun), run.Id.ToString(CultureInfo.InvariantCulture),
                $"trigger={trigger};asOf={asOf:yyyy-MM-dd}", cancellationToken);
            db.Entry(run).State = EntityState.Detached;
            return run;
        }, cancellationToken);

    private async Task FinishRunAsync(RetentionRun run, RunStatus status, string? error, CrmActor actor, CancellationToken cancellationToken) =>
        await dbFactory.InTransactionAsync(nameof(RetentionRun), async db =>
        {
            // The batches kept the stored counts; reload them so a failed batch's rolled-back counts are not reported.
            var stored = await db.RetentionRuns.SingleAsync(r => r.Id == run.Id, cancellationToken);
            stored.Held = run.Held;
            await FinishAsync(db, stored, status, error, actor, cancellationToken);
            CopyCounts(stored, run);
            return true;
        }, cancellationToken);

    /// <summary>Every run left running (its process died) becomes interrupted, with the counts its committed batches stored.</summary>
    private async Task<int> MarkInterruptedAsync(CrmDbContext db, CrmActor actor, CancellationToken cancellationToken)
    {
        var orphans = await db.RetentionRuns.Where(r => r.Status == RunStatus.Running).ToListAsync(cancellationToken);
        foreach (var orphan in orphans)
        {
            await FinishAsync(db, orphan, RunStatus.Interrupted, null, actor, cancellationToken);
        }

        return orphans.Count;
    }

    /// <summary>Ends a tracked run with its status and audits it (counts only, and the error's type).</summary>
    private async Task FinishAsync(CrmDbContext db, RetentionRun stored, RunStatus status, string? error, CrmActor actor, CancellationToken cancellationToken)
    {
        stored.Status = status;
        stored.Error = error;
        stored.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await trail.RecordAsync(db, actor, status == RunStatus.Completed ? AuditActions.RetentionRunFinished : AuditActions.RetentionRunFailed,
            nameof(RetentionRun), stored.Id.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture,
                $"status={status};applicants={stored.ApplicantsErased};cvs={stored.CvsErased};prospects={stored.ProspectsErased};calls_anonymised={stored.CallsAnonymised};partner_contacts={stored.PartnerContactsErased};held={stored.Held}{(error is null ? "" : ";error=" + error)}"),
            cancellationToken);
    }

    private static void CopyCounts(RetentionRun from, RetentionRun to)
    {
        to.Status = from.Status;
        to.Error = from.Error;
        to.FinishedAtUtc = from.FinishedAtUtc;
        to.ApplicantsErased = from.ApplicantsErased;
        to.CvsErased = from.CvsErased;
        to.ProspectsErased = from.ProspectsErased;
        to.CallsAnonymised = from.CallsAnonymised;
        to.PartnerContactsErased = from.PartnerContactsErased;
    }

    /// <summary>
    /// Moves the write-ahead log into the database file and truncates it: older copies of erased pages
    /// would otherwise survive in the -wal file until it is overwritten.
    /// </summary>
    private async Task CheckpointAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            await db.Database.ExecuteSqlRawAsync(DatabaseInitializer.OptimizeSql);
        }
    }
}

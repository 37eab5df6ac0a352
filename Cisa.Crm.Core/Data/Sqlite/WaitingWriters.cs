using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cisa.Crm.Core.Data.Sqlite;

/// <summary>
/// The transactions of this process that are waiting for SQLite's one write lock: from the moment a context begins a
/// transaction (Microsoft.Data.Sqlite's <c>BEGIN IMMEDIATE</c>, which waits while another connection writes) until it
/// has the lock. SQLite queues nobody: a writer that commits and begins again at once gets the lock again, and the
/// others, polling, may wait for as long as it goes on. A long writer (the retention sweep) asks here between its
/// short transactions whether a person is waiting, commits, and lets those waiting through before it begins again.
/// </summary>
/// <remarks>
/// Only transactions begun through EF Core are seen (every core write; the statements EF Core runs without one, such as
/// a lone <c>ExecuteUpdate</c>, wait for the lock too but are not seen). A begin that throws (its busy timeout ran out)
/// may leave no "started" or "failed" event behind, so a waiter older than <see cref="Stale"/> is forgotten.
/// </remarks>
public sealed class WaitingWriters : DbTransactionInterceptor
{
    /// <summary>Longer than any begin can wait (the command timeout is 30 s).</summary>
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<Guid, Waiter> _waiting = new();

    /// <summary>Whether another transaction is waiting for the write lock now.</summary>
    public bool Any => Current().Any();

    /// <summary>
    /// Waits until every transaction waiting now has its lock (or failed), or <paramref name="atMost"/> has passed:
    /// called by a writer that has just committed, so those waiting go first. Whoever starts waiting later takes their
    /// chance with the writer's next begin.
    /// </summary>
    public async Task LetThroughAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        var waiting = Current().Select(w => w.Begun.Task).ToList();
        if (waiting.Count > 0)
        {
            await Task.WhenAny(Task.WhenAll(waiting), Task.Delay(atMost, cancellationToken));
        }
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        Wait(eventData.TransactionId);
        return result;
    }

    public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Wait(eventData.TransactionId);
        return ValueTask.FromResult(result);
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Done(eventData.TransactionId);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Done(eventData.TransactionId);
        return ValueTask.FromResult(result);
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Done(eventData.TransactionId);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.TransactionId);
        return Task.CompletedTask;
    }

    private void Wait(Guid transaction) =>
        _waiting[transaction] = new Waiter(Stopwatch.GetTimestamp(), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Done(Guid transaction)
    {
        if (_waiting.TryRemove(transaction, out var waiter))
        {
            waiter.Begun.TrySetResult();
        }
    }

    private IEnumerable<Waiter> Current()
    {
        foreach (var (transaction, waiter) in _waiting)
        {
            if (Stopwatch.GetElapsedTime(waiter.Since) < Stale)
            {
                yield return waiter;
            }
            else
            {
                Done(transaction);
            }
        }
    }

    private sealed record Waiter(long Since, TaskCompletionSource Begun);
}

using System.Data.Common;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Data.Sqlite;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Tests.Core.Prospects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cisa.Crm.Tests.Core.Privacy.Retention;

/// <summary>
/// RET-RUN beside people at work: a call saved while the sweep holds SQLite's write lock waits for the sweep's step in
/// flight, not for its batch, and both finish whole. How long the wait is, is measured by the benchmark (P-SWEEP-LIVE).
/// </summary>
public sealed class SweepBesideUsersTests : RetentionTestBase
{
    /// <summary>More due prospects than the sweep's first step takes, so its batch can end early.</summary>
    private const int Due = 260;

    [Fact]
    public async Task RET_RUN_a_call_saved_while_the_sweep_holds_the_write_lock_is_stored_and_the_sweep_completes_with_its_counts()
    {
        var (run, living, saved) = await SweepWithACallSavedDuringItsFirstStepAsync();

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(Due, run.ProspectsErased);
        Assert.Equal(Due, run.CallsAnonymised);
        Assert.Equal(Due, (await AuditAsync(AuditActions.RetentionErased)).Count);
        Assert.True(await ExistsAsync(PersonCategory.Prospect, living));
        var call = Assert.Single(await CallsAsync(), c => c.Id == saved);
        Assert.Equal(living, call.ProspectId);
        Assert.True((await Db.Get<AuditLog>().VerifyChainAsync()).IsIntact);
    }

    [Fact]
    public async Task RET_RUN_a_sweep_commits_after_its_step_in_flight_when_a_call_save_waits_and_lets_the_save_in_before_it_goes_on()
    {
        var (_, _, saved) = await SweepWithACallSavedDuringItsFirstStepAsync();

        // The chain's order is the order of the commits: the save's entry lies among the sweep's erasures, not after them.
        var erasures = await AuditAsync(AuditActions.RetentionErased);
        var logged = Assert.Single(await AuditAsync("Call.Logged"), e => e.EntityId == saved.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(logged.Id < erasures.Max(e => e.Id),
            $"The call was saved after all {erasures.Count} erasures: the sweep kept the write lock for its whole batch while the save waited.");
        Assert.Contains(erasures, e => e.Id > logged.Id);
    }

    /// <summary>
    /// <see cref="Due"/> prospects due and one that is not (called today); a sweep (batches of 10,000) that, in its first step, once it holds
    /// the write lock, has Sofie save a call with the living prospect and goes on only once the save waits for the lock.
    /// </summary>
    private async Task<(RetentionRun Run, int Living, long Saved)> SweepWithACallSavedDuringItsFirstStepAsync()
    {
        for (var i = 0; i < Due; i++)
        {
            await ProspectWithCallsAsync(calls: 1);
        }

        var living = await ProspectWithCallsAsync(calls: 0);
        SetToday(new DateOnly(2028, 3, 14));
        // Called today, so no longer due.
        await Sales.AsAsync(SalesPeople.Sofie, () => Db.Get<CallLogService>().LogAsync(living, SalesData.Call()));
        var saving = new SaveDuringFirstErasure(Db.Get<WaitingWriters>(),
            () => Sales.AsAsync(SalesPeople.Sofie, () => Db.Get<CallLogService>().LogAsync(living, SalesData.Call(report: "Called during the sweep."))));

        var sweep = SweepWith(saving, batchSize: 10_000);
        // Without the sweep's own share of the lock, whose length depends on the machine: the batch gives way right
        // after the step in flight, however fast that step was.
        sweep.LeastHold = TimeSpan.Zero;
        var run = await sweep.RunAsync(SalesPeople.PrivacyOfficer, SweepTrigger.OnDemand);

        return (run, living, await saving.Saved);
    }

    /// <summary>
    /// At the first erasing statement (the batch's ids go as a JSON parameter), inside the sweep's transaction: starts the
    /// save on another thread and lets the sweep go on once the save waits for the write lock.
    /// </summary>
    private sealed class SaveDuringFirstErasure(WaitingWriters waiting, Func<Task<long>> save) : DbCommandInterceptor
    {
        private Task<long>? _saved;

        public Task<long> Saved => _saved ?? throw new InvalidOperationException("The sweep erased nothing.");

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            SaveOnce(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            SaveOnce(command);
            return ValueTask.FromResult(result);
        }

        private void SaveOnce(DbCommand command)
        {
            if (_saved is not null || command.Transaction is null || !command.CommandText.Contains("json_each", StringComparison.Ordinal))
            {
                return;
            }

            _saved = Task.Run(save);
            Assert.True(SpinWait.SpinUntil(() => waiting.Any || _saved.IsCompleted, TimeSpan.FromSeconds(30)), "The save never came to wait for the lock.");
            Assert.False(_saved.IsCompleted, "The save did not wait for the sweep's write lock.");
        }
    }
}

using System.Collections.Concurrent;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Cisa.Crm.Tests.Core.Privacy.Retention;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Integration;

/// <summary>
/// RET-RUN: the hosted runner that owns on-demand sweeps (and runs the daily one), against the real core on SQLite. A runner
/// that is not started yet keeps a request in its queue, which makes "a sweep in flight" a state the tests can hold.
/// </summary>
public sealed class SweepRunnerTests : RetentionTestBase
{
    private readonly ListLogger<SweepRunner> _log = new();

    [Fact]
    public async Task RET_RUN_an_on_demand_sweep_runs_on_the_runner_and_tells_its_listeners_how_far_it_is_until_it_ends()
    {
        await ProspectWithCallsAsync(calls: 1);
        await ProspectWithCallsAsync(calls: 0);
        SetToday(new DateOnly(2028, 3, 14));
        var runner = await StartAsync();
        var news = new ConcurrentQueue<SweepInFlight?>();
        runner.Changed += () => news.Enqueue(runner.Current);

        var run = await runner.RunOnDemandAsync(SalesPeople.PrivacyOfficer);

        Assert.Equal((RunStatus.Completed, SweepTrigger.OnDemand, 2, 1), (run.Status, run.Trigger, run.ProspectsErased, run.CallsAnonymised));
        Assert.Equal(SalesPeople.PrivacyOfficer.Id, run.StartedById);
        Assert.Equal(
        [
            new SweepInFlight(SweepTrigger.OnDemand, null), // queued
            new SweepInFlight(SweepTrigger.OnDemand, new SweepProgress(0, 2, null)), // counted
            new SweepInFlight(SweepTrigger.OnDemand, new SweepProgress(2, 2, RetentionRule.Prospect)), // one batch erased
            null, // ended, before the caller hears of it
        ], news);
        Assert.Null(runner.Current);
        await StopAsync(runner);
    }

    [Fact]
    public async Task RET_RUN_while_a_sweep_is_in_flight_the_runner_refuses_another_on_demand_or_daily_one()
    {
        var runner = new SweepRunner(Sweep, _log);
        var first = runner.RunOnDemandAsync(SalesPeople.PrivacyOfficer);

        var again = await Assert.ThrowsAsync<RuleViolationException>(() => runner.RunOnDemandAsync(SalesPeople.PrivacyOfficer));
        var daily = await Assert.ThrowsAsync<RuleViolationException>(() => runner.RunScheduledAsync(CancellationToken.None));

        Assert.Equal(("SweepRunning", "SweepRunning"), (again.Code, daily.Code));
        Assert.Equal(new SweepInFlight(SweepTrigger.OnDemand, null), runner.Current);
        await runner.StartAsync(CancellationToken.None);
        Assert.Equal(RunStatus.Completed, (await first).Status);
        Assert.Null(runner.Current);
        Assert.Equal(SweepTrigger.Scheduled, (await runner.RunScheduledAsync(CancellationToken.None)).Trigger); // free again
        Assert.Equal([SweepTrigger.OnDemand, SweepTrigger.Scheduled], await TriggersAsync());
        await StopAsync(runner);
    }

    [Fact]
    public async Task RET_RUN_the_core_refuses_an_on_demand_sweep_to_sales_through_the_runner()
    {
        var runner = await StartAsync();

        await Assert.ThrowsAsync<PermissionDeniedException>(() => runner.RunOnDemandAsync(SalesPeople.Sofie));

        Assert.Null(runner.Current);
        Assert.Empty(await TriggersAsync());
        await StopAsync(runner);
    }

    [Fact]
    public async Task RET_RUN_stopping_the_app_cancels_an_on_demand_sweep_not_yet_started_and_takes_no_more()
    {
        var runner = new SweepRunner(Sweep, _log);
        var asked = runner.RunOnDemandAsync(SalesPeople.PrivacyOfficer);

        await runner.StopAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asked);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunOnDemandAsync(SalesPeople.PrivacyOfficer));
        Assert.Null(runner.Current);
        Assert.Empty(await TriggersAsync());
        runner.Dispose();
    }

    [Fact]
    public async Task RET_RUN_a_failing_listener_is_logged_by_type_and_the_sweep_goes_on()
    {
        await ProspectWithCallsAsync(calls: 0);
        SetToday(new DateOnly(2028, 3, 14));
        var runner = await StartAsync();
        var heard = 0;
        runner.Changed += () => throw new InvalidOperationException("a page torn down");
        runner.Changed += () => Interlocked.Increment(ref heard);

        var run = await runner.RunOnDemandAsync(SalesPeople.PrivacyOfficer);

        Assert.Equal(1, run.ProspectsErased);
        Assert.Equal(4, heard); // queued, counted, one batch, ended: the second listener heard everything
        Assert.Equal(4, _log.Entries.Count(e => e is { Level: LogLevel.Warning, Message: "A listener to the retention sweep failed (InvalidOperationException); the sweep goes on." }));
        await StopAsync(runner);
    }

    private async Task<SweepRunner> StartAsync()
    {
        var runner = new SweepRunner(Sweep, _log);
        await runner.StartAsync(CancellationToken.None);
        return runner;
    }

    private static async Task StopAsync(SweepRunner runner)
    {
        await runner.StopAsync(CancellationToken.None);
        runner.Dispose();
    }

    private async Task<List<SweepTrigger>> TriggersAsync()
    {
        await using var db = Db.CreateContext();
        return await db.RetentionRuns.OrderBy(r => r.Id).Select(r => r.Trigger).ToListAsync();
    }
}

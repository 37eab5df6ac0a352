using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Tests.Integration;

/// <summary>
/// RET-RUN: the daily sweep starts at <c>SweepAt</c> on the Brussels wall clock, driven by a
/// <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>, against the real core on SQLite.
/// The test clock starts on Saturday 14 March 2026, 09:30 UTC; Brussels moves to summer time on 29 March.
/// </summary>
public sealed class RetentionSweepSchedulerTests : IAsyncLifetime
{
    private static readonly TimeOnly HalfPastTwo = new(2, 30);

    private TestDatabase _db = null!;
    private readonly ListLogger<RetentionSweepScheduler> _log = new();
    private RetentionSweepScheduler? _scheduler;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_scheduler is not null)
        {
            await _scheduler.StopAsync(CancellationToken.None);
            _scheduler.Dispose();
        }

        await _db.DisposeAsync();
    }

    [Theory]
    [InlineData("2026-03-14T09:30:00Z", "02:30", "2026-03-15T01:30:00Z")] // winter time: 02:30 is 01:30 UTC
    [InlineData("2026-03-15T01:29:59Z", "02:30", "2026-03-15T01:30:00Z")] // a second before: today
    [InlineData("2026-03-15T01:30:00Z", "02:30", "2026-03-16T01:30:00Z")] // at the time itself: tomorrow
    [InlineData("2026-03-28T12:00:00Z", "02:30", "2026-03-29T01:30:00Z")] // 02:30 does not exist on 29 March: 03:30 summer time
    [InlineData("2026-03-29T01:30:00Z", "02:30", "2026-03-30T00:30:00Z")] // summer time: 02:30 is 00:30 UTC
    [InlineData("2026-03-28T12:00:00Z", "04:00", "2026-03-29T02:00:00Z")] // after the jump, the new offset
    [InlineData("2026-10-24T12:00:00Z", "02:30", "2026-10-25T00:30:00Z")] // 02:30 happens twice on 25 October: the first
    [InlineData("2026-10-25T00:30:00Z", "02:30", "2026-10-26T01:30:00Z")] // ... and only once
    [InlineData("2026-03-14T22:59:59Z", "00:00", "2026-03-14T23:00:00Z")] // midnight in Brussels is the evening before in UTC
    public void RET_RUN_the_next_sweep_is_at_SweepAt_on_the_Brussels_clock(string now, string at, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            SweepSchedule.NextRunUtc(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task RET_RUN_the_daily_sweep_runs_at_SweepAt_Brussels_time_and_not_before()
    {
        var scheduler = await StartAsync(new RetentionOptions { SweepAt = HalfPastTwo });
        await WaitForNextRunAsync(scheduler, At("2026-03-15T01:30:00Z"));

        _db.Time.SetUtcNow(At("2026-03-15T01:29:59Z"));
        Assert.Empty(await RunsAsync());

        _db.Time.Advance(TimeSpan.FromSeconds(1));
        await WaitForNextRunAsync(scheduler, At("2026-03-16T01:30:00Z"));

        var run = Assert.Single(await RunsAsync());
        Assert.Equal(At("2026-03-15T01:30:00Z").UtcDateTime, run.StartedAtUtc);
        Assert.Equal(SweepTrigger.Scheduled, run.Trigger);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal("system", run.StartedById);
        Assert.Contains(_log.Entries, e => e.Message.StartsWith($"Daily retention sweep {run.Id} finished", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RET_RUN_the_daily_sweep_keeps_to_the_Brussels_clock_across_the_change_to_summer_time()
    {
        _db.Time.SetUtcNow(At("2026-03-28T12:00:00Z"));
        var scheduler = await StartAsync(new RetentionOptions { SweepAt = HalfPastTwo });

        // 29 March: the clock jumps from 02:00 to 03:00, so 02:30 is read in winter time (03:30 summer time).
        await WaitForNextRunAsync(scheduler, At("2026-03-29T01:30:00Z"));
        _db.Time.SetUtcNow(At("2026-03-29T01:30:00Z"));
        // 30 March: 02:30 summer time, an hour earlier in UTC than the day before.
        await WaitForNextRunAsync(scheduler, At("2026-03-30T00:30:00Z"));
        _db.Time.SetUtcNow(At("2026-03-30T00:29:59Z"));
        Assert.Single(await RunsAsync());
        _db.Time.SetUtcNow(At("2026-03-30T00:30:00Z"));
        await WaitForNextRunAsync(scheduler, At("2026-03-31T00:30:00Z"));

        Assert.Equal(
            [At("2026-03-29T01:30:00Z").UtcDateTime, At("2026-03-30T00:30:00Z").UtcDateTime],
            (await RunsAsync()).Select(r => r.StartedAtUtc));
    }

    [Fact]
    public async Task RET_RUN_with_the_daily_sweep_off_nothing_runs()
    {
        var scheduler = await StartAsync(new RetentionOptions { SweepEnabled = false });

        await scheduler.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        _db.Time.Advance(TimeSpan.FromDays(3));

        Assert.Null(scheduler.NextRunUtc);
        Assert.Empty(await RunsAsync());
        Assert.Contains(_log.Entries, e => e.Message.Contains("SweepEnabled=false", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RET_RUN_a_failed_sweep_is_logged_by_its_type_and_the_next_day_runs_again()
    {
        var scheduler = await StartAsync(new RetentionOptions { SweepAt = HalfPastTwo });
        await WaitForNextRunAsync(scheduler, At("2026-03-15T01:30:00Z"));
        await using (var db = _db.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE RetentionRuns RENAME TO RetentionRunsAway;");
        }

        _db.Time.SetUtcNow(At("2026-03-15T01:30:00Z"));
        await WaitForNextRunAsync(scheduler, At("2026-03-16T01:30:00Z"));

        var failure = Assert.Single(_log.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal("Daily retention sweep failed (SqliteException); the next one runs tomorrow and finishes what is due.", failure.Message);
        Assert.Null(failure.Exception); // the exception's message could quote data: only its type is logged
        Assert.False(scheduler.ExecuteTask!.IsCompleted);

        await using (var db = _db.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE RetentionRunsAway RENAME TO RetentionRuns;");
        }

        _db.Time.SetUtcNow(At("2026-03-16T01:30:00Z"));
        await WaitForNextRunAsync(scheduler, At("2026-03-17T01:30:00Z"));
        Assert.Equal(RunStatus.Completed, Assert.Single(await RunsAsync()).Status);
    }

    private async Task<RetentionSweepScheduler> StartAsync(RetentionOptions options)
    {
        _scheduler = new RetentionSweepScheduler(new SweepRunner(_db.Get<RetentionSweep>(), new ListLogger<SweepRunner>()), _db.Time, Options.Create(options), _log);
        await _scheduler.StartAsync(CancellationToken.None);
        return _scheduler;
    }

    private async Task<List<RetentionRun>> RunsAsync()
    {
        await using var db = _db.CreateContext();
        return await db.RetentionRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>The scheduler has finished what the clock asked of it and waits for <paramref name="expected"/>.</summary>
    private static async Task WaitForNextRunAsync(RetentionSweepScheduler scheduler, DateTimeOffset expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (scheduler.NextRunUtc != expected)
        {
            Assert.False(scheduler.ExecuteTask?.IsCompleted, "The scheduler stopped.");
            await Task.Delay(10, timeout.Token);
        }
    }

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
}

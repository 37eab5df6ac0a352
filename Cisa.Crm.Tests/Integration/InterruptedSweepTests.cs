using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Integration;

/// <summary>Issue 18, defect 5: a sweep killed mid-run no longer shows as running after a restart.</summary>
public sealed class InterruptedSweepTests
{
    [Fact]
    public async Task RET_RUN_a_sweep_left_running_by_a_killed_process_is_marked_interrupted_when_the_app_starts()
    {
        // The database a killed process left behind: a run marked running, with the counts of the batches it committed.
        var path = Path.Combine(Path.GetTempPath(), $"cisa-crm-killed-{Guid.NewGuid():N}.db");
        await using (var killed = await TestDatabase.CreateAsync())
        await using (var db = killed.CreateContext())
        {
            db.RetentionRuns.Add(new RetentionRun
            {
                StartedById = "system", StartedByName = "Cisa CRM", Status = RunStatus.Running, Trigger = SweepTrigger.Scheduled,
                AsOf = new DateOnly(2026, 3, 14), StartedAtUtc = new DateTime(2026, 3, 14, 1, 30, 0, DateTimeKind.Utc), ProspectsErased = 3,
            });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {path}");
        }

        await using var app = new CrmAppFactory { DatabasePath = path };
        app.CreateClient().Dispose(); // the app starts

        var run = await app.QueryAsync(db => db.RetentionRuns.SingleAsync());
        Assert.Equal((RunStatus.Interrupted, 3), (run.Status, run.ProspectsErased));
        Assert.NotNull(run.FinishedAtUtc);
        var audited = await app.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(RetentionRun)).Select(e => new { e.Action, e.Details }).SingleAsync());
        Assert.Equal(AuditActions.RetentionRunFailed, audited.Action);
        Assert.StartsWith("status=Interrupted;", audited.Details, StringComparison.Ordinal);
    }
}

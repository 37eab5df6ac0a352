using Cisa.Crm.Core.Data.Sqlite;
using System.Data.Common;
using System.Text;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Erasure;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Tests.Core.Applicants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Privacy.Retention;

/// <summary>RET-RUN's guarantees about failure and about what is left in the database file.</summary>
public sealed class SweepCrashAndTraceTests : RetentionTestBase
{
    [Fact]
    public async Task RET_RUN_a_run_that_dies_mid_batch_leaves_nothing_half_erased_and_the_next_run_finishes_the_job()
    {
        var ids = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await ProspectWithCallsAsync(calls: 2));
        }

        SetToday(new DateOnly(2028, 3, 14));
        // Dies on the second batch's prospect delete: that batch's calls are already anonymised inside its transaction.
        var crashing = SweepWith(new CrashOnNthCommand("DELETE FROM \"Prospects\"", 2), batchSize: 2);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.RunAsync(SalesPeople.PrivacyOfficer, SweepTrigger.OnDemand));

        await using (var db = Db.CreateContext())
        {
            var remaining = await db.Prospects.Select(p => p.Id).ToListAsync();
            Assert.Equal(3, remaining.Count);
            var calls = await db.Calls.AsNoTracking().ToListAsync();
            // Every call either still belongs to a remaining prospect with its report, or is fully anonymised.
            Assert.All(calls, c => Assert.True(
                (c.ProspectId is { } p && remaining.Contains(p) && c.Report.Length > 0) || (c.ProspectId is null && c.Report.Length == 0)));
            Assert.Equal(4, calls.Count(c => c.ProspectId is null));
            var failed = await db.RetentionRuns.AsNoTracking().SingleAsync();
            Assert.Equal((RunStatus.Failed, nameof(SimulatedCrashException), 2), (failed.Status, failed.Error, failed.ProspectsErased));
        }

        var rerun = await SweepNowAsync();

        Assert.Equal(3, rerun.ProspectsErased);
        foreach (var id in ids)
        {
            Assert.False(await ExistsAsync(PersonCategory.Prospect, id));
        }

        Assert.Equal(5, (await AuditAsync(AuditActions.RetentionErased)).Select(e => e.EntityId).Distinct().Count());
        Assert.Equal(5, (await AuditAsync(AuditActions.RetentionErased)).Count);
        Assert.True((await Db.Get<AuditLog>().VerifyChainAsync()).IsIntact);
    }

    [Fact]
    public async Task RET_RUN_a_run_left_running_by_a_dead_process_is_marked_interrupted_by_the_next()
    {
        await using (var db = Db.CreateContext())
        {
            db.RetentionRuns.Add(new RetentionRun { StartedById = "system", StartedByName = "Cisa CRM", Status = RunStatus.Running, AsOf = Today, StartedAtUtc = Db.Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        await SweepNowAsync();

        await using var check = Db.CreateContext();
        Assert.Equal([RunStatus.Interrupted, RunStatus.Completed], await check.RetentionRuns.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync());
    }

    [Fact]
    public async Task RET_RUN_erased_personal_data_is_nowhere_in_the_raw_database_file()
    {
        const string email = "marker.vandenbroeck@kempen-ict.be";
        const string phone = "+32470998877";
        const string report = "ZEBRA-MARKER discussed the firewall renewal";
        const string applicantEmail = "hanne.marker-applicant@example.be";
        var prospect = await Sales.ProspectAsync(Sales.Prospect(ProspectCompanyId, ProspectAssessmentId) with { LastName = "Vandenbroeck", Email = email, Mobile = "0470 99 88 77" });
        await Sales.AsAsync(SalesPeople.Sofie, () => Db.Get<Cisa.Crm.Core.Prospects.Calls.CallLogService>().LogAsync(prospect, SalesData.Call(report: report)));
        var procedure = await Recruitment.ProcedureAsync("Support engineer", new DateOnly(2025, 1, 1));
        var applicant = await Recruitment.ApplicantAsync(Recruitment.Applicant(procedure, RecruitmentAssessmentId) with { Email = applicantEmail });
        await Recruitment.UploadCvAsync(applicant);
        await Recruitment.CloseAsync(procedure);
        await CheckpointAsync();
        Assert.True(FileContains(email) && FileContains(phone) && FileContains(report) && FileContains(applicantEmail), "the markers must be in the file before the sweep, or the test proves nothing");

        // The person search keeps prepared statements on its own connections: they must not hold a read open that
        // stops the sweep's final checkpoint from wiping the WAL.
        Assert.Equal(2, (await Db.Get<Cisa.Crm.Core.People.PersonSearchService>().SearchAsync("vandenbroeck")).Hits.Count
            + (await Db.Get<Cisa.Crm.Core.People.PersonSearchService>().SearchAsync(applicantEmail)).Hits.Count);

        SetToday(new DateOnly(2031, 3, 14));
        var run = await SweepNowAsync();

        Assert.Equal((1, 1), (run.ProspectsErased, run.ApplicantsErased));
        Assert.Empty((await Db.Get<Cisa.Crm.Core.People.PersonSearchService>().SearchAsync("vandenbroeck")).Hits);
        foreach (var marker in new[] { email, phone, report, applicantEmail, "Vandenbroeck", ApplicantData.CvMarker })
        {
            Assert.False(FileContains(marker), $"'{marker}' survived in the database file");
        }
    }

    private async Task CheckpointAsync()
    {
        await using var db = Db.CreateContext();
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
    }

    /// <summary>Searches the database file and its write-ahead log byte for byte, as someone with a copy of the disk would.</summary>
    private bool FileContains(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return new[] { Db.FilePath, Db.FilePath + "-wal" }.Where(File.Exists).Any(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray().AsSpan().IndexOf(needle) >= 0;
        });
    }

    private sealed class SimulatedCrashException() : Exception("The process died here.");

    /// <summary>Throws, like a killed process would stop, when the <paramref name="n"/>th command starting with <paramref name="prefix"/> runs.</summary>
    private sealed class CrashOnNthCommand(string prefix, int n) : DbCommandInterceptor
    {
        private int _seen;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith(prefix, StringComparison.Ordinal) && ++_seen == n)
            {
                throw new SimulatedCrashException();
            }

            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

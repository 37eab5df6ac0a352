using System.Diagnostics;
using Cisa.Crm.Benchmarks.Running;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Demo;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Benchmarks.Workloads;

/// <summary>
/// P-SWEEP: the core's retention sweep (RetentionSweep: keyset batches, set-based statements, one audit entry per
/// erased person) on a copy of the benchmark database as of a day thirty years on, when every prospect with all
/// their calls, every contact of an ended relationship and every applicant of closed procedures is due; against
/// the same erasure as raw SQL statements (no batches, no audit) and against EF Core load-then-remove on a tenth.
/// Goal: under 10 s, at most 1.5× raw, managed memory growth under 50 MB.
/// </summary>
public sealed class SweepWorkload : IWorkload
{
    private const double GoalSeconds = 10;
    private const double GoalFactor = 1.5;
    private const long GoalMemoryBytes = 50L * 1024 * 1024;

    public string Id => "P-SWEEP";

    public async Task<WorkloadResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var asOf = DueDay(context);
        var batchSize = context.Options.SweepBatchSize;
        var options = new RetentionOptions();
        var configure = Configuration(context);

        // Untimed, on a small database: the model and the sweep's queries are built, as in an app that has been running.
        await WarmUpAsync(context, DemoStaff.Privacy, null, cancellationToken);

        // The app's way.
        double appSeconds;
        long memoryGrowth;
        long memoryWithGarbage;
        RetentionRun run;
        using (var scratch = context.ScratchCopy("sweep-app"))
        {
            await using var services = BenchServices.Create(scratch.Path, DemoStaff.ToActor(DemoStaff.Privacy), configure);
            var sweep = services.GetRequiredService<RetentionSweep>();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            using var peak = new PeakMemory(before);
            var start = Stopwatch.GetTimestamp();
            run = await sweep.RunAsync(CrmActor.System, SweepTrigger.OnDemand, peak, cancellationToken);
            appSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            peak.Report(null!);
            memoryGrowth = peak.MaxAfterCollection - before;
            memoryWithGarbage = peak.MaxWithGarbage - before;
        }

        context.Log.WriteLine($"  sweep: {appSeconds:F2} s, erased {run.ProspectsErased:N0} prospects ({run.CallsAnonymised:N0} calls anonymised), " +
            $"{run.PartnerContactsErased:N0} contacts, {run.ApplicantsErased:N0} applicants; peak managed growth {Mb(memoryGrowth)} MB " +
            $"after a collection, {Mb(memoryWithGarbage)} MB with garbage not collected yet");

        // The same erasure as raw SQL.
        double rawSeconds;
        using (var scratch = context.ScratchCopy("sweep-raw"))
        {
            var start = Stopwatch.GetTimestamp();
            await RawEraseAsync(BenchServices.ConnectionString(scratch.Path), asOf, options);
            rawSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        context.Log.WriteLine($"  raw SQL: {rawSeconds:F2} s");

        // EF Core load-then-remove, on a tenth of the prospects (it loads every call as an entity).
        const int efSample = 10_000;
        double efSeconds;
        int efCalls;
        using (var scratch = context.ScratchCopy("sweep-ef"))
        {
            await using var services = BenchServices.Create(scratch.Path, DemoStaff.ToActor(DemoStaff.Privacy));
            var start = Stopwatch.GetTimestamp();
            efCalls = await EfLoadThenRemoveAsync(services.GetRequiredService<IDbContextFactory<CrmDbContext>>(), efSample, cancellationToken);
            efSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        var efPerProspect = efSeconds / efSample;
        var efExtrapolated = efPerProspect * Math.Max(run.ProspectsErased, 1);
        context.Log.WriteLine($"  EF load-then-remove: {efSeconds:F2} s for {efSample:N0} prospects and {efCalls:N0} calls (≈ {efExtrapolated:F0} s for all)");

        var erased = run.Erased;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["prospects erased"] = run.ProspectsErased,
            ["calls anonymised"] = run.CallsAnonymised,
            ["partner contacts erased"] = run.PartnerContactsErased,
            ["applicants erased"] = run.ApplicantsErased,
            ["CVs erased"] = run.CvsErased,
            ["managed growth bytes"] = memoryGrowth,
        };
        var factor = appSeconds / rawSeconds;
        var cases = new List<CaseResult>
        {
            new($"sweep vs raw SQL ({erased:N0} people, {run.CallsAnonymised:N0} calls)", Summary.Of([appSeconds * 1000], "ms"), Summary.Of([rawSeconds * 1000], "ms"),
                $"{ResultTable.Factor(factor)}× raw", $"< {GoalSeconds:F0} s, ≤ {GoalFactor}× raw, < 50 MB managed growth",
                appSeconds < GoalSeconds && factor <= GoalFactor && memoryGrowth < GoalMemoryBytes && run.Status == RunStatus.Completed,
                $"peak managed memory growth {Mb(memoryGrowth)} MB as collections leave the heap ({Mb(memoryWithGarbage)} MB counting garbage not collected yet); " +
                $"includes {erased:N0} audit entries the raw SQL does not write", counts),
            new($"sweep vs EF load-then-remove (measured on {efSample:N0} prospects, scaled)", Summary.Of([appSeconds * 1000], "ms"), Summary.Of([efExtrapolated * 1000], "ms"),
                $"{ResultTable.Factor(efExtrapolated / appSeconds)}× faster", "faster than loading entities", appSeconds < efExtrapolated,
                $"EF took {efSeconds:F1} s for {efSample:N0} prospects with {efCalls:N0} calls"),
        };
        return new WorkloadResult(Id, $"retention sweep as of {asOf:yyyy-MM-dd} (everything of the generated data that is due by then)",
            $"RetentionSweep.RunAsync: keyset batches of {batchSize:N0} in a transaction each, ExecuteUpdate/ExecuteDelete, one audit entry per person, secure_delete",
            "the same UPDATE/DELETE statements as raw SQL in one transaction (no batches, no audit), secure_delete on and the final checkpoint, as in the app",
            cases, ["one run each: the sweep erases its input, so every run needs a fresh copy of the 500 MB database"]);
    }

    /// <summary>The erasure the sweep performs, written as plain SQL over the same due sets.</summary>
    public static async Task RawEraseAsync(string connectionString, DateOnly asOf, RetentionOptions options)
    {
        var prospectCutoff = RetentionPolicy.ProspectNotDueFromUtc(asOf, options)
            .ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
        var partnerEnded = RetentionPolicy.LatestAnchorDueBy(RetentionRule.PartnerContact, asOf, options).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var applicantEnded = RetentionPolicy.LatestAnchorDueBy(RetentionRule.ApplicantContact, asOf, options).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        const string dueProspects = "SELECT Id FROM Prospects WHERE UpdatedAtUtc < $p AND (LastCallAtUtc IS NULL OR LastCallAtUtc < $p)";
        const string dueContacts = "SELECT Id FROM PartnerContacts WHERE CompanyId IN (SELECT Id FROM Companies WHERE RelationshipEndedOn IS NOT NULL AND RelationshipEndedOn <= $c)";
        const string dueApplicants = """
            SELECT DISTINCT a.ApplicantId FROM Applications a
            EXCEPT SELECT a.ApplicantId FROM Applications a JOIN SelectionProcedures s ON s.Id = a.ProcedureId WHERE s.EndedOn IS NULL OR s.EndedOn > $a
            """;
        string[] statements =
        [
            $"CREATE TEMP TABLE due_applicants AS {dueApplicants}",
            "DELETE FROM ApplicantCvs WHERE ApplicantId IN (SELECT * FROM due_applicants)",
            "DELETE FROM Applications WHERE ApplicantId IN (SELECT * FROM due_applicants)",
            "DELETE FROM Applicants WHERE Id IN (SELECT * FROM due_applicants)",
            $"UPDATE Calls SET ProspectId = NULL, Report = '', FollowUpOn = NULL WHERE ProspectId IN ({dueProspects})",
            $"DELETE FROM Prospects WHERE Id IN ({dueProspects})",
            $"CREATE TEMP TABLE due_contacts AS {dueContacts}",
            "DELETE FROM Disclosures WHERE PartnerContactId IN (SELECT * FROM due_contacts)",
            "DELETE FROM PartnerContactEmails WHERE PartnerContactId IN (SELECT * FROM due_contacts)",
            "DELETE FROM PartnerContactPhones WHERE PartnerContactId IN (SELECT * FROM due_contacts)",
            "DELETE FROM PartnerContactAddresses WHERE PartnerContactId IN (SELECT * FROM due_contacts)",
            "UPDATE Applicants SET AgencyContactId = NULL WHERE AgencyContactId IN (SELECT * FROM due_contacts)",
            "DELETE FROM PartnerContacts WHERE Id IN (SELECT * FROM due_contacts)",
        ];
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            // The sweep's own connection settings (RetentionSweep.TuneForBulkAsync), so only batching and audit differ.
            pragma.CommandText = "PRAGMA secure_delete = ON; PRAGMA cache_size = -65536; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var transaction = connection.BeginTransaction();
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$p", prospectCutoff);
            command.Parameters.AddWithValue("$c", partnerEnded);
            command.Parameters.AddWithValue("$a", applicantEnded);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();

        // The sweep ends with this too: erased pages must leave the write-ahead log (the no-trace promise).
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync();
    }

    /// <summary>What a CRM without set-based statements does: load each prospect and its calls, change them, remove, save.</summary>
    private static async Task<int> EfLoadThenRemoveAsync(IDbContextFactory<CrmDbContext> factory, int prospects, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var loaded = await db.Prospects.OrderBy(p => p.Id).Take(prospects).ToListAsync(cancellationToken);
        var ids = loaded.Select(p => p.Id).ToList();
        var calls = await db.Calls.Where(c => c.ProspectId != null && ids.Contains(c.ProspectId.Value)).ToListAsync(cancellationToken);
        foreach (var call in calls)
        {
            call.ProspectId = null;
            call.Report = "";
            call.FollowUpOn = null;
        }

        db.Prospects.RemoveRange(loaded);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return calls.Count;
    }

    /// <summary>
    /// Samples the managed heap every few milliseconds on a timer and at every progress report of the sweep (a peak
    /// taken at batch ends only would look smaller with fewer, larger batches). Two peaks: the heap as the last
    /// garbage collection left it (what the sweep keeps alive; the goal), and the heap including garbage not collected
    /// yet, which mostly shows how much the server GC lets a heap grow before it collects.
    /// </summary>
    private sealed class PeakMemory : IProgress<SweepProgress>, IDisposable
    {
        private readonly Timer _timer;
        private readonly long _firstCollection = GC.GetGCMemoryInfo().Index;
        private long _maxAfterCollection;
        private long _maxWithGarbage;

        public PeakMemory(long start)
        {
            _maxAfterCollection = start;
            _maxWithGarbage = start;
            _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(5));
        }

        public long MaxAfterCollection => Interlocked.Read(ref _maxAfterCollection);

        public long MaxWithGarbage => Interlocked.Read(ref _maxWithGarbage);

        public void Report(SweepProgress value) => Sample();

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            var lastCollection = GC.GetGCMemoryInfo();
            if (lastCollection.Index > _firstCollection)
            {
                Raise(ref _maxAfterCollection, lastCollection.HeapSizeBytes);
            }

            Raise(ref _maxWithGarbage, GC.GetTotalMemory(forceFullCollection: false));
        }

        private static void Raise(ref long max, long value)
        {
            long seen;
            while (value > (seen = Interlocked.Read(ref max)) && Interlocked.CompareExchange(ref max, value, seen) != seen)
            {
            }
        }
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The day the sweeps run: thirty years after the data's day, when everything generated is due.</summary>
    internal static DateOnly DueDay(BenchContext context) => context.Manifest.AsOf.AddYears(30);

    /// <summary>The services of both sweep workloads: the sweep's clock on <see cref="DueDay"/>, the batch size of the command line.</summary>
    internal static Action<IServiceCollection> Configuration(BenchContext context) => services => services
        .AddSingleton<TimeProvider>(new FixedClock(DueDay(context)))
        .Configure<RetentionOptions>(o => o.SweepBatchSize = context.Options.SweepBatchSize);

    /// <summary>
    /// Untimed, on a small database: a sweep (and <paramref name="alsoWarm"/>, with the same services) builds the model
    /// and the queries, as in an app that has been running.
    /// </summary>
    internal static async Task WarmUpAsync(BenchContext context, DemoStaff.Member actor, Func<ServiceProvider, WarmUpDatabase, Task>? alsoWarm,
        CancellationToken cancellationToken)
    {
        await using var warmUp = await WarmUpDatabase.CreateAsync(context, cancellationToken);
        await using var services = BenchServices.Create(warmUp.Path, DemoStaff.ToActor(actor), Configuration(context));
        if (alsoWarm is not null)
        {
            await alsoWarm(services, warmUp);
        }

        await services.GetRequiredService<RetentionSweep>().RunAsync(CrmActor.System, SweepTrigger.OnDemand, null, cancellationToken);
    }

    /// <summary>The sweep's clock: 10:30 Brussels on the chosen day.</summary>
    private sealed class FixedClock(DateOnly day) : TimeProvider
    {
        private readonly DateTimeOffset _now = new(BrusselsTime.ToUtc(day.ToDateTime(new TimeOnly(10, 30))), TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;
    }
}

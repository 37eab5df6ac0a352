using System.Diagnostics;
using Cisa.Crm.Benchmarks.Running;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cisa.Crm.Benchmarks.Workloads;

/// <summary>
/// P-SWEEP-LIVE: what a full retention sweep does to the people working beside it. On a copy of the benchmark database
/// as of the day P-SWEEP sweeps (everything due), N sales users each log calls with a prospect of their own
/// (<see cref="CallLogService.LogAsync"/>, the form's save), a think time apart, from just before the sweep starts until
/// it ends; each save is timed from the call to its commit. The baseline is the same users for a few seconds on the
/// same database with no sweep running. Goal: p95 of the saves during the sweep ≤ 250 ms, every save succeeds, and the
/// sweep completes.
/// </summary>
public sealed class SweepLiveWorkload : IWorkload
{
    private const double GoalP95Milliseconds = 250;
    private static readonly TimeSpan BaselineDuration = TimeSpan.FromSeconds(3);

    public string Id => "P-SWEEP-LIVE";

    public async Task<WorkloadResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var users = context.Options.SweepUsers;
        var think = context.Options.SweepThinkMilliseconds;

        // Untimed: the sweep and a call save each run once on a small database, so neither is measured cold.
        await SweepWorkload.WarmUpAsync(context, DemoStaff.Sales, async (services, warmUp) =>
        {
            foreach (var prospect in LiveProspects(warmUp.Path, 1))
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CallLogService>().LogAsync(prospect, Call(), cancellationToken);
            }
        }, cancellationToken);

        using var scratch = context.ScratchCopy("sweep-live");
        await using var services = BenchServices.Create(scratch.Path, DemoStaff.ToActor(DemoStaff.Sales), SweepWorkload.Configuration(context));
        var sweep = services.GetRequiredService<RetentionSweep>();
        // The prospects with the highest ids: the sweep reaches them last, and each user's first call (at the sweep's
        // start) makes theirs no longer due, so they stay while everything around them goes.
        var prospects = LiveProspects(scratch.Path, users);

        var quiet = await SavesWhileAsync(services, prospects, think, Task.Delay(BaselineDuration, cancellationToken), cancellationToken);
        context.Log.WriteLine($"  no sweep: {quiet.Times.Count:N0} saves by {users} users, median {Summary.Of(quiet.Times, "ms").Median:F1} ms");

        var start = Stopwatch.GetTimestamp();
        // On a thread of its own, as the app's SweepRunner starts it: Microsoft.Data.Sqlite's async methods complete
        // synchronously, so the sweep would otherwise run to its end before the users start.
        var sweeping = Task.Run(() => sweep.RunAsync(CrmActor.System, SweepTrigger.OnDemand, null, cancellationToken), cancellationToken);
        var during = await SavesWhileAsync(services, prospects, think, sweeping, cancellationToken);
        var sweepSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var run = await sweeping;
        var saves = Summary.Of(during.Times, "ms");
        var max = during.Times.Max();
        context.Log.WriteLine($"  during the sweep ({sweepSeconds:F2} s, {run.Erased:N0} people): {during.Times.Count:N0} saves, median {saves.Median:F1} ms, " +
            $"p95 {saves.P95:F1} ms, max {max:F1} ms, {during.Failures} failed");

        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["saves"] = during.Times.Count,
            ["failed saves"] = during.Failures,
            ["prospects erased"] = run.ProspectsErased,
            ["calls anonymised"] = run.CallsAnonymised,
            ["partner contacts erased"] = run.PartnerContactsErased,
            ["applicants erased"] = run.ApplicantsErased,
            ["CVs erased"] = run.CvsErased,
        };
        var cases = new List<CaseResult>
        {
            new($"call saves by {users} users during a full sweep ({run.Erased:N0} people, {run.CallsAnonymised:N0} calls)", saves,
                Summary.Of(quiet.Times, "ms"), $"max {max:F0} ms; {ResultTable.Factor(saves.P95 / Summary.Of(quiet.Times, "ms").P95)}× the p95 without a sweep",
                $"p95 ≤ {GoalP95Milliseconds:F0} ms, no failed save, the sweep completes",
                saves.P95 <= GoalP95Milliseconds && during.Failures == 0 && run.Status == RunStatus.Completed,
                $"the sweep took {sweepSeconds:F2} s beside them ({MachineLoad.Describe()}); {during.Failures} saves failed", counts),
        };
        return new WorkloadResult(Id, $"call saves during the retention sweep of P-SWEEP ({users} users, think time {think} ms ±50%)",
            "CallLogService.LogAsync as Sales, each user on a prospect of their own, while RetentionSweep.RunAsync erases everything else that is due",
            $"the same users for {BaselineDuration.TotalSeconds:F0} s on the same database, no sweep running",
            cases, ["one sweep: it erases its input, so the run needs a fresh copy of the 500 MB database"]);
    }

    /// <summary>
    /// Each user (a scope of their own, as a circuit is) saves calls with their own prospect, a think time apart, until
    /// <paramref name="until"/> ends.
    /// </summary>
    private static async Task<(List<double> Times, int Failures)> SavesWhileAsync(ServiceProvider services, IReadOnlyList<int> prospects, int thinkMilliseconds,
        Task until, CancellationToken cancellationToken)
    {
        var users = prospects.Select((prospect, user) => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var calls = scope.ServiceProvider.GetRequiredService<CallLogService>();
            var random = new Random(user);
            var times = new List<double>();
            var failures = 0;
            while (!until.IsCompleted)
            {
                try
                {
                    times.Add(await Timing.MillisecondsAsync(() => calls.LogAsync(prospect, Call(), cancellationToken)));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failures++;
                }

                await Task.WhenAny(until, Task.Delay(random.Next(thinkMilliseconds / 2, thinkMilliseconds * 3 / 2 + 1), cancellationToken));
            }

            return (times, failures);
        }, cancellationToken)).ToList();
        await until;
        var done = await Task.WhenAll(users);
        return (done.SelectMany(d => d.times).ToList(), done.Sum(d => d.failures));
    }

    private static CallInput Call() => new() { Outcome = CallOutcome.Reached, DurationMinutes = 5, Report = "Benchmark call during a sweep." };

    private static List<int> LiveProspects(string databasePath, int count)
    {
        using var connection = new SqliteConnection(BenchServices.ConnectionString(databasePath));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Prospects WHERE IsRestricted = 0 ORDER BY Id DESC LIMIT $count";
        command.Parameters.AddWithValue("$count", count);
        using var reader = command.ExecuteReader();
        var ids = new List<int>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids.Count == count ? ids : throw new InvalidOperationException($"P-SWEEP-LIVE needs {count} unrestricted prospects; the database has {ids.Count}.");
    }
}

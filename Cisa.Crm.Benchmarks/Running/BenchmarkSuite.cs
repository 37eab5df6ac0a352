using Cisa.Crm.Benchmarks.Generation;
using Cisa.Crm.Benchmarks.Workloads;

namespace Cisa.Crm.Benchmarks.Running;

/// <summary>The <c>run</c> command: each requested workload in turn, one table per workload.</summary>
public static class BenchmarkSuite
{
    /// <summary>Every workload built so far, in the order they run.</summary>
    public static IReadOnlyList<IWorkload> Workloads { get; } =
    [
        new ProspectListWorkload(),
        new PersonSearchWorkload(),
        new ProspectImportWorkload(),
        new CircuitsWorkload(),
        new SubjectRequestWorkload(),
        new SweepWorkload(),
        new SweepLiveWorkload(),
    ];

    public static async Task<IReadOnlyList<WorkloadResult>> RunAsync(RunOptions options, TextWriter output, CancellationToken cancellationToken = default)
    {
        var manifest = DatasetManifest.Load(Path.GetFullPath(options.DatabasePath));
        var unknown = options.Only.Where(id => Workloads.All(w => !w.Id.Equals(id, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown workload(s): {string.Join(", ", unknown)}.");
        }

        output.WriteLine($"Benchmark database {Path.GetFullPath(options.DatabasePath)}: scale {manifest.Scale}, seed {manifest.Seed}, as of {manifest.AsOf:yyyy-MM-dd}, " +
            $"{Environment.ProcessorCount} cores, {MachineLoad.Describe()}, .NET {Environment.Version}, " +
            (manifest.PlannerStatistics ? "with planner statistics (PRAGMA optimize, as the app makes them on every start)" : "no planner statistics (generated with --analyze false)"));
        var context = new BenchContext(options, manifest, output);
        var results = new List<WorkloadResult>();
        foreach (var workload in Workloads.Where(w => options.Wants(w.Id)))
        {
            output.WriteLine();
            output.WriteLine($"{workload.Id}: running… ({MachineLoad.Describe()})");
            var result = await workload.RunAsync(context, cancellationToken);
            ResultTable.Print(result, output);
            results.Add(result);
        }

        return results;
    }
}

namespace Cisa.Crm.Benchmarks.Running;

/// <summary>
/// Median and 95th percentile of a set of samples (nearest rank). For a rate, where higher is better,
/// the "p95" is the value that 95% of the runs reach or beat, so it is read the same way as for a time.
/// </summary>
public sealed record Summary(string Unit, int Count, double Median, double P95, bool HigherIsBetter = false)
{
    public static Summary Of(IReadOnlyCollection<double> samples, string unit, bool higherIsBetter = false)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples to summarise.", nameof(samples));
        }

        var sorted = samples.Order().ToArray();
        return new Summary(unit, sorted.Length, Percentile(sorted, 50), Percentile(sorted, higherIsBetter ? 5 : 95), higherIsBetter);
    }

    private static double Percentile(double[] sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// One measured case of a workload: the app's way, the baseline measured beside it, and the verdict against the goal.
/// <see cref="Counts"/> holds what the case did besides timing (rows imported, people not found), for the report and the smoke test.
/// </summary>
public sealed record CaseResult(string Name, Summary App, Summary? Baseline, string Comparison, string Goal, bool Pass, string? Note = null,
    IReadOnlyDictionary<string, long>? Counts = null);

/// <summary>One workload's table.</summary>
public sealed record WorkloadResult(string Id, string Title, string AppWay, string BaselineWay, IReadOnlyList<CaseResult> Cases, IReadOnlyList<string> Notes)
{
    public bool Pass => Cases.All(c => c.Pass);
}

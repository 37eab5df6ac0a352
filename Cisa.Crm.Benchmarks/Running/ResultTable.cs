using System.Globalization;

namespace Cisa.Crm.Benchmarks.Running;

/// <summary>Prints a workload's results as a fixed-width table: the app's way, the baseline, the comparison and the verdict.</summary>
public static class ResultTable
{
    public static void Print(WorkloadResult result, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{result.Id}  {result.Title}");
        output.WriteLine($"  app:      {result.AppWay}");
        output.WriteLine($"  baseline: {result.BaselineWay}");
        var rows = result.Cases.Select(c => new[]
        {
            c.Name,
            Count(c),
            WithUnit(c.App.Median, c.App), WithUnit(c.App.P95, c.App),
            c.Baseline is null ? "—" : WithUnit(c.Baseline.Median, c.Baseline), c.Baseline is null ? "—" : WithUnit(c.Baseline.P95, c.Baseline),
            c.Comparison, c.Goal, c.Pass ? "PASS" : "MISS",
        }).ToList();
        string[] header = ["case", "n app/base", "median", "p95", "base median", "base p95", "comparison", "goal", "result"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine("  " + string.Join("  ", header.Select((h, i) => Pad(h, widths[i], i))));
        output.WriteLine("  " + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine("  " + string.Join("  ", row.Select((cell, i) => Pad(cell, widths[i], i))));
        }

        foreach (var counted in result.Cases.Where(c => c.Counts is { Count: > 0 }))
        {
            output.WriteLine($"  counts: {counted.Name}: {string.Join(", ", counted.Counts!.Select(c => $"{c.Key} {c.Value:N0}"))}");
        }

        foreach (var note in result.Cases.Where(c => c.Note is not null).Select(c => $"{c.Name}: {c.Note}").Concat(result.Notes))
        {
            output.WriteLine($"  note: {note}");
        }

        output.WriteLine($"  {result.Id}: {(result.Pass ? "PASS" : "MISS")}");
    }

    private static string Count(CaseResult c) =>
        c.Baseline is null ? c.App.Count.ToString(CultureInfo.InvariantCulture) : $"{c.App.Count}/{c.Baseline.Count}";

    private static string WithUnit(double value, Summary summary) => $"{Number(value)} {summary.Unit}";

    private static string Pad(string text, int width, int column) => column is >= 1 and <= 5 ? text.PadLeft(width) : text.PadRight(width);

    /// <summary>A factor: two decimals below 10 ("1.32"), whole above ("240").</summary>
    public static string Factor(double value) =>
        value.ToString(value >= 10 ? "N0" : "F2", CultureInfo.InvariantCulture);

    public static string Number(double value) => value switch
    {
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("F0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("F1", CultureInfo.InvariantCulture),
        _ => value.ToString("F2", CultureInfo.InvariantCulture),
    };
}

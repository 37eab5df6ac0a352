using System.Diagnostics;

namespace Cisa.Crm.Benchmarks.Running;

/// <summary>Times the app's way and its baseline in turns, so both see the same caches, warm-up and machine load.</summary>
public static class Timing
{
    public static async Task<double> MillisecondsAsync(Func<Task> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>
    /// Runs <paramref name="app"/> and <paramref name="baseline"/> for each variant in turn (alternating which goes
    /// first), after a warm-up that is not recorded. The baseline may run less often when it is slow.
    /// </summary>
    public static async Task<(List<double> App, List<double> Baseline)> InTurnsAsync<T>(IReadOnlyList<T> variants, int iterations, int baselineIterations,
        Func<T, Task> app, Func<T, Task> baseline)
    {
        var warmUp = Math.Clamp(iterations / 10, 2, 10);
        var appTimes = new List<double>(iterations);
        var baselineTimes = new List<double>(baselineIterations);
        for (var i = -warmUp; i < iterations; i++)
        {
            var variant = variants[(i + warmUp) % variants.Count];
            var runBaseline = i < 0 ? i >= -2 : i < baselineIterations;
            var baselineFirst = (i & 1) == 0;
            if (baselineFirst && runBaseline)
            {
                Record(baselineTimes, i, await MillisecondsAsync(() => baseline(variant)));
            }

            Record(appTimes, i, await MillisecondsAsync(() => app(variant)));
            if (!baselineFirst && runBaseline)
            {
                Record(baselineTimes, i, await MillisecondsAsync(() => baseline(variant)));
            }
        }

        return (appTimes, baselineTimes);
    }

    private static void Record(List<double> times, int iteration, double milliseconds)
    {
        if (iteration >= 0)
        {
            times.Add(milliseconds);
        }
    }
}

using System.Collections.Concurrent;
using Cisa.Crm.Benchmarks.Running;

namespace Cisa.Crm.Benchmarks.Workloads;

/// <summary>
/// P-CIRCUITS: N Blazor Server circuits (one signed-in Sales user) against the real app on loopback, each paging the
/// prospect list: the round trip of a page click, and the app process's working-set growth per circuit against N
/// circuits on an almost empty page. Goal: 200 circuits, p95 &lt; 100 ms, ≤ 2× the empty page's memory. The circuits
/// are protocol-level Blazor clients by default (<see cref="ProtocolCircuitClient"/>), or headless Chromium pages
/// (<see cref="BrowserCircuitClient"/>, <c>--circuit-client browser</c>).
/// </summary>
public sealed class CircuitsWorkload : IWorkload
{
    private const double GoalMilliseconds = 100;
    private const double GoalMemoryRatio = 2;
    private const string EmptyPage = "/access-denied";
    private const int OpenInParallel = 8;

    public string Id => "P-CIRCUITS";

    public async Task<WorkloadResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var n = context.Options.Circuits;
        using var scratch = context.ScratchCopy("circuits");

        context.Log.WriteLine($"  {n} circuits on the empty page {EmptyPage}…");
        var empty = await MeasureAsync(context, scratch.Path, n, EmptyPage, paging: false, cancellationToken);
        context.Log.WriteLine($"  {n} circuits on /prospects, {context.Options.CircuitClicks} page clicks each…");
        var list = await MeasureAsync(context, scratch.Path, n, "/prospects", paging: true, cancellationToken);

        var roundTrips = Summary.Of(list.RoundTrips, "ms");
        var listMemory = Summary.Of([list.MegabytesPerCircuit], "MB");
        var emptyMemory = Summary.Of([empty.MegabytesPerCircuit], "MB");
        var memoryRatio = list.MegabytesPerCircuit / Math.Max(0.001, empty.MegabytesPerCircuit);
        var notes = new List<string>
        {
            $"{n} circuits opened ({list.Opened} on the list, {empty.Opened} on the empty page); {list.TimedOut} clicks got no answer within 10 s",
            $"app working set after a full collection: empty page {Mb(empty.Before.Collected)} → {Mb(empty.After.Collected)} MB; " +
                $"list {Mb(list.Before.Collected)} → {Mb(list.AfterOpen.Collected)} MB opened → {Mb(list.After.Collected)} MB after paging",
            $"as it stood before each collection (garbage not collected yet included): empty page {Mb(empty.Before.AsItIs)} → {Mb(empty.After.AsItIs)} MB, " +
                $"{empty.MegabytesPerCircuitAsItWas:F2} MB a circuit; list {Mb(list.Before.AsItIs)} → {Mb(list.AfterOpen.AsItIs)} → {Mb(list.After.AsItIs)} MB, " +
                $"{list.MegabytesPerCircuitAsItWas:F2} MB a circuit ({ResultTable.Factor(list.MegabytesPerCircuitAsItWas / Math.Max(0.001, empty.MegabytesPerCircuitAsItWas))}×)",
            $"think time {context.Options.ThinkMilliseconds} ms ±50% between clicks; the {ClientName(context)} run on the same {Environment.ProcessorCount} cores as the app",
            $"the app used {list.AppProcessorMillisecondsPerClick:F1} ms of processor time per click (the {Environment.ProcessorCount} cores give {Environment.ProcessorCount * 1000} ms a second)"
                + (context.Options.CircuitClient == "browser" ? "" : $"; the clients (this process) {list.ClientProcessorMillisecondsPerClick:F1} ms"),
        };
        return new WorkloadResult(Id, $"{n} concurrent Blazor Server circuits paging the prospect list (25 rows a page)",
            $"the real app (child process, Release, {context.Options.AppGc} GC), {ClientName(context)} signed in as Sales",
            $"the same number of circuits on an almost empty page ({EmptyPage})",
            [
                new CaseResult("page click round trip", roundTrips, null, "—", $"p95 < {GoalMilliseconds:F0} ms", roundTrips.P95 < GoalMilliseconds && list.TimedOut == 0),
                new CaseResult("memory per circuit (after a full collection)", listMemory, emptyMemory, $"{ResultTable.Factor(memoryRatio)}× the empty page", $"≤ {GoalMemoryRatio:F0}× the empty page",
                    memoryRatio <= GoalMemoryRatio),
            ],
            notes);
    }

    private static string ClientName(BenchContext context) => context.Options.CircuitClient == "browser"
        ? "headless Chromium pages (round trip timed in the page: click → DOM changed)"
        : "protocol-level Blazor clients (SignalR blazorpack; round trip: click → render batch with the new rows applied and acknowledged)";

    private sealed record Phase(int Opened, WorkingSet Before, WorkingSet AfterOpen, WorkingSet After, List<double> RoundTrips, int TimedOut,
        double AppProcessorMillisecondsPerClick, double ClientProcessorMillisecondsPerClick)
    {
        /// <summary>Working-set growth per circuit once the app has collected its garbage (the goal's figure).</summary>
        public double MegabytesPerCircuit => PerCircuit(After.Collected - Before.Collected);

        /// <summary>The same growth as the working set stood, garbage the GC had not collected yet included.</summary>
        public double MegabytesPerCircuitAsItWas => PerCircuit(After.AsItIs - Before.AsItIs);

        private double PerCircuit(long bytes) => bytes / 1024.0 / 1024.0 / Math.Max(1, Opened);
    }

    /// <summary>
    /// One app process per phase, so each starts from the same state: warm up with one circuit (its memory is
    /// in the "before" figure), open N circuits, and — on the list — click through pages with think time.
    /// </summary>
    private static async Task<Phase> MeasureAsync(BenchContext context, string databasePath, int n, string path, bool paging,
        CancellationToken cancellationToken)
    {
        await using var app = await WebAppProcess.StartAsync(databasePath, context.Options.AppGc == "server", cancellationToken);
        await using var client = context.Options.CircuitClient == "browser"
            ? await BrowserCircuitClient.StartAsync(app.BaseUrl)
            : (ICircuitClient)new ProtocolCircuitClient(app.BaseUrl);

        // Sign in once (the cookie is shared by every circuit) and warm the app up on the measured page.
        var first = await client.OpenAsync(path, paging, cancellationToken);
        if (paging)
        {
            await first.ClickNextPageAsync(cancellationToken);
        }

        await Task.Delay(3000, cancellationToken);
        var before = await MemoryAsync(app, cancellationToken);

        var circuits = new ConcurrentBag<IOpenCircuit>();
        using (var gate = new SemaphoreSlim(OpenInParallel))
        {
            await Task.WhenAll(Enumerable.Range(0, n).Select(async _ =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    circuits.Add(await client.OpenAsync(path, paging, cancellationToken));
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await Task.Delay(3000, cancellationToken);
        var afterOpen = await MemoryAsync(app, cancellationToken);
        var roundTrips = new ConcurrentBag<double>();
        var timedOut = 0;
        var processorBefore = app.ProcessorTime;
        var clientProcessorBefore = Environment.CpuUsage.TotalTime;
        if (paging)
        {
            var think = context.Options.ThinkMilliseconds;
            await Task.WhenAll(circuits.Select(async (circuit, i) =>
            {
                var random = new Random(i);
                await Task.Delay(random.Next(0, think + 1), cancellationToken);
                for (var click = 0; click < context.Options.CircuitClicks; click++)
                {
                    if (await circuit.ClickNextPageAsync(cancellationToken) is { } milliseconds)
                    {
                        roundTrips.Add(milliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref timedOut);
                    }

                    await Task.Delay(think / 2 + random.Next(0, think + 1), cancellationToken);
                }
            }));
            await Task.Delay(3000, cancellationToken);
        }

        var after = await MemoryAsync(app, cancellationToken);
        var clicks = roundTrips.Count + timedOut;
        return new Phase(circuits.Count, before, afterOpen, after, roundTrips.ToList(), timedOut,
            clicks == 0 ? 0 : (app.ProcessorTime - processorBefore).TotalMilliseconds / clicks,
            clicks == 0 ? 0 : (Environment.CpuUsage.TotalTime - clientProcessorBefore).TotalMilliseconds / clicks);
    }

    /// <summary>The app's working set as it is, then after a full garbage collection (what the circuits keep; the goal's figure).</summary>
    private static async Task<WorkingSet> MemoryAsync(WebAppProcess app, CancellationToken cancellationToken)
    {
        var asItIs = app.WorkingSetBytes;
        await app.CollectGarbageAsync(cancellationToken);
        return new WorkingSet(asItIs, app.WorkingSetBytes);
    }

    private sealed record WorkingSet(long AsItIs, long Collected);

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
}

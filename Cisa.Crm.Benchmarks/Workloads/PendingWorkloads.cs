namespace Cisa.Crm.Benchmarks.Workloads;

/// <summary>
/// EXTENSION POINTS: workloads of the benchmark issue that wait for core features. Each becomes an
/// <see cref="Running.IWorkload"/> added to <see cref="Running.BenchmarkSuite.Workloads"/>; until then
/// <c>--only</c> accepts their id and says what they wait for. Nothing is measured or faked for them.
/// </summary>
public static class PendingWorkloads
{
    public sealed record Pending(string Id, string WaitsFor);

    public static IReadOnlyList<Pending> All { get; } =
    [
        // P-DSR: the core's cross-category subject-request search over prospects, partner contacts and applicants
        // (on main since the merge: PersonFinder.FindAsync / SubjectRequestService.SearchAsync), plus the erasure of one
        // person with 1,000 calls (the manifest's BusyProspectIds; SubjectRequestService.ExecuteAsync or PersonEraser) on a
        // scratch copy (BenchContext.ScratchCopy). Goal: p95 < 200 ms. P-SEARCH's PersonSearchWorkload.SearchTheAppWayAsync
        // is the one place to switch to the core's search as well (its FindQuery takes e-mail, phone, first and last name).
        new("P-DSR", "To be built on the core's subject-request search and erasure (goal: search + erasure of a person with 1,000 calls, p95 < 200 ms)."),

        // P-SWEEP: the core's retention sweep (on main since the merge: RetentionSweep.RunAsync / RetentionService.RunNowAsync)
        // on a scratch copy generated with --expired-share 1.0 (1,000,000 expired
        // calls, 100,000 people), vs the same deletes as raw SQL and vs an EF load-then-remove baseline (on a smaller
        // copy if too slow). Goal: < 10 s, ≤ 1.5× raw, managed memory growth < 50 MB (GC.GetTotalMemory before/after).
        new("P-SWEEP", "To be built on the core's retention sweep (goal: 1,000,000 calls and 100,000 people in < 10 s, ≤ 1.5× raw SQL, < 50 MB managed growth)."),
    ];
}

namespace Cisa.Crm.Benchmarks;

/// <summary>
/// HMAC keys for the benchmark's invented data only. The generator hashes the suppression list with
/// this key and the run command checks imports against it; no real database ever uses them.
/// </summary>
internal static class BenchmarkKeys
{
    public const string Audit = "benchmark-only-audit-key-invented-data-0123456789";

    public const string Suppression = "benchmark-only-suppression-key-invented-data-0123456789";
}

using System.Globalization;
using Cisa.Crm.Core.Privacy.Suppression;
using Microsoft.Extensions.Options;
using static Cisa.Crm.Benchmarks.Generation.EfSqliteFormat;

namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>
/// The suppression list (DSR-OBJECT): keyed hashes of the addresses and numbers of people who objected
/// and were erased, hashed by the core's own <see cref="SuppressionList"/> so the import's check finds them.
/// </summary>
internal static class SuppressionSection
{
    public static void Write(GenerationRun run)
    {
        var list = new SuppressionList(Options.Create(new SuppressionOptions { Key = BenchmarkKeys.Suppression }), TimeProvider.System);
        var table = run.Table("SuppressionEntries", "Kind", "KeyedHash", "CreatedAtUtc", "RequestReference");
        for (var n = 0; n < run.Options.SuppressionEntries; n++)
        {
            var email = n % 2 == 0;
            var value = email ? ContactPoints.SuppressedEmail(n) : ContactPoints.SuppressedPhone(n);
            var at = run.OfficeMoment(run.AsOf.AddYears(-3), run.AsOf);
            table.Insert(Enum(email ? ContactKind.Email : ContactKind.Phone), list.Hash(value), DateTime(at),
                string.Create(CultureInfo.InvariantCulture, $"DSR-{at.Year}-{n + 1:D4}"));
        }

        run.Wrote(run.Options.SuppressionEntries);
    }
}

using Cisa.Crm.Core.Privacy.Retention;

namespace Cisa.Crm.Tests.Core.Privacy.Retention;

public sealed class RetentionPolicyDateTests
{
    [Theory]
    [InlineData("2026-03-14", 2, "2024-03-14")]
    [InlineData("2026-02-28", 2, "2024-02-29")]
    [InlineData("2026-03-01", 2, "2024-03-01")]
    [InlineData("2028-02-29", 2, "2026-02-28")]
    [InlineData("2036-03-14", 10, "2026-03-14")]
    public void RET_RUN_the_sweep_erases_what_started_on_or_before_the_latest_start_due_today(string today, int years, string latest)
    {
        var start = RetentionPolicy.LatestAnchorDueBy(RetentionRule.Prospect, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture),
            new RetentionOptions { ProspectYearsAfterLastActivity = years });

        Assert.Equal(DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture), start);
        Assert.True(start.AddYears(years) <= DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(start.AddDays(1).AddYears(years) > DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RET_PROSPECT_the_due_date_counts_from_the_later_of_last_call_and_last_update_in_Brussels()
    {
        var options = new RetentionOptions();
        // 23:30 UTC on 31 December is already 1 January in Brussels.
        var updated = new DateTime(2025, 12, 31, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new DateOnly(2028, 1, 1), RetentionPolicy.ProspectExpiry(updated, null, options));
        Assert.Equal(new DateOnly(2028, 6, 2), RetentionPolicy.ProspectExpiry(updated, new DateTime(2026, 6, 2, 8, 0, 0, DateTimeKind.Utc), options));
        Assert.Equal(new DateOnly(2028, 1, 1), RetentionPolicy.ProspectExpiry(updated, new DateTime(2025, 6, 2, 8, 0, 0, DateTimeKind.Utc), options));
    }
}

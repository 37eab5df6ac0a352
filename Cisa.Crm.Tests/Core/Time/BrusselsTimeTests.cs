using Cisa.Crm.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace Cisa.Crm.Tests.Core.Time;

public sealed class BrusselsTimeTests
{
    [Fact]
    public void Winter_time_is_utc_plus_one_and_summer_time_utc_plus_two()
    {
        Assert.Equal(new DateTime(2026, 1, 15, 13, 0, 0), BrusselsTime.FromUtc(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 7, 15, 14, 0, 0), BrusselsTime.FromUtc(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_brussels_day_starts_at_the_right_utc_instant_around_the_clock_change()
    {
        // Summer time starts on Sunday 29 March 2026 at 02:00.
        Assert.Equal(new DateTime(2026, 3, 28, 23, 0, 0, DateTimeKind.Utc), BrusselsTime.StartOfDayUtc(new DateOnly(2026, 3, 29)));
        Assert.Equal(new DateTime(2026, 3, 29, 22, 0, 0, DateTimeKind.Utc), BrusselsTime.StartOfDayUtc(new DateOnly(2026, 3, 30)));
    }

    [Fact]
    public void Today_is_the_brussels_calendar_day_not_the_utc_one()
    {
        var lateEvening = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 7, 1), BrusselsTime.Today(lateEvening));
    }
}

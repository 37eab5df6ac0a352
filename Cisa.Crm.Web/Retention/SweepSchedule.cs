using Cisa.Crm.Core.Time;

namespace Cisa.Crm.Web.Retention;

/// <summary>
/// When the daily retention sweep (RET-RUN) starts: every day at <c>Crm:Retention:SweepAt</c> on the
/// Brussels wall clock, daylight saving included. On the spring-forward night a time in the skipped hour
/// runs one hour later on the wall clock (02:30 becomes 03:30 summer time: as if the clock had not jumped);
/// on the fall-back night a time that occurs twice runs once, at the first occurrence (summer time).
/// </summary>
public static class SweepSchedule
{
    /// <summary>The first start strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRunUtc(DateTimeOffset now, TimeOnly at)
    {
        for (var day = DateOnly.FromDateTime(BrusselsTime.FromUtc(now.UtcDateTime)); ; day = day.AddDays(1))
        {
            var start = StartOn(day, at);
            if (start > now)
            {
                return start;
            }
        }
    }

    /// <summary>The UTC instant of <paramref name="at"/> on the Brussels calendar day <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOn(DateOnly day, TimeOnly at)
    {
        var zone = BrusselsTime.Zone;
        var local = day.ToDateTime(at);
        if (zone.IsInvalidTime(local))
        {
            // In the hour the clock skips: read the wall-clock time with the offset in force before the jump.
            var before = zone.GetUtcOffset(BrusselsTime.StartOfDayUtc(day));
            return new DateTimeOffset(DateTime.SpecifyKind(local - before, DateTimeKind.Utc));
        }

        if (zone.IsAmbiguousTime(local))
        {
            // In the hour that repeats: the first time the clock shows it (the larger, summer offset).
            var summer = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(DateTime.SpecifyKind(local - summer, DateTimeKind.Utc));
        }

        return new DateTimeOffset(BrusselsTime.ToUtc(local));
    }
}

namespace Cisa.Crm.Core.Time;

/// <summary>
/// The firm works in Belgian time: everything is stored in UTC and shown, or reasoned about by
/// calendar day, in Europe/Brussels (daylight saving included).
/// </summary>
public static class BrusselsTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time in Brussels to UTC.</summary>
    public static DateTime ToUtc(DateTime brussels) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(brussels, DateTimeKind.Unspecified), Zone);

    /// <summary>The UTC instant at which a Brussels calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(FromUtc(time.GetUtcNow().UtcDateTime));
}

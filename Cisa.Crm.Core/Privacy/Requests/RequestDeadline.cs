namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>DSR-DEADLINE (GDPR Art. 12(3)) as calendar arithmetic on Brussels days.</summary>
public static class RequestDeadline
{
    public const int MaxExtensionMonths = 2;

    /// <summary>One calendar month after receipt; a day the next month lacks becomes its last day (31 January → 28 or 29 February).</summary>
    public static DateOnly DueOn(DateOnly receivedOn) => receivedOn.AddMonths(1);

    /// <summary>The extended deadline: up to two more months counted, like the first, from the day of receipt.</summary>
    public static DateOnly ExtendedDueOn(DateOnly receivedOn, int months) => receivedOn.AddMonths(1 + months);

    /// <summary>Days left until the deadline (negative when overdue).</summary>
    public static int DaysLeft(DateOnly dueOn, DateOnly today) => dueOn.DayNumber - today.DayNumber;
}

namespace Cisa.Crm.Core.Common;

/// <summary>
/// The days a date field accepts, from <see cref="First"/> to <see cref="Last"/>. Every rule that takes a date asks one of
/// the windows below, so no call, request, relationship, review or follow-up can name a day no person means
/// (0001-01-01 as a relationship's end made its contacts due for erasure at once; 9999-12-31 as a review date never
/// comes). A day outside is refused at its field through <see cref="Validator.Day"/>.
/// </summary>
public readonly record struct DateWindow(DateOnly First, DateOnly Last)
{
    /// <summary>The earliest day anything the CRM records can have happened: 1 January 1900.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>How far ahead a plan may reach: a follow-up, a review, a relationship's agreed start or end.</summary>
    public const int PlanYearsAhead = 10;

    /// <summary>The earliest day a retention preview is shown for: before it the firm kept no records in this system.</summary>
    public static readonly DateOnly EarliestPreview = new(2000, 1, 1);

    /// <summary>How far ahead a retention preview reaches: every period ends well within it, and the date arithmetic stays in range.</summary>
    public const int PreviewYearsAhead = 100;

    /// <summary>Something that has happened (a call, a request's receipt, a disclosure, a procedure's opening): from 1900 to today.</summary>
    public static DateWindow Past(DateOnly today) => new(Earliest, today);

    /// <summary>Something planned (a follow-up): from today to <see cref="PlanYearsAhead"/> years on.</summary>
    public static DateWindow Plan(DateOnly today) => new(today, today.AddYears(PlanYearsAhead));

    /// <summary>A review (LI-REVIEW): after today, at most <see cref="PlanYearsAhead"/> years on.</summary>
    public static DateWindow Review(DateOnly today) => new(today.AddDays(1), today.AddYears(PlanYearsAhead));

    /// <summary>A relationship's start or end: long ago, or agreed ahead up to <see cref="PlanYearsAhead"/> years.</summary>
    public static DateWindow Relationship(DateOnly today) => new(Earliest, today.AddYears(PlanYearsAhead));

    /// <summary>The day a retention preview is computed for (RET-RUN).</summary>
    public static DateWindow RetentionPreview(DateOnly today) => new(EarliestPreview, today.AddYears(PreviewYearsAhead));

    public bool Contains(DateOnly day) => day >= First && day <= Last;
}

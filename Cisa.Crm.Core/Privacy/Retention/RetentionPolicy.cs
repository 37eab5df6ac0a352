namespace Cisa.Crm.Core.Privacy.Retention;

/// <summary>The retention periods (the <c>Crm:Retention</c> section); defaults from the published rules.</summary>
public sealed class RetentionOptions
{
    /// <summary>RET-PARTNER: years a partner contact is kept after the relationship with their company ends.</summary>
    public int PartnerContactYearsAfterRelationship { get; set; } = 10;

    /// <summary>RET-APP-CV: years a CV is kept after the end of the last procedure it belongs to.</summary>
    public int ApplicantCvYearsAfterProcedure { get; set; } = 2;

    /// <summary>RET-APP-CONTACT: years an applicant's contact details are kept after that end.</summary>
    public int ApplicantContactYearsAfterProcedure { get; set; } = 5;

    /// <summary>RET-PROSPECT: years a prospect is kept after their last call or the last update of their record.</summary>
    public int ProspectYearsAfterLastActivity { get; set; } = 2;

    /// <summary>RET-RUN: whether the daily sweep runs (an on-demand sweep is always possible).</summary>
    public bool SweepEnabled { get; set; } = true;

    /// <summary>RET-RUN: the Brussels time of day the daily sweep starts.</summary>
    public TimeOnly SweepAt { get; set; } = new(2, 30);

    /// <summary>
    /// How many people one sweep transaction erases: bounds the memory and the time writers wait. Each commit rewrites
    /// the index pages its deletions touched (the prospects' name, e-mail and phone indexes are spread over the whole
    /// key range), so fewer, larger batches write less. At 121,000 people and 1,000,000 calls (P-SWEEP, 2 cores):
    /// 1,000 took 27.7 s, 2,500 14.8 s, 10,000 11.6–12.0 s with a peak managed growth of 44 MB (goal: under 50).
    /// A batch of 10,000 holds the write lock for under a second, at night.
    /// </summary>
    public int SweepBatchSize { get; set; } = 10_000;
}

/// <summary>When an applicant's CV and contact details fall due; both null while a procedure is open.</summary>
public sealed record ApplicantExpiry(DateOnly? LastProcedureEndedOn, DateOnly? CvUntil, DateOnly? ContactUntil);

/// <summary>Expiry dates computed from facts and the configured periods, in one place.</summary>
public static class RetentionPolicy
{
    /// <summary>
    /// RET-PROSPECT: the Brussels day of the last call or the last update (whichever is later) plus the
    /// configured years.
    /// </summary>
    public static DateOnly ProspectExpiry(DateTime updatedAtUtc, DateTime? lastCallAtUtc, RetentionOptions options)
    {
        var lastActivity = lastCallAtUtc is { } call && call > updatedAtUtc ? call : updatedAtUtc;
        return DateOnly.FromDateTime(Time.BrusselsTime.FromUtc(lastActivity)).AddYears(options.ProspectYearsAfterLastActivity);
    }

    /// <summary>
    /// The latest start day whose expiry (start + <paramref name="years"/>) has come by <paramref name="today"/>:
    /// the sweep erases everything that started on or before it. The inverse of AddYears, 29 February included
    /// (29 February 2024 + 2 years is due on 28 February 2026).
    /// </summary>
    public static DateOnly LatestStartDueBy(DateOnly today, int years)
    {
        var start = today.AddYears(-years);
        while (start.AddDays(1).AddYears(years) <= today)
        {
            start = start.AddDays(1);
        }

        return start;
    }

    /// <summary>
    /// RET-PARTNER: none while the relationship is active (no end date, or one still to come);
    /// otherwise its end plus the configured years.
    /// </summary>
    public static DateOnly? PartnerContactExpiry(DateOnly? relationshipEndedOn, DateOnly today, RetentionOptions options) =>
        relationshipEndedOn is { } ended && ended <= today ? ended.AddYears(options.PartnerContactYearsAfterRelationship) : null;

    /// <summary>
    /// RET-APP-CV and RET-APP-CONTACT, from the end dates of every procedure the applicant is in
    /// (null = still open): nothing while any is open; otherwise the latest end plus the configured years
    /// (29 February + 2 years is 28 February).
    /// </summary>
    public static ApplicantExpiry ApplicantExpiry(IEnumerable<DateOnly?> procedureEndDates, RetentionOptions options)
    {
        var ends = procedureEndDates.ToList();
        if (ends.Count == 0 || ends.Any(e => e is null))
        {
            return new ApplicantExpiry(null, null, null);
        }

        var last = ends.Max()!.Value;
        return new ApplicantExpiry(last, last.AddYears(options.ApplicantCvYearsAfterProcedure), last.AddYears(options.ApplicantContactYearsAfterProcedure));
    }
}

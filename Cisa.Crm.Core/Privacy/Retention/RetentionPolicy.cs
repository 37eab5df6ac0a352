using Cisa.Crm.Core.Time;

namespace Cisa.Crm.Core.Privacy.Retention;

/// <summary>When an applicant's CV and contact details fall due; both null while a procedure is open.</summary>
public sealed record ApplicantExpiry(DateOnly? LastProcedureEndedOn, DateOnly? CvUntil, DateOnly? ContactUntil);

/// <summary>
/// Every retention date, in both directions, in one place. A rule counts from an anchor day: the end of the applicant's
/// last procedure (RET-APP-CV, RET-APP-CONTACT), the end of the relationship with the company (RET-PARTNER), the Brussels
/// day of the prospect's last activity (RET-PROSPECT). Forwards, <see cref="Expiry"/> gives the day a record falls due
/// (the screens show it); backwards, <see cref="LatestAnchorDueBy"/> gives the cut-off for "due by day D" (the sweep's
/// queries, the preview and the dashboards select by it). The property tests check that the two agree for every rule.
/// </summary>
public static class RetentionPolicy
{
    /// <summary>The configured period of <paramref name="rule"/>, in years.</summary>
    public static int Years(RetentionRule rule, RetentionOptions options) => rule switch
    {
        RetentionRule.ApplicantCv => options.ApplicantCvYearsAfterProcedure,
        RetentionRule.ApplicantContact => options.ApplicantContactYearsAfterProcedure,
        RetentionRule.Prospect => options.ProspectYearsAfterLastActivity,
        RetentionRule.PartnerContact => options.PartnerContactYearsAfterRelationship,
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    /// <summary>
    /// The expiry of a record under <paramref name="rule"/> (the CV expiry, the contact expiry, the prospect's and the
    /// partner contact's): its anchor day plus the rule's years. 29 February + 2 years is 28 February.
    /// </summary>
    public static DateOnly Expiry(RetentionRule rule, DateOnly anchor, RetentionOptions options) => anchor.AddYears(Years(rule, options));

    /// <summary>
    /// The cut-off for "due by <paramref name="day"/>": the latest anchor day whose <see cref="Expiry"/> has come by then,
    /// so everything anchored on or before it is due. The inverse of <see cref="Expiry"/>, 29 February included
    /// (with 2 years, 29 February 2024 is due on 28 February 2026, so the cut-off for that day is 29 February 2024).
    /// </summary>
    public static DateOnly LatestAnchorDueBy(RetentionRule rule, DateOnly day, RetentionOptions options)
    {
        var anchor = day.AddYears(-Years(rule, options));
        while (Expiry(rule, anchor.AddDays(1), options) <= day)
        {
            anchor = anchor.AddDays(1);
        }

        return anchor;
    }

    /// <summary>
    /// The anchors whose expiry falls from <paramref name="firstDay"/> to <paramref name="lastDay"/>, both included:
    /// after <c>After</c>, up to and including <c>UpTo</c> (for a query over stored anchor days).
    /// </summary>
    public static (DateOnly After, DateOnly UpTo) AnchorsFallingDue(RetentionRule rule, DateOnly firstDay, DateOnly lastDay, RetentionOptions options) =>
        (LatestAnchorDueBy(rule, firstDay.AddDays(-1), options), LatestAnchorDueBy(rule, lastDay, options));

    /// <summary>
    /// The day a record listed under a rule expires, from what it counts from; null when it has no such date (an
    /// applicant whose procedures are all open, a contact of a running relationship).
    /// </summary>
    public static DateOnly? DueOn(RetentionRule rule, RetentionAnchor? anchor, RetentionOptions options) => (rule, anchor) switch
    {
        (_, null) => null,
        (RetentionRule.Prospect, { UpdatedAtUtc: { } updated }) => ProspectExpiry(updated, anchor.LastCallAtUtc, options),
        // The relationship's or the last procedure's end (RET-PARTNER, RET-APP-*).
        (_, { EndedOn: { } ended }) => Expiry(rule, ended, options),
        _ => null,
    };

    /// <summary>RET-PROSPECT's anchor: the Brussels day of the last call or the last update, whichever is later.</summary>
    public static DateOnly ProspectAnchor(DateTime updatedAtUtc, DateTime? lastCallAtUtc)
    {
        var lastActivity = lastCallAtUtc is { } call && call > updatedAtUtc ? call : updatedAtUtc;
        return DateOnly.FromDateTime(BrusselsTime.FromUtc(lastActivity));
    }

    /// <summary>RET-PROSPECT: the day a prospect falls due, from the anchor plus the configured years.</summary>
    public static DateOnly ProspectExpiry(DateTime updatedAtUtc, DateTime? lastCallAtUtc, RetentionOptions options) =>
        Expiry(RetentionRule.Prospect, ProspectAnchor(updatedAtUtc, lastCallAtUtc), options);

    /// <summary>
    /// RET-PROSPECT's cut-off as an instant, for the stored UTC times: a prospect is due by <paramref name="day"/> when
    /// its last call and its last update both come before the start (in Brussels) of the day after the latest anchor
    /// day due by then.
    /// </summary>
    public static DateTime ProspectNotDueFromUtc(DateOnly day, RetentionOptions options) =>
        BrusselsTime.StartOfDayUtc(LatestAnchorDueBy(RetentionRule.Prospect, day, options).AddDays(1));

    /// <summary>
    /// RET-PARTNER: none while the relationship is active (no end date, or one still to come);
    /// otherwise its end plus the configured years.
    /// </summary>
    public static DateOnly? PartnerContactExpiry(DateOnly? relationshipEndedOn, DateOnly today, RetentionOptions options) =>
        relationshipEndedOn is { } ended && ended <= today ? Expiry(RetentionRule.PartnerContact, ended, options) : null;

    /// <summary>
    /// RET-APP-CV and RET-APP-CONTACT, from the end dates of every procedure the applicant is in
    /// (null = still open): nothing while any is open; otherwise the latest end plus the configured years.
    /// </summary>
    public static ApplicantExpiry ApplicantExpiry(IEnumerable<DateOnly?> procedureEndDates, RetentionOptions options)
    {
        var ends = procedureEndDates.ToList();
        if (ends.Count == 0 || ends.Any(e => e is null))
        {
            return new ApplicantExpiry(null, null, null);
        }

        var last = ends.Max()!.Value;
        return new ApplicantExpiry(last, Expiry(RetentionRule.ApplicantCv, last, options), Expiry(RetentionRule.ApplicantContact, last, options));
    }
}

using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.People;

namespace Cisa.Crm.Core.Privacy.Retention;

/// <summary>Per rule: how many records are due on the preview's day, and how many of those a hold keeps back.</summary>
public sealed record RuleCount(RetentionRule Rule, int Due, int Held)
{
    public int Erasable => Due - Held;
}

/// <summary>One record a sweep would erase (or keeps back, with the hold's reason).</summary>
public sealed record DueRecord(RetentionRule Rule, PersonLabel Person, DateOnly? DueOn, HoldRow? Hold);

/// <summary>What a sweep on <see cref="AsOf"/> would do, without doing it.</summary>
public sealed record RetentionPreview(DateOnly AsOf, IReadOnlyList<RuleCount> Counts, PagedResult<DueRecord> Erasable, IReadOnlyList<DueRecord> Held);

public sealed record HoldRow(int Id, PersonLabel Person, HoldKind Kind, string Reason, int? RequestId, string PlacedByName, DateTime PlacedAtUtc);

/// <summary>The dashboard card: what falls due within the next 30 and 90 days (including what is due today).</summary>
/// <summary>
/// The dashboard's view ahead, per rule: what is past its period today (the next sweep erases it unless held), apart
/// from what falls due after today and within 30 or within 90 days.
/// </summary>
public sealed record RetentionOutlook(IReadOnlyList<RuleCount> DueNow, IReadOnlyList<RuleCount> Next30Days, IReadOnlyList<RuleCount> Next90Days);

/// <summary>A retention rule as the privacy officer reads it: its id, the configured period, what it erases.</summary>
public sealed record RetentionPolicyRow(RetentionRule Rule, string RuleId, int Years, PersonCategory Category);

/// <summary>
/// What a record's retention counts from: a prospect's last update and last call (RET-PROSPECT), or the end of the
/// relationship or of the applicant's last procedure (RET-PARTNER, RET-APP-*).
/// </summary>
public sealed record RetentionAnchor(DateTime? UpdatedAtUtc, DateTime? LastCallAtUtc, DateOnly? EndedOn);

using Cisa.Crm.Core.People;

namespace Cisa.Crm.Core.Privacy.Requests;

public sealed record RequestInput
{
    public RequestedRights Rights { get; init; }
    public RequestChannel? Channel { get; init; }
    public DateOnly? ReceivedOn { get; init; }
    public string? RequesterName { get; init; }
    public string? RequesterEmail { get; init; }
    public string? RequesterPhone { get; init; }
    public string? RequesterAddress { get; init; }
    public ReplyLanguage Language { get; init; } = ReplyLanguage.Dutch;
    public string? RequestText { get; init; }
}

public sealed record DecisionInput
{
    public PersonRef Person { get; init; }
    public DecisionAction? Action { get; init; }
    public ExemptionGround? Ground { get; init; }
    public string? GroundText { get; init; }
    public bool RestrictInstead { get; init; }
    public string? NewFirstName { get; init; }
    public string? NewLastName { get; init; }
    public string? NewEmail { get; init; }
    public string? NewPhone { get; init; }
}

/// <summary>Why a restriction is lifted: a closed list, so the audit trail can say why without free text.</summary>
public enum RestrictionLiftReason
{
    /// <summary>The accuracy the person contested has been verified (Art. 18(1)(a)).</summary>
    AccuracyVerified,

    /// <summary>The firm's legitimate grounds were found to override the objection (Art. 18(1)(d)).</summary>
    ObjectionAssessed,

    /// <summary>The person withdrew the request or consented.</summary>
    PersonConsented,

    /// <summary>The legal claim the data was kept for has ended.</summary>
    LegalClaimEnded,
}

public sealed record RequestRow(int Id, string Reference, string RequesterName, RequestedRights Rights, RequestChannel Channel, DateOnly ReceivedOn,
    DateOnly DueOn, bool Extended, RequestStatus Status, int DaysLeft);

public sealed record MatchRow(PersonLabel Person, bool Exists, DecisionRow? Decision);

public sealed record DecisionRow(long Id, PersonRef Person, DecisionAction Action, ExemptionGround? Ground, string? GroundText, bool RestrictInstead,
    string? NewFirstName, string? NewLastName, string? NewEmail, string? NewPhone, DateTime? ExecutedAtUtc, string? Result);

public sealed record NotificationRow(long Id, int RecipientCompanyId, string RecipientName, DecisionAction Action, DateTime? NotifiedAtUtc, string? NotifiedByName);

public sealed record RequestDetails(
    SubjectRequest Request,
    int DaysLeft,
    IReadOnlyList<MatchRow> Matches,
    IReadOnlyList<NotificationRow> Notifications)
{
    public bool IdentityVerified => Request.IdentityVerifiedAtUtc is not null;

    public bool CanDecide => Request.Status == RequestStatus.Verified;

    public bool CanExtend(DateOnly today) => Request.IsOpen && Request.ExtendedDueOn is null && today <= Request.DueOn;
}

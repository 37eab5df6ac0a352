using Cisa.Crm.Core.Data.Bookkeeping;

namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>The rights a person can invoke (DSR-RIGHTS); one request may invoke several.</summary>
[Flags]
public enum RequestedRights
{
    None = 0,
    Access = 1,
    Rectification = 2,
    Erasure = 4,
    Restriction = 8,

    /// <summary>Objection to processing, including to prospecting (absolute, Art. 21(3)).</summary>
    ObjectionToProcessing = 16,

    /// <summary>Objection to the transfer of their data to third parties (subcontractors).</summary>
    ObjectionToTransfer = 32,
}

public enum RequestChannel
{
    Email,
    Letter,
    Phone,
    InPerson,
}

public enum RequestStatus
{
    /// <summary>Logged; identity not verified yet, so nothing may be disclosed, changed or erased.</summary>
    Received,

    /// <summary>Identity verified (DSR-IDENTITY): the records can be decided on and the access report made.</summary>
    Verified,

    /// <summary>The decisions were carried out; the answer is still to be sent.</summary>
    Executed,

    Answered,

    /// <summary>Refused with a reason (identity not proven, manifestly unfounded…).</summary>
    Refused,
}

public enum IdentityMethod
{
    /// <summary>The request came from an e-mail address or number the CRM already holds for the person.</summary>
    KnownContactDetails,

    /// <summary>Called back on a number the CRM holds, or the firm's switchboard.</summary>
    CallBack,

    /// <summary>An identity document was shown (and not kept).</summary>
    IdentityDocument,

    InPerson,

    Other,
}

public enum ReplyLanguage
{
    Dutch,
    English,
}

/// <summary>
/// A data-subject request from intake to answer (DSR-*): the rights invoked, how and when it arrived,
/// the requester's details as given, identity verification, the Art. 12(3) deadline with its extension,
/// and the outcome. Its matches, decisions and notifications hang off it.
/// </summary>
public sealed class SubjectRequest : ICreated, IVersioned
{
    public const int TextMaxLength = 4000;
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }

    /// <summary>A readable reference for letters and the suppression list, e.g. <c>DSR-2026-0007</c>.</summary>
    public required string Reference { get; set; }

    public RequestedRights Rights { get; set; }

    public RequestChannel Channel { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public required string RequesterName { get; set; }

    public string? RequesterEmail { get; set; }

    public string? RequesterPhone { get; set; }

    public string? RequesterAddress { get; set; }

    public ReplyLanguage Language { get; set; }

    public required string RequestText { get; set; }

    public RequestStatus Status { get; set; }

    /// <summary>DSR-DEADLINE: one calendar month after receipt.</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>Up to two more months, recorded before <see cref="DueOn"/> with a reason and the date the requester was told.</summary>
    public DateOnly? ExtendedDueOn { get; set; }

    public string? ExtensionReason { get; set; }

    public DateOnly? ExtensionToldOn { get; set; }

    public IdentityMethod? IdentityMethod { get; set; }

    public string? IdentityNote { get; set; }

    public DateTime? IdentityVerifiedAtUtc { get; set; }

    public string? IdentityVerifiedById { get; set; }

    public string? IdentityVerifiedByName { get; set; }

    public DateTime? ExecutedAtUtc { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>The reply as sent (answered) or the reason for refusing.</summary>
    public string? Outcome { get; set; }

    public required string CreatedById { get; set; }

    public required string CreatedByName { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public DateOnly EffectiveDueOn => ExtendedDueOn ?? DueOn;

    public bool IsOpen => Status is RequestStatus.Received or RequestStatus.Verified or RequestStatus.Executed;
}

/// <summary>A record the privacy officer confirmed is the requester's (DSR-FIND).</summary>
public sealed class RequestMatch
{
    public long Id { get; set; }

    public int RequestId { get; set; }

    public PersonCategory Category { get; set; }

    public int PersonId { get; set; }

    public DateTime ConfirmedAtUtc { get; set; }

    public required string ConfirmedById { get; set; }
}

public enum DecisionAction
{
    Erase,
    Rectify,
    Restrict,

    /// <summary>Erase and put the e-mail and phone numbers on the suppression list (DSR-OBJECT).</summary>
    EraseAndSuppress,

    /// <summary>Not erased because of a legal or contractual obligation (DSR-EXEMPT), optionally restricted instead.</summary>
    Exempt,
}

public enum ExemptionGround
{
    /// <summary>Needed to contact a customer under contract.</summary>
    CustomerContract,

    /// <summary>Belgian accounting obligation.</summary>
    AccountingObligation,

    /// <summary>Establishing, exercising or defending a legal claim.</summary>
    LegalClaim,

    Other,
}

/// <summary>What the privacy officer decided for one matched record; carried out with the others in one transaction.</summary>
public sealed class RequestDecision
{
    public long Id { get; set; }

    public int RequestId { get; set; }

    public PersonCategory Category { get; set; }

    public int PersonId { get; set; }

    public DecisionAction Action { get; set; }

    public ExemptionGround? Ground { get; set; }

    /// <summary>The legal ground in words (required for <see cref="ExemptionGround.Other"/>).</summary>
    public string? GroundText { get; set; }

    /// <summary>For an exemption: restrict the record instead of erasing it (DSR-EXEMPT, DSR-RESTRICT).</summary>
    public bool RestrictInstead { get; set; }

    /// <summary>Rectification: the corrected values (null = unchanged).</summary>
    public string? NewFirstName { get; set; }

    public string? NewLastName { get; set; }

    public string? NewEmail { get; set; }

    public string? NewPhone { get; set; }

    public DateTime? ExecutedAtUtc { get; set; }

    /// <summary>What execution did, as counts without personal data (e.g. <c>calls_anonymised=3</c>).</summary>
    public string? Result { get; set; }
}

/// <summary>DSR-NOTIFY: a recipient the person's data was disclosed to, to be told of a rectification, erasure or restriction.</summary>
public sealed class RecipientNotification
{
    public long Id { get; set; }

    public int RequestId { get; set; }

    /// <summary>The subcontractor (a company: not personal data).</summary>
    public int RecipientCompanyId { get; set; }

    public required string RecipientName { get; set; }

    public DecisionAction Action { get; set; }

    public DateTime? NotifiedAtUtc { get; set; }

    public string? NotifiedByName { get; set; }
}

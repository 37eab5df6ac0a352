using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
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
/// The status and what each step records change only through the step's method (<see cref="Verify"/>,
/// <see cref="Extend"/>, <see cref="Execute"/>, <see cref="Refuse"/>, <see cref="Answer"/>), which refuses a step
/// the current state does not allow; the services around them check permissions, save and audit.
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

    public RequestStatus Status { get; private set; }

    /// <summary>DSR-DEADLINE: one calendar month after receipt.</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>Up to two more months, recorded before <see cref="DueOn"/> with a reason and the date the requester was told.</summary>
    public DateOnly? ExtendedDueOn { get; private set; }

    public string? ExtensionReason { get; private set; }

    public DateOnly? ExtensionToldOn { get; private set; }

    public IdentityMethod? IdentityMethod { get; private set; }

    public string? IdentityNote { get; private set; }

    public DateTime? IdentityVerifiedAtUtc { get; private set; }

    public string? IdentityVerifiedById { get; private set; }

    public string? IdentityVerifiedByName { get; private set; }

    public DateTime? ExecutedAtUtc { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    /// <summary>The reply as sent (answered) or the reason for refusing.</summary>
    public string? Outcome { get; private set; }

    public required string CreatedById { get; set; }

    public required string CreatedByName { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public DateOnly EffectiveDueOn => ExtendedDueOn ?? DueOn;

    public bool IsOpen => Status is RequestStatus.Received or RequestStatus.Verified or RequestStatus.Executed;

    /// <summary>Received → Verified (DSR-IDENTITY): how, when and by whom the requester's identity was verified.</summary>
    public void Verify(IdentityMethod method, string? note, CrmActor by, DateTime atUtc)
    {
        if (Status != RequestStatus.Received)
        {
            throw WrongState();
        }

        IdentityMethod = method;
        IdentityNote = note;
        IdentityVerifiedAtUtc = atUtc;
        IdentityVerifiedById = by.Id;
        IdentityVerifiedByName = by.DisplayName;
        Status = RequestStatus.Verified;
    }

    /// <summary>
    /// DSR-DEADLINE: one extension of <paramref name="months"/> months, decided on <paramref name="today"/> and told to the
    /// requester on <paramref name="toldOn"/>, both within the first month. Does not change the status.
    /// </summary>
    public void Extend(int months, string reason, DateOnly toldOn, DateOnly today)
    {
        EnsureOpen();
        if (ExtendedDueOn is not null)
        {
            throw new RuleViolationException("AlreadyExtended", "The deadline of this request was already extended.");
        }

        if (today > DueOn || toldOn > DueOn || toldOn < ReceivedOn)
        {
            throw new RuleViolationException("ExtensionTooLate", "An extension must be decided and told to the requester within the first month.");
        }

        ExtendedDueOn = RequestDeadline.ExtendedDueOn(ReceivedOn, months);
        ExtensionReason = reason;
        ExtensionToldOn = toldOn;
    }

    /// <summary>Verified → Executed: the decisions were carried out at <paramref name="atUtc"/>; the answer is still to be sent.</summary>
    public void Execute(DateTime atUtc)
    {
        EnsureCanDecide();
        Status = RequestStatus.Executed;
        ExecutedAtUtc = atUtc;
    }

    /// <summary>Received or Verified → Refused, with the reason, closed on <paramref name="today"/>.</summary>
    public void Refuse(string reason, DateOnly today)
    {
        if (Status is not (RequestStatus.Received or RequestStatus.Verified))
        {
            throw WrongState();
        }

        Close(RequestStatus.Refused, reason, today);
    }

    /// <summary>
    /// Verified or Executed → Answered, with the reply as sent, closed on <paramref name="today"/>. That every decision was
    /// carried out first is checked by the service, which reads the decisions.
    /// </summary>
    public void Answer(string reply, DateOnly today)
    {
        if (Status is not (RequestStatus.Verified or RequestStatus.Executed))
        {
            throw IdentityNotVerified();
        }

        Close(RequestStatus.Answered, reply, today);
    }

    /// <summary>Matches are searched for, confirmed and removed only while the request is open.</summary>
    public void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new RuleViolationException("RequestClosed", "This request is closed.");
        }
    }

    /// <summary>Once executed, the set of records is fixed: no new match may join it.</summary>
    public void EnsureCanConfirmMatch()
    {
        EnsureOpen();
        if (Status == RequestStatus.Executed)
        {
            throw WrongState();
        }
    }

    /// <summary>DSR-IDENTITY: nothing is disclosed, changed or erased before the requester's identity is verified.</summary>
    public void EnsureIdentityVerified()
    {
        if (IdentityVerifiedAtUtc is null)
        {
            throw IdentityNotVerified();
        }
    }

    /// <summary>Decisions are made and carried out between verification and execution.</summary>
    public void EnsureCanDecide()
    {
        EnsureIdentityVerified();
        if (Status != RequestStatus.Verified)
        {
            throw WrongState();
        }
    }

    /// <summary>The refusal for a step the current state does not allow (resource <c>Error.RequestWrongState</c>).</summary>
    internal static RuleViolationException WrongState() =>
        new("RequestWrongState", "This step is not possible in the request's current state.");

    private static RuleViolationException IdentityNotVerified() =>
        new("IdentityNotVerified", "The requester's identity must be verified first.");

    private void Close(RequestStatus status, string outcome, DateOnly today)
    {
        Status = status;
        Outcome = outcome;
        ClosedOn = today;
    }
}

/// <summary>
/// What a request holds about one of the person records it concerns (a match, a decision): the record by category and
/// id, at most once per request (a unique index each).
/// </summary>
public abstract class RequestPersonRecord
{
    public long Id { get; set; }

    public int RequestId { get; set; }

    public PersonCategory Category { get; set; }

    public int PersonId { get; set; }
}

/// <summary>A record the privacy officer confirmed is the requester's (DSR-FIND).</summary>
public sealed class RequestMatch : RequestPersonRecord
{
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
public sealed class RequestDecision : RequestPersonRecord
{
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

using Cisa.Crm.Core.Data.Bookkeeping;

namespace Cisa.Crm.Core.Prospects.Calls;

public enum CallDirection
{
    Outgoing,
    Incoming,
}

public enum CallOutcome
{
    Reached,
    Voicemail,
    NoAnswer,
    WrongNumber,
    NotInterested,
    MeetingBooked,
    CallBack,
}

/// <summary>
/// One phone call with a prospect: the time of the call and a short, factual report, as the policy
/// says (CAT-PROSPECT, MINIMISE). Stamped with who logged it; every edit is audited.
/// </summary>
public sealed class Call : IStamped, IVersioned
{
    /// <summary>MINIMISE: a call report is short.</summary>
    public const int ReportMaxLength = 500;

    public long Id { get; set; }

    /// <summary>The prospect called; null once the prospect is erased and this row kept, anonymised, for the statistics.</summary>
    public int? ProspectId { get; set; }

    /// <summary>The prospect's company at the time of the call: the number of calls made to a company survives erasure.</summary>
    public int CompanyId { get; set; }

    public DateTime OccurredAtUtc { get; set; }

    public CallDirection Direction { get; set; }

    public CallOutcome Outcome { get; set; }

    public int? DurationMinutes { get; set; }

    public string Report { get; set; } = "";

    public DateOnly? FollowUpOn { get; set; }

    public required string LoggedById { get; set; }

    public required string LoggedByName { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

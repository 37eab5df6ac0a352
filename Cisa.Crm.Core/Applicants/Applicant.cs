using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Data.Bookkeeping;
using Cisa.Crm.Core.LegitimateInterest;

namespace Cisa.Crm.Core.Applicants;

/// <summary>How an applicant reached the firm (SOURCE).</summary>
public enum ApplicantSource
{
    Spontaneous,
    Vacancy,
    RecruitmentAgency,
}

/// <summary>
/// A job applicant (CAT-APPLICANT): contact details, the source (SOURCE), the legitimate-interest note with
/// an approved recruitment assessment (LI-NOTE), applications to procedures, and at most one CV.
/// </summary>
public sealed class Applicant : Person, IStamped, IVersioned
{
    public string? Email { get; set; }

    /// <summary>E.164.</summary>
    public string? Phone { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string CountryCode { get; set; } = "BE";

    public PreferredLanguage PreferredLanguage { get; set; } = PreferredLanguage.Dutch;

    public ApplicantSource Source { get; set; }

    /// <summary>The recruitment agency that sent the CV (a company of that type).</summary>
    public int? AgencyId { get; set; }

    /// <summary>The agency's contact person who sent it (a partner contact at the agency).</summary>
    public int? AgencyContactId { get; set; }

    public int AssessmentId { get; set; }

    public LegitimateInterestNote LegitimateInterestNote { get; set; } = new();

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<Application> Applications { get; } = [];
}

public enum ApplicationOutcome
{
    Hired,
    Rejected,
    Withdrawn,
    KeptForFuture,
}

/// <summary>An applicant in one selection procedure, with short HR notes and, once closed, the outcome.</summary>
public sealed class Application : IVersioned
{
    public const int NotesMaxLength = 500;

    private ApplicationOutcome? _outcome;

    public long Id { get; set; }

    public int ApplicantId { get; set; }

    public int ProcedureId { get; set; }

    public SelectionProcedure? Procedure { get; set; }

    public DateOnly AppliedOn { get; set; }

    /// <summary>Given when the procedure closes (<see cref="SelectionProcedure.Close"/>), or when the record is made.</summary>
    public ApplicationOutcome? Outcome
    {
        get => _outcome;
        init => _outcome = value;
    }

    public string? Notes { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    internal void Conclude(ApplicationOutcome outcome) => _outcome = outcome;
}

public enum ProcedureKind
{
    Vacancy,
    SpontaneousPool,
}

/// <summary>
/// A vacancy, or the standing pool of spontaneous applications. Closing it starts RET-APP-* for its applicants; it is
/// closed and reopened only through <see cref="Close"/> and <see cref="Reopen"/>.
/// </summary>
public sealed class SelectionProcedure : IVersioned
{
    public int Id { get; set; }

    public ProcedureKind Kind { get; set; }

    public required string Title { get; set; }

    public string? Department { get; set; }

    public DateOnly OpenedOn { get; set; }

    /// <summary>Null while open; set on closing, cleared on reopening.</summary>
    public DateOnly? EndedOn { get; private set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public bool IsOpen => EndedOn is null;

    /// <summary>
    /// Closes an open procedure on <paramref name="endedOn"/> (between its opening and <paramref name="today"/>) with an outcome
    /// for every one of its <paramref name="applications"/>, keyed by applicant; every missing outcome and a wrong date are
    /// reported together, and nothing changes unless all are right.
    /// </summary>
    public void Close(DateOnly endedOn, DateOnly today, IReadOnlyCollection<Application> applications, IReadOnlyDictionary<int, ApplicationOutcome> outcomes)
    {
        if (!IsOpen)
        {
            throw new RuleViolationException("ProcedureClosed", "This procedure is already closed.");
        }

        var v = new Validator();
        if (endedOn > today || endedOn < OpenedOn)
        {
            v.Add("EndedOn", "EndDateInvalid");
        }

        foreach (var application in applications)
        {
            if (!outcomes.TryGetValue(application.ApplicantId, out var outcome) || !Enum.IsDefined(outcome))
            {
                v.Add($"Outcome[{application.ApplicantId}]", "OutcomeRequired");
            }
        }

        v.ThrowIfInvalid();
        foreach (var application in applications)
        {
            application.Conclude(outcomes[application.ApplicantId]);
        }

        EndedOn = endedOn;
    }

    /// <summary>
    /// Reopens a closed procedure: its applicants have no expiry again until it closes anew. Their earlier outcomes no
    /// longer stand; the service clears them in one statement.
    /// </summary>
    public void Reopen()
    {
        if (IsOpen)
        {
            throw new RuleViolationException("ProcedureOpen", "This procedure is still open.");
        }

        EndedOn = null;
    }
}

/// <summary>
/// An applicant's CV: one per applicant (the latest upload replaces the previous one), stored in the
/// database encrypted with ASP.NET Core Data Protection keys, never as a readable file.
/// </summary>
public sealed class ApplicantCv
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public int ApplicantId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    public required byte[] ProtectedContent { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    public required string UploadedById { get; set; }

    public required string UploadedByName { get; set; }
}

public static class ApplicantLimits
{
    public const int Title = 150;
    public const int Department = 100;
}

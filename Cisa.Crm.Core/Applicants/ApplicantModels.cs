using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Prospects;

namespace Cisa.Crm.Core.Applicants;

public sealed record ApplicantInput
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Street { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public string? CountryCode { get; init; } = "BE";
    public PreferredLanguage PreferredLanguage { get; init; } = PreferredLanguage.Dutch;
    public ApplicantSource? Source { get; init; }
    public int? AgencyId { get; init; }
    public int? AgencyContactId { get; init; }
    public int? AssessmentId { get; init; }
    public string? LegitimateInterestNote { get; init; }

    /// <summary>On creation: the procedure applied to (for <see cref="ApplicantSource.Vacancy"/>, the vacancy answered).</summary>
    public int? ProcedureId { get; init; }
}

/// <summary>Where an applicant stands in a procedure: still in it (open, no outcome yet) or the outcome it was closed with.</summary>
public enum ApplicantStatus
{
    InProcedure,
    Hired,
    Rejected,
    Withdrawn,
    KeptForFuture,
}

/// <summary>
/// The applicant list's filters. With a procedure, the status is the applicant's status in that procedure; without,
/// any of the applicant's applications with that status counts.
/// </summary>
public sealed record ApplicantQuery(string? Search = null, int? ProcedureId = null, ApplicantStatus? Status = null);

/// <summary>A CV as chosen in a form: the name the user's file had and its bytes (checked by the core, never trusted).</summary>
public sealed record CvUpload(string FileName, byte[] Content);

public sealed record ApplicantRow(int Id, string FirstName, string LastName, string? Email, ApplicantSource Source, string? AgencyName,
    int Applications, bool InOpenProcedure, bool HasCv, bool IsRestricted);

public sealed record ApplicationRow(long Id, int ProcedureId, string ProcedureTitle, ProcedureKind Kind, DateOnly AppliedOn, DateOnly? ProcedureEndedOn,
    ApplicationOutcome? Outcome, string? Notes, Guid Version);

public sealed record CvInfo(string FileName, string ContentType, long SizeBytes, DateTime UploadedAtUtc, string UploadedByName);

public sealed record ApplicantDetails(
    int Id,
    ApplicantInput Input,
    string? AgencyName,
    string? AgencyContactName,
    string AssessmentTitle,
    string LegitimateInterestNoteByName,
    DateTime LegitimateInterestNoteAtUtc,
    IReadOnlyList<ApplicationRow> Applications,
    CvInfo? Cv,
    ApplicantExpiry Expiry,
    bool IsRestricted,
    Guid Version);

public sealed record CvDownload(string FileName, string ContentType, byte[] Content);

public sealed record HrOverview(int OpenProcedures, IReadOnlyDictionary<ApplicantSource, int> ApplicantsPerSource, int CvsExpiringIn90Days);

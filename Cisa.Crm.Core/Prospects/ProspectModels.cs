using Cisa.Crm.Core.People;

namespace Cisa.Crm.Core.Prospects;

/// <summary>What a user fills in for a prospect.</summary>
public sealed record ProspectInput
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? JobTitle { get; init; }
    public int? CompanyId { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Mobile { get; init; }
    public PreferredLanguage PreferredLanguage { get; init; } = PreferredLanguage.Dutch;
    public ProspectSource? Source { get; init; }
    public string? SourceDetail { get; init; }
    public int? AssessmentId { get; init; }
    public string? LegitimateInterestNote { get; init; }
}

public sealed record ProspectRow(int Id, string FirstName, string LastName, string? JobTitle, int CompanyId, string CompanyName,
    string? Email, string? Phone, string? Mobile, DateTime? LastCallAtUtc, DateOnly? FollowUpOn, string OwnerName, bool IsRestricted);

public sealed record ProspectDetails(
    int Id,
    ProspectInput Input,
    string CompanyName,
    string AssessmentTitle,
    bool AssessmentOverdue,
    string LegitimateInterestNoteByName,
    DateTime LegitimateInterestNoteAtUtc,
    string OwnerName,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc,
    DateTime? LastCallAtUtc,
    DateOnly? FollowUpOn,
    bool IsRestricted,
    Guid Version);

public enum ProspectSort
{
    Name,
    Company,
    LastCall,
    FollowUp,
    Updated,
}

/// <summary>
/// The prospect list's filters. Restricted prospects (DSR-RESTRICT) are left out unless
/// <see cref="IncludeRestricted"/> is asked for explicitly.
/// </summary>
public sealed record ProspectQuery(
    string? Search = null,
    int? CompanyId = null,
    ProspectSource? Source = null,
    string? OwnerId = null,
    bool IncludeRestricted = false,
    ProspectSort Sort = ProspectSort.Name,
    bool Descending = false);

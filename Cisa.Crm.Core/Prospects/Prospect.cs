using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Data.Bookkeeping;

namespace Cisa.Crm.Core.Prospects;

/// <summary>Where the firm got a prospect's data (SOURCE, GDPR Art. 14).</summary>
public enum ProspectSource
{
    CompanyWebsite,
    LinkedIn,
    Referral,
    Event,
    Inbound,
    Other,
}

/// <summary>
/// A person in an IT role at a company the firm wants as a customer (CAT-PROSPECT), processed under
/// legitimate interest: never without an approved assessment and a line of its own (LI-NOTE), always
/// with the source of the data (SOURCE).
/// </summary>
public sealed class Prospect : Person, IStamped, IVersioned
{

    public string? JobTitle { get; set; }

    public int CompanyId { get; set; }

    public Company? Company { get; set; }

    /// <summary>
    /// A copy of the company's <see cref="Company.NameKey"/>, so the list can sort by company off an index of its own
    /// instead of sorting every prospect by the joined name. Set with <see cref="CompanyId"/>; a rename of the company
    /// rewrites it (<see cref="Companies.CompanyService"/>).
    /// </summary>
    [NotAnEdit]
    public string CompanyNameKey { get; set; } = "";

    /// <summary>Business e-mail, normalised (lower case).</summary>
    public string? Email { get; set; }

    /// <summary>Office phone in E.164.</summary>
    public string? Phone { get; set; }

    /// <summary>Mobile phone in E.164.</summary>
    public string? Mobile { get; set; }

    public PreferredLanguage PreferredLanguage { get; set; } = PreferredLanguage.Dutch;

    public ProspectSource Source { get; set; }

    /// <summary>Free text for the source: required for <see cref="ProspectSource.Other"/>, optional detail otherwise.</summary>
    public string? SourceDetail { get; set; }

    public int AssessmentId { get; set; }

    public LegitimateInterestAssessment? Assessment { get; set; }

    /// <summary>Why this person fits the assessment (LI-NOTE's per-person line).</summary>
    public LegitimateInterestNote LegitimateInterestNote { get; set; } = new();

    /// <summary>The sales person who follows this prospect up.</summary>
    public required string OwnerId { get; set; }

    public required string OwnerName { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>When the last call took place; with <see cref="UpdatedAtUtc"/> it drives RET-PROSPECT.</summary>
    [NotAnEdit]
    public DateTime? LastCallAtUtc { get; set; }

    /// <summary>The follow-up date of the latest call (a later call replaces it).</summary>
    [NotAnEdit]
    public DateOnly? FollowUpOn { get; set; }

    [NotAnEdit]
    public string? FollowUpOwnerId { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>Field lengths, shared by the model, the validation and the forms' counters (MINIMISE).</summary>
public static class ProspectLimits
{
    public const int JobTitle = 150;
    public const int SourceDetail = 200;
}

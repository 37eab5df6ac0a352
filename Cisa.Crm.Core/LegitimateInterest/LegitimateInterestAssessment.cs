using Cisa.Crm.Core.Data.Bookkeeping;

namespace Cisa.Crm.Core.LegitimateInterest;

/// <summary>Which processing an assessment covers.</summary>
public enum AssessmentPurpose
{
    /// <summary>Phoning IT people at companies the firm wants as customers (CAT-PROSPECT).</summary>
    Prospecting,

    /// <summary>Keeping applicants for current and future selection procedures (CAT-APPLICANT).</summary>
    Recruitment,
}

/// <summary>
/// A reusable, approved legitimate-interest assessment (LI-NOTE): the interest pursued, why the
/// processing is necessary, the balancing test and the safeguards, with a review date (LI-REVIEW).
/// A person processed under legitimate interest references one, plus a line of their own.
/// </summary>
public sealed class LegitimateInterestAssessment : IVersioned
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public AssessmentPurpose Purpose { get; set; }

    public required string InterestPursued { get; set; }

    public required string Necessity { get; set; }

    public required string BalancingTest { get; set; }

    public required string Safeguards { get; set; }

    /// <summary>The Brussels calendar day from which the assessment must be reviewed before new use.</summary>
    public DateOnly ReviewDueOn { get; set; }

    public required string ApprovedById { get; set; }

    public required string ApprovedByName { get; set; }

    public DateTime ApprovedAtUtc { get; set; }

    [NotAnEdit]
    public DateTime? LastReviewedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>LI-REVIEW: on and after its review date an assessment is overdue.</summary>
    public bool IsOverdueOn(DateOnly today) => today >= ReviewDueOn;
}

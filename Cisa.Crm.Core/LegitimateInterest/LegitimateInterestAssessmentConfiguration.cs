using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cisa.Crm.Core.LegitimateInterest;

internal sealed class LegitimateInterestAssessmentConfiguration : IEntityTypeConfiguration<LegitimateInterestAssessment>
{
    public void Configure(EntityTypeBuilder<LegitimateInterestAssessment> builder)
    {
        builder.ToTable("LegitimateInterestAssessments");
        builder.Property(a => a.Title).HasMaxLength(AssessmentLimits.Title).IsRequired();
        builder.Property(a => a.Purpose).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.InterestPursued).HasMaxLength(AssessmentLimits.Text).IsRequired();
        builder.Property(a => a.Necessity).HasMaxLength(AssessmentLimits.Text).IsRequired();
        builder.Property(a => a.BalancingTest).HasMaxLength(AssessmentLimits.Text).IsRequired();
        builder.Property(a => a.Safeguards).HasMaxLength(AssessmentLimits.Text).IsRequired();
        builder.Property(a => a.ApprovedById).HasMaxLength(128);
        builder.Property(a => a.ApprovedByName).HasMaxLength(200);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(a => new { a.Purpose, a.ReviewDueOn });
    }
}

public static class AssessmentLimits
{
    public const int Title = 150;
    public const int Text = 2000;

    /// <summary>The per-person line that says why this person fits the assessment.</summary>
    public const int PersonNote = 300;

    /// <summary>LI-REVIEW default: an assessment is reviewed every 12 months.</summary>
    public const int DefaultReviewMonths = 12;
}

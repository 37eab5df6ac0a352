using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cisa.Crm.Core.Prospects;

internal sealed class ProspectConfiguration : IEntityTypeConfiguration<Prospect>
{
    public void Configure(EntityTypeBuilder<Prospect> builder)
    {
        builder.MapPerson("Prospects");
        builder.Property(p => p.CompanyNameKey).HasMaxLength(Companies.CompanyLimits.Name).IsRequired();
        builder.Property(p => p.JobTitle).HasMaxLength(ProspectLimits.JobTitle);
        builder.Property(p => p.Email).HasMaxLength(ContactLimits.Email);
        builder.Property(p => p.Phone).HasMaxLength(ContactLimits.Phone);
        builder.Property(p => p.Mobile).HasMaxLength(ContactLimits.Phone);
        builder.Property(p => p.PreferredLanguage).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.SourceDetail).HasMaxLength(ProspectLimits.SourceDetail);
        builder.ComplexProperty(p => p.LegitimateInterestNote, LegitimateInterest.LegitimateInterestNote.Map);
        builder.Property(p => p.OwnerId).HasMaxLength(128);
        builder.Property(p => p.OwnerName).HasMaxLength(200);
        builder.Property(p => p.FollowUpOwnerId).HasMaxLength(128);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();

        builder.HasOne(p => p.Company).WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Assessment).WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        // Restrict, not cascade: erasing a prospect must anonymise its calls first (PersonEraser), never drop them by accident.
        builder.HasMany<Call>().WithOne().HasForeignKey(c => c.ProspectId).OnDelete(DeleteBehavior.Restrict);

        // Besides the name indexes (MapPerson), every other filter, sort and lookup of the list, the search box and the
        // duplicate/subject-request checks. The company sort, both ways (descending walks the index backwards and sorts
        // only within a company), and without the IsRestricted equality when restricted prospects are shown too.
        builder.HasIndex(p => new { p.IsRestricted, p.CompanyNameKey, p.LastNameKey, p.FirstNameKey });
        builder.HasIndex(p => new { p.CompanyNameKey, p.LastNameKey, p.FirstNameKey });
        builder.HasIndex(p => p.Email);
        builder.HasIndex(p => p.Phone);
        builder.HasIndex(p => p.Mobile);
        builder.HasIndex(p => new { p.CompanyId, p.IsRestricted, p.LastNameKey, p.FirstNameKey });
        builder.HasIndex(p => p.AssessmentId);
        builder.HasIndex(p => new { p.OwnerId, p.IsRestricted, p.LastNameKey, p.FirstNameKey });
        builder.HasIndex(p => new { p.Source, p.IsRestricted, p.LastNameKey, p.FirstNameKey });
        builder.HasIndex(p => new { p.IsRestricted, p.LastCallAtUtc });
        builder.HasIndex(p => new { p.IsRestricted, p.FollowUpOn });
        builder.HasIndex(p => new { p.IsRestricted, p.UpdatedAtUtc });
        builder.HasIndex(p => p.LastCallAtUtc);
        builder.HasIndex(p => p.UpdatedAtUtc);
        builder.HasIndex(p => new { p.FollowUpOwnerId, p.FollowUpOn });
    }
}

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ToTable("Calls");
        builder.Property(c => c.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Report).HasMaxLength(Call.ReportMaxLength).IsRequired();
        builder.Property(c => c.LoggedById).HasMaxLength(128);
        builder.Property(c => c.LoggedByName).HasMaxLength(200);
        builder.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<Companies.Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
        // Only calls that still belong to a prospect: erasure anonymises a call by clearing ProspectId, which then just
        // drops its entry instead of inserting it again among the anonymised ones (at a spot given by OccurredAtUtc,
        // all over the index). Every lookup compares ProspectId with a value, so SQLite uses this partial index for it.
        builder.HasIndex(c => new { c.ProspectId, c.OccurredAtUtc }).HasFilter("\"ProspectId\" IS NOT NULL");
        builder.HasIndex(c => new { c.CompanyId, c.OccurredAtUtc });
        builder.HasIndex(c => new { c.LoggedById, c.OccurredAtUtc });
        // Covers the dashboard's counts per week, per person and per outcome without touching the table.
        builder.HasIndex(c => new { c.OccurredAtUtc, c.LoggedById, c.Outcome });
    }
}

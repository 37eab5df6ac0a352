using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cisa.Crm.Core.Applicants;

internal sealed class ApplicantConfiguration : IEntityTypeConfiguration<Applicant>
{
    public void Configure(EntityTypeBuilder<Applicant> builder)
    {
        builder.MapPerson("Applicants");
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Phone).HasMaxLength(20);
        builder.Property(p => p.Street).HasMaxLength(AddressLimits.Street);
        builder.Property(p => p.PostalCode).HasMaxLength(AddressLimits.PostalCode);
        builder.Property(p => p.City).HasMaxLength(AddressLimits.City);
        builder.Property(p => p.CountryCode).HasMaxLength(2).IsRequired();
        builder.Property(p => p.PreferredLanguage).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Source).HasConversion<string>().HasMaxLength(20);
        builder.ComplexProperty(p => p.LegitimateInterestNote, LegitimateInterestNote.Map);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();

        builder.HasOne<Company>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartnerContact>().WithMany().HasForeignKey(p => p.AgencyContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<LegitimateInterestAssessment>().WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Applications).WithOne().HasForeignKey(a => a.ApplicantId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(p => p.Email);
        builder.HasIndex(p => p.Phone);
        builder.HasIndex(p => p.Source);
        builder.HasIndex(p => p.AgencyId);
        builder.HasIndex(p => p.AgencyContactId);
        builder.HasIndex(p => p.AssessmentId);
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.ToTable("Applications");
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Notes).HasMaxLength(Application.NotesMaxLength);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne(a => a.Procedure).WithMany().HasForeignKey(a => a.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ApplicantId, a.ProcedureId }).IsUnique();
        builder.HasIndex(a => a.ProcedureId);
    }
}

internal sealed class SelectionProcedureConfiguration : IEntityTypeConfiguration<SelectionProcedure>
{
    public void Configure(EntityTypeBuilder<SelectionProcedure> builder)
    {
        builder.ToTable("SelectionProcedures");
        builder.Ignore(p => p.IsOpen);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Title).HasMaxLength(ApplicantLimits.Title).IsRequired();
        builder.Property(p => p.Department).HasMaxLength(ApplicantLimits.Department);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(p => new { p.EndedOn, p.OpenedOn });
    }
}

internal sealed class ApplicantCvConfiguration : IEntityTypeConfiguration<ApplicantCv>
{
    public void Configure(EntityTypeBuilder<ApplicantCv> builder)
    {
        builder.ToTable("ApplicantCvs");
        builder.HasKey(c => c.ApplicantId);
        builder.Property(c => c.FileName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(c => c.UploadedById).HasMaxLength(128);
        builder.Property(c => c.UploadedByName).HasMaxLength(200);
        builder.HasOne<Applicant>().WithOne().HasForeignKey<ApplicantCv>(c => c.ApplicantId).OnDelete(DeleteBehavior.Cascade);
    }
}

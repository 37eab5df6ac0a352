using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cisa.Crm.Core.Privacy.Retention;

internal sealed class RetentionHoldConfiguration : IEntityTypeConfiguration<RetentionHold>
{
    public void Configure(EntityTypeBuilder<RetentionHold> builder)
    {
        builder.ToTable("RetentionHolds");
        builder.Property(h => h.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Reason).HasMaxLength(RetentionHold.ReasonMaxLength).IsRequired();
        builder.Property(h => h.PlacedById).HasMaxLength(128);
        builder.Property(h => h.PlacedByName).HasMaxLength(200);
        builder.Property(h => h.ReleasedById).HasMaxLength(128);
        builder.Property(h => h.ReleasedByName).HasMaxLength(200);
        // The sweep's "is this person held?" probe, once per due record.
        builder.HasIndex(h => new { h.Category, h.PersonId, h.ReleasedAtUtc });
        builder.HasIndex(h => h.RequestId);
    }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> builder)
    {
        builder.ToTable("RetentionRuns");
        builder.Ignore(r => r.Erased);
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.StartedById).HasMaxLength(128);
        builder.Property(r => r.StartedByName).HasMaxLength(200);
        builder.Property(r => r.Error).HasMaxLength(200);
        builder.HasIndex(r => r.StartedAtUtc);
        builder.HasIndex(r => r.Status);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cisa.Crm.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        // The trail numbers its own entries (the number is part of the hash).
        builder.Property(e => e.Id).ValueGeneratedNever()
            // AUTOINCREMENT keeps sqlite_sequence, which never goes back: removing the last entries shows.
            .HasAnnotation("Sqlite:Autoincrement", true);
        builder.Property(e => e.ActorId).HasMaxLength(128).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(100).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(100).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(100);
        builder.Property(e => e.Details).HasMaxLength(1000);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength().IsRequired();

        builder.HasIndex(e => e.OccurredAtUtc);
        builder.HasIndex(e => new { e.ActorId, e.OccurredAtUtc });
        builder.HasIndex(e => new { e.Action, e.OccurredAtUtc });
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}

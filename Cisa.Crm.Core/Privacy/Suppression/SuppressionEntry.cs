using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cisa.Crm.Core.Privacy.Suppression;

public enum ContactKind
{
    Email,
    Phone,
}

/// <summary>
/// DSR-OBJECT: someone who objected to prospecting must never be contacted again, yet their data is
/// erased. What stays is a keyed hash (HMAC-SHA256) of the normalised e-mail address or phone number:
/// enough to recognise them on a new import, useless to recover who they are without the key.
/// </summary>
public sealed class SuppressionEntry
{
    public long Id { get; set; }

    public ContactKind Kind { get; set; }

    /// <summary>Lower-case hex HMAC-SHA256 of the normalised value.</summary>
    public required string KeyedHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The subject request that led to it (a reference, not personal data).</summary>
    public string? RequestReference { get; set; }
}

internal sealed class SuppressionEntryConfiguration : IEntityTypeConfiguration<SuppressionEntry>
{
    public void Configure(EntityTypeBuilder<SuppressionEntry> builder)
    {
        builder.ToTable("SuppressionEntries");
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.KeyedHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(s => s.RequestReference).HasMaxLength(50);
        builder.HasIndex(s => new { s.Kind, s.KeyedHash }).IsUnique();
    }
}

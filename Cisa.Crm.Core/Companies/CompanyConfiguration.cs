using Cisa.Crm.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cisa.Crm.Core.Companies;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.ToTable("Companies");
        builder.Property(c => c.Name).HasMaxLength(CompanyLimits.Name).IsRequired();
        builder.Property(c => c.NameKey).HasMaxLength(CompanyLimits.Name).IsRequired();
        builder.Property(c => c.EnterpriseNumber).HasMaxLength(12);
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Sector).HasMaxLength(CompanyLimits.Sector);
        builder.Property(c => c.Street).HasMaxLength(AddressLimits.Street);
        builder.Property(c => c.PostalCode).HasMaxLength(AddressLimits.PostalCode);
        builder.Property(c => c.City).HasMaxLength(AddressLimits.City);
        builder.Property(c => c.CountryCode).HasMaxLength(2).IsRequired();
        builder.Property(c => c.Website).HasMaxLength(CompanyLimits.Website);
        builder.Property(c => c.AccountOwnerId).HasMaxLength(128);
        builder.Property(c => c.AccountOwnerName).HasMaxLength(200);
        builder.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();

        builder.HasIndex(c => c.Name);
        builder.HasIndex(c => c.NameKey);
        builder.HasIndex(c => new { c.Type, c.NameKey });
        builder.HasIndex(c => c.AccountOwnerId);
        builder.HasIndex(c => c.EnterpriseNumber).IsUnique().HasFilter("\"EnterpriseNumber\" IS NOT NULL");

        builder.HasMany(c => c.TypeHistory).WithOne().HasForeignKey(h => h.CompanyId).OnDelete(DeleteBehavior.Cascade);
        // Read-only outside the entity: EF fills and tracks the list behind it.
        builder.Navigation(c => c.TypeHistory).HasField("_typeHistory").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CompanyTypeChangeConfiguration : IEntityTypeConfiguration<CompanyTypeChange>
{
    public void Configure(EntityTypeBuilder<CompanyTypeChange> builder)
    {
        builder.ToTable("CompanyTypeChanges");
        builder.Property(h => h.From).HasConversion<string>().HasMaxLength(30);
        builder.Property(h => h.To).HasConversion<string>().HasMaxLength(30);
        builder.Property(h => h.ChangedById).HasMaxLength(128);
        builder.Property(h => h.ChangedByName).HasMaxLength(200);
        builder.HasIndex(h => new { h.CompanyId, h.ChangedAtUtc });
    }
}

/// <summary>Field lengths, shared by the model, the validation and the forms' counters.</summary>
public static class CompanyLimits
{
    public const int Name = 200;
    public const int Sector = 100;
    public const int Website = 300;
}

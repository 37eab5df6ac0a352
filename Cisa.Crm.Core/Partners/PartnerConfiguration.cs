using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cisa.Crm.Core.Partners;

internal sealed class PartnerContactConfiguration : IEntityTypeConfiguration<PartnerContact>
{
    public void Configure(EntityTypeBuilder<PartnerContact> builder)
    {
        builder.MapPerson("PartnerContacts");
        builder.Property(p => p.JobFunction).HasMaxLength(PartnerLimits.JobFunction);
        builder.Property(p => p.PreferredLanguage).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.LawfulBasis).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Notes).HasMaxLength(PartnerLimits.Notes);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();

        builder.HasOne(p => p.Company).WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Emails).WithOne().HasForeignKey(e => e.PartnerContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Phones).WithOne().HasForeignKey(e => e.PartnerContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Addresses).WithOne().HasForeignKey(e => e.PartnerContactId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(p => new { p.CompanyId, p.IsRestricted, p.LastNameKey, p.FirstNameKey });
        builder.HasIndex(p => new { p.IsRestricted, p.UpdatedAtUtc });
    }
}

/// <summary>What every list of a contact has in common: a table of its own, indexed by the contact it belongs to.</summary>
internal static class PartnerContactPartMapping
{
    public static void MapContactPart<TPart>(this EntityTypeBuilder<TPart> builder, string table)
        where TPart : PartnerContactPart
    {
        builder.ToTable(table);
        builder.HasIndex(e => e.PartnerContactId);
    }
}

internal sealed class PartnerContactEmailConfiguration : IEntityTypeConfiguration<PartnerContactEmail>
{
    public void Configure(EntityTypeBuilder<PartnerContactEmail> builder)
    {
        builder.MapContactPart("PartnerContactEmails");
        builder.Property(e => e.Address).HasMaxLength(254).IsRequired();
        builder.HasIndex(e => e.Address);
    }
}

internal sealed class PartnerContactPhoneConfiguration : IEntityTypeConfiguration<PartnerContactPhone>
{
    public void Configure(EntityTypeBuilder<PartnerContactPhone> builder)
    {
        builder.MapContactPart("PartnerContactPhones");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Number).HasMaxLength(20).IsRequired();
        builder.HasIndex(e => e.Number);
    }
}

internal sealed class PartnerContactAddressConfiguration : IEntityTypeConfiguration<PartnerContactAddress>
{
    public void Configure(EntityTypeBuilder<PartnerContactAddress> builder)
    {
        builder.MapContactPart("PartnerContactAddresses");
        builder.Property(e => e.Street).HasMaxLength(AddressLimits.Street).IsRequired();
        builder.Property(e => e.PostalCode).HasMaxLength(AddressLimits.PostalCode).IsRequired();
        builder.Property(e => e.City).HasMaxLength(AddressLimits.City).IsRequired();
        builder.Property(e => e.CountryCode).HasMaxLength(2).IsRequired();
    }
}

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> builder)
    {
        builder.ToTable("Disclosures");
        builder.Ignore(d => d.FieldList);
        builder.Property(d => d.Fields).HasMaxLength(300).IsRequired();
        builder.Property(d => d.Assignment).HasMaxLength(Disclosure.AssignmentMaxLength).IsRequired();
        builder.Property(d => d.Justification).HasMaxLength(Disclosure.JustificationMaxLength);
        builder.Property(d => d.RecordedById).HasMaxLength(128);
        builder.Property(d => d.RecordedByName).HasMaxLength(200);
        builder.HasOne<PartnerContact>().WithMany().HasForeignKey(d => d.PartnerContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Company>().WithMany().HasForeignKey(d => d.SubcontractorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.PartnerContactId, d.DisclosedOn });
        builder.HasIndex(d => new { d.SubcontractorId, d.DisclosedOn });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cisa.Crm.Core.Privacy.Requests;

internal sealed class SubjectRequestConfiguration : IEntityTypeConfiguration<SubjectRequest>
{
    public void Configure(EntityTypeBuilder<SubjectRequest> builder)
    {
        builder.ToTable("SubjectRequests");
        builder.Ignore(r => r.EffectiveDueOn);
        builder.Ignore(r => r.IsOpen);
        builder.Property(r => r.Reference).HasMaxLength(20);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Language).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.IdentityMethod).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.RequesterName).HasMaxLength(200);
        builder.Property(r => r.RequesterEmail).HasMaxLength(254);
        builder.Property(r => r.RequesterPhone).HasMaxLength(40);
        builder.Property(r => r.RequesterAddress).HasMaxLength(300);
        builder.Property(r => r.RequestText).HasMaxLength(SubjectRequest.TextMaxLength);
        builder.Property(r => r.ExtensionReason).HasMaxLength(SubjectRequest.ReasonMaxLength);
        builder.Property(r => r.IdentityNote).HasMaxLength(SubjectRequest.ReasonMaxLength);
        builder.Property(r => r.IdentityVerifiedById).HasMaxLength(128);
        builder.Property(r => r.IdentityVerifiedByName).HasMaxLength(200);
        builder.Property(r => r.Outcome).HasMaxLength(SubjectRequest.TextMaxLength);
        builder.Property(r => r.CreatedById).HasMaxLength(128);
        builder.Property(r => r.CreatedByName).HasMaxLength(200);
        builder.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        // The list: open requests by due date.
        builder.HasIndex(r => new { r.Status, r.DueOn });
        builder.HasMany<RequestMatch>().WithOne().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<RequestDecision>().WithOne().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<RecipientNotification>().WithOne().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestMatchConfiguration : IEntityTypeConfiguration<RequestMatch>
{
    public void Configure(EntityTypeBuilder<RequestMatch> builder)
    {
        builder.ToTable("SubjectRequestMatches");
        builder.Property(m => m.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ConfirmedById).HasMaxLength(128);
        builder.HasIndex(m => new { m.RequestId, m.Category, m.PersonId }).IsUnique();
        builder.HasIndex(m => new { m.Category, m.PersonId });
    }
}

internal sealed class RequestDecisionConfiguration : IEntityTypeConfiguration<RequestDecision>
{
    public void Configure(EntityTypeBuilder<RequestDecision> builder)
    {
        builder.ToTable("SubjectRequestDecisions");
        builder.Property(d => d.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Ground).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.GroundText).HasMaxLength(SubjectRequest.ReasonMaxLength);
        builder.Property(d => d.NewFirstName).HasMaxLength(100);
        builder.Property(d => d.NewLastName).HasMaxLength(100);
        builder.Property(d => d.NewEmail).HasMaxLength(254);
        builder.Property(d => d.NewPhone).HasMaxLength(40);
        builder.Property(d => d.Result).HasMaxLength(300);
        builder.HasIndex(d => new { d.RequestId, d.Category, d.PersonId }).IsUnique();
    }
}

internal sealed class RecipientNotificationConfiguration : IEntityTypeConfiguration<RecipientNotification>
{
    public void Configure(EntityTypeBuilder<RecipientNotification> builder)
    {
        builder.ToTable("SubjectRequestNotifications");
        builder.Property(n => n.RecipientName).HasMaxLength(200);
        builder.Property(n => n.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.NotifiedByName).HasMaxLength(200);
        builder.HasOne<Companies.Company>().WithMany().HasForeignKey(n => n.RecipientCompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.RequestId, n.RecipientCompanyId, n.Action }).IsUnique();
    }
}

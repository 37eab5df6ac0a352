using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cisa.Crm.Core.Security.Sessions;

/// <summary>
/// One signed-in session, kept on the server so that it can be ended (ASVS 3.3.1): the sign-in cookie carries only its
/// random <see cref="Id"/>, and a cookie whose session row is gone is refused. The row holds no personal data: not who
/// signed in, only when the session started and when it was last used.
/// </summary>
public sealed class UserSession
{
    /// <summary>A random id of 32 bytes in base64url: 43 characters.</summary>
    public const int IdLength = 43;

    public required string Id { get; init; }

    public DateTime StartedAtUtc { get; init; }

    /// <summary>The last request or circuit activity, kept to within <see cref="SessionStore.TouchInterval"/>.</summary>
    public DateTime LastSeenAtUtc { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(UserSession.IdLength).IsFixedLength();
        // The clean-up of expired sessions at each sign-in.
        builder.HasIndex(s => s.LastSeenAtUtc);
        builder.HasIndex(s => s.StartedAtUtc);
    }
}

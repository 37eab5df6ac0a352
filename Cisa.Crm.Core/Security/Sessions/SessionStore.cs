using System.Buffers.Text;
using System.Security.Cryptography;
using Cisa.Crm.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Core.Security.Sessions;

/// <summary>What a session check found.</summary>
public enum SessionState
{
    Active,

    /// <summary>No such session: signed out, ended, or never started here (a forged or pre-revocation cookie).</summary>
    Ended,

    /// <summary>Not used for <see cref="UserSessionOptions.IdleTimeout"/>.</summary>
    IdleExpired,

    /// <summary>Older than <see cref="UserSessionOptions.AbsoluteLifetime"/>.</summary>
    Expired,
}

/// <summary>
/// The server-side sessions (ASVS 3.3.1, 3.3.2): started at sign-in, checked on every request and by every open page,
/// ended at sign-out. Kept in the database, so every app instance sees an end at once on its next check; on the instance
/// where the session ended, <see cref="Ended"/> tells its open pages immediately.
/// </summary>
public sealed class SessionStore(IDbContextFactory<CrmDbContext> contexts, TimeProvider time, IOptionsMonitor<UserSessionOptions> options)
{
    /// <summary>How stale <see cref="UserSession.LastSeenAtUtc"/> may be before a use writes it again: one write a minute at most.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>Raised with the session's id when a session ends on this instance (sign-out or found expired).</summary>
    public event Action<string>? Ended;

    /// <summary>Starts a session and returns its id; sessions that have expired meanwhile are removed.</summary>
    public async Task<string> StartAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var limits = options.CurrentValue;
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var idleSince = now - limits.IdleTimeout;
        var startedBefore = now - limits.AbsoluteLifetime;
        await db.UserSessions.Where(s => s.LastSeenAtUtc < idleSince || s.StartedAtUtc < startedBefore).ExecuteDeleteAsync(cancellationToken);
        db.UserSessions.Add(new UserSession { Id = id, StartedAtUtc = now, LastSeenAtUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Whether the session may go on. <paramref name="used"/> says that it was used since the last check (a request, a
    /// click in an open page), which keeps it from idling out. A session found expired is ended.
    /// </summary>
    public async Task<SessionState> CheckAsync(string? id, bool used, CancellationToken cancellationToken = default)
    {
        if (id is null || id.Length != UserSession.IdLength)
        {
            return SessionState.Ended;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var limits = options.CurrentValue;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        var state = session is null ? SessionState.Ended
            : now >= session.StartedAtUtc + limits.AbsoluteLifetime ? SessionState.Expired
            : now >= session.LastSeenAtUtc + limits.IdleTimeout ? SessionState.IdleExpired
            : SessionState.Active;
        if (state is SessionState.Expired or SessionState.IdleExpired)
        {
            await EndAsync(db, id, cancellationToken);
        }
        else if (state is SessionState.Active && used && now - session!.LastSeenAtUtc >= TouchInterval)
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAtUtc, now), cancellationToken);
        }

        return state;
    }

    /// <summary>Ends the session (sign-out): a cookie that carries its id is refused from now on, by every instance.</summary>
    public async Task EndAsync(string? id, CancellationToken cancellationToken = default)
    {
        if (id is null)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await EndAsync(db, id, cancellationToken);
    }

    private async Task EndAsync(CrmDbContext db, string id, CancellationToken cancellationToken)
    {
        await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        Ended?.Invoke(id);
    }
}

using System.Security.Claims;
using Cisa.Crm.Core.Security.Sessions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Web.Authentication;

/// <summary>
/// An open page (a Blazor circuit) checks its session: at once when the session ends on this instance (sign-out in another
/// tab, <see cref="SessionStore.Ended"/>), and every <see cref="UserSessionOptions.RevalidationInterval"/> against the database
/// (an end on another instance, the idle timeout, the absolute lifetime). An ended session signs the page out: the core
/// then sees nobody, and the router sends the browser to sign-in, which closes the circuit.
/// </summary>
internal sealed partial class SessionRevalidation : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly SessionStore _store;
    private readonly CircuitActivity _activity;
    private readonly ILogger<SessionRevalidation> _logger;

    public SessionRevalidation(ILoggerFactory loggerFactory, SessionStore store, CircuitActivity activity, IOptions<UserSessionOptions> options)
        : base(loggerFactory)
    {
        _store = store;
        _activity = activity;
        _logger = loggerFactory.CreateLogger<SessionRevalidation>();
        RevalidationInterval = options.Value.RevalidationInterval;
        _store.Ended += OnSessionEnded;
    }

    protected override TimeSpan RevalidationInterval { get; }

    /// <summary>Clicks and typing in the page since the last check keep the session from idling out.</summary>
    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        authenticationState.User.Identity?.IsAuthenticated != true
        || await _store.CheckAsync(ServerSessions.SessionIdOf(authenticationState.User), _activity.TakeUsed(), cancellationToken) == SessionState.Active;

    private void OnSessionEnded(string sessionId) => _ = SignOutIfCurrentAsync(sessionId);

    private async Task SignOutIfCurrentAsync(string sessionId)
    {
        AuthenticationState state;
        try
        {
            state = await GetAuthenticationStateAsync();
        }
        catch (InvalidOperationException)
        {
            return; // a request scope whose state was never set: no page to sign out
        }

        if (ServerSessions.SessionIdOf(state.User) == sessionId)
        {
            SetAuthenticationState(Task.FromResult(SignedOut));
            LogPageSignedOut(_logger);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _store.Ended -= OnSessionEnded;
        }

        base.Dispose(disposing);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An open page of an ended session was signed out.")]
    private static partial void LogPageSignedOut(ILogger logger);
}

/// <summary>Notes that the person used an open page (a click, typing: any inbound circuit activity) since the last session check.</summary>
internal sealed class CircuitActivity : CircuitHandler
{
    private int _used;

    public bool TakeUsed() => Interlocked.Exchange(ref _used, 0) == 1;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            Volatile.Write(ref _used, 1);
            return next(context);
        };
}

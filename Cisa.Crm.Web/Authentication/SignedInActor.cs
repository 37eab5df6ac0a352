using Cisa.Crm.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Cisa.Crm.Web.Authentication;

/// <summary>
/// The core's view of who is signed in. Inside a Blazor circuit the authentication state provider
/// knows the user; in a plain HTTP endpoint it has not been set, and the request's user is used.
/// </summary>
internal sealed class SignedInActor(AuthenticationStateProvider authenticationState, IHttpContextAccessor httpContext) : ICurrentActor
{
    public async ValueTask<CrmActor> GetAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var state = await authenticationState.GetAuthenticationStateAsync();
            return state.User.ToCrmActor();
        }
        catch (InvalidOperationException)
        {
            return httpContext.HttpContext?.User.ToCrmActor() ?? CrmActor.Anonymous;
        }
    }
}

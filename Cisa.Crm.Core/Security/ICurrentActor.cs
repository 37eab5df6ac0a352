namespace Cisa.Crm.Core.Security;

/// <summary>Supplies the actor of the current operation; the web layer implements it from the signed-in user.</summary>
public interface ICurrentActor
{
    ValueTask<CrmActor> GetAsync(CancellationToken cancellationToken = default);
}

public static class CurrentActorExtensions
{
    /// <summary>The current actor, after checking that it holds <paramref name="permission"/> (deny by default).</summary>
    public static async ValueTask<CrmActor> DemandAsync(this ICurrentActor current, Permission permission, CancellationToken cancellationToken = default) =>
        (await current.GetAsync(cancellationToken)).Demand(permission);
}

using Cisa.Crm.Core.Errors;

namespace Cisa.Crm.Core.Security;

/// <summary>
/// Who performs a core operation: a signed-in staff member, or the system itself (scheduled jobs,
/// demo data). <see cref="Id"/> is the stable identifier (Entra object id or demo user id);
/// the audit trail records it with the display name so that staff actions stay accountable.
/// </summary>
public sealed record CrmActor(string Id, string DisplayName, IReadOnlyList<string> Roles, bool IsSystem = false)
{
    public static CrmActor System { get; } = new("system", "Cisa CRM", [], IsSystem: true);

    public static CrmActor Anonymous { get; } = new("anonymous", "Anonymous", []);

    public bool IsAuthenticated => Id != Anonymous.Id;

    /// <summary>The system actor holds every permission; people hold what their roles grant.</summary>
    public bool Has(Permission permission) => IsSystem || RolePermissions.Grants(Roles, permission);

    /// <summary>Throws a <see cref="PermissionDeniedException"/> unless this actor holds <paramref name="permission"/>.</summary>
    public CrmActor Demand(Permission permission) =>
        Has(permission) ? this : throw new PermissionDeniedException(permission);
}

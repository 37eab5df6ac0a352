using Cisa.Crm.Core.Security;

namespace Cisa.Crm.Core.Errors;

/// <summary>
/// A refusal the user can read. <see cref="Code"/> is stable; the web layer turns it into a
/// localised message (resource key <c>Error.{Code}</c>) filled with <see cref="Arguments"/>.
/// </summary>
public class CrmException(string code, string message, params object[] arguments) : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}

public sealed class PermissionDeniedException(Permission permission)
    : CrmException("PermissionDenied", $"This operation needs the permission {permission}.", permission.ToString())
{
    public Permission Permission { get; } = permission;
}

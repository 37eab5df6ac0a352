namespace Cisa.Crm.Core.Security;

/// <summary>
/// The application roles. In Entra ID these are the app roles of the registration
/// (the <c>roles</c> claim); locally they are carried by the demo users.
/// </summary>
public static class CrmRoles
{
    public const string Sales = "Sales";
    public const string HR = "HR";
    public const string PrivacyAdmin = "PrivacyAdmin";

    public static IReadOnlyList<string> All { get; } = [Sales, HR, PrivacyAdmin];
}

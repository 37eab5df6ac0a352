namespace Cisa.Crm.Core.Audit;

/// <summary>Action names written to the audit trail. Stable strings: the trail is read years later.</summary>
public static class AuditActions
{
    public const string SignIn = "Session.SignIn";
    public const string SignOut = "Session.SignOut";
    public const string DemoDataSeeded = "DemoData.Seeded";
    public const string AuditChainVerified = "Audit.ChainVerified";
}

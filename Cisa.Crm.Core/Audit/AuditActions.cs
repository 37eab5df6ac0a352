namespace Cisa.Crm.Core.Audit;

/// <summary>Action names written to the audit trail. Stable strings: the trail is read years later.</summary>
public static class AuditActions
{
    public const string SignIn = "Session.SignIn";
    public const string SignOut = "Session.SignOut";
    public const string DemoDataSeeded = "DemoData.Seeded";
    public const string AuditChainVerified = "Audit.ChainVerified";
    public const string AuditAnchorStarted = "Audit.AnchorStarted";
    public const string AuditCheckpointExported = "Audit.CheckpointExported";
    public const string RetentionRunStarted = "Retention.RunStarted";
    public const string RetentionRunFinished = "Retention.RunFinished";
    public const string RetentionRunFailed = "Retention.RunFailed";
    public const string RetentionErased = "Retention.Erased";
    public const string RetentionHoldPlaced = "Retention.HoldPlaced";
    public const string RetentionHoldReleased = "Retention.HoldReleased";
}

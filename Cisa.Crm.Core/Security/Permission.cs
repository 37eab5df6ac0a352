namespace Cisa.Crm.Core.Security;

/// <summary>
/// One value per guarded operation. Core services demand one of these; pages use the same
/// name as their authorization policy (<c>[Authorize(Policy = nameof(Permission.AuditRead))]</c>).
/// </summary>
public enum Permission
{
    /// <summary>See the company directory (companies are not personal data).</summary>
    CompaniesRead,

    /// <summary>Browse the audit trail.</summary>
    AuditRead,

    /// <summary>Verify the hash chain of the audit trail.</summary>
    AuditVerify,
}

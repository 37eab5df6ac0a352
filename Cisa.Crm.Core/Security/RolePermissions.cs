using System.Collections.Frozen;

namespace Cisa.Crm.Core.Security;

/// <summary>
/// The one role → permission map. Anything not listed here is denied: a user without a role,
/// or with a role this map does not know, can do nothing beyond signing in.
/// </summary>
public static class RolePermissions
{
    private static readonly FrozenDictionary<string, FrozenSet<Permission>> Map =
        new Dictionary<string, FrozenSet<Permission>>(StringComparer.Ordinal)
        {
            // Sales works with companies, prospects and calls.
            [CrmRoles.Sales] = new[]
            {
                Permission.CompaniesRead, Permission.CompaniesWrite, Permission.RecruitmentAgenciesRead,
                Permission.ProspectsRead, Permission.ProspectsWrite, Permission.CallsWrite,
                Permission.ProspectsImport, Permission.ProspectsExport, Permission.AssessmentsRead,
                Permission.PartnerContactsRead, Permission.PartnerContactsWrite, Permission.DisclosuresWrite, Permission.AgencyContactsRead,
            }.ToFrozenSet(),
            // HR sees nothing of sales: only the recruitment agencies that send CVs and their contact persons.
            [CrmRoles.HR] = new[]
            {
                Permission.RecruitmentAgenciesRead, Permission.AgencyContactsRead, Permission.AssessmentsRead,
                Permission.ApplicantsRead, Permission.ApplicantsWrite,
            }.ToFrozenSet(),
            // The privacy officer reads everything, maintains the assessments and the audit trail,
            // but does not do sales work.
            [CrmRoles.PrivacyAdmin] = new[]
            {
                Permission.CompaniesRead, Permission.RecruitmentAgenciesRead, Permission.ProspectsRead,
                Permission.PartnerContactsRead, Permission.AgencyContactsRead, Permission.ApplicantsRead,
                Permission.AssessmentsRead, Permission.AssessmentsManage,
                Permission.AuditRead, Permission.AuditVerify,
                Permission.RetentionRead, Permission.RetentionRun, Permission.LegalHoldsManage,
                Permission.SubjectRequestsManage,
            }.ToFrozenSet(),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool Grants(IEnumerable<string> roles, Permission permission) =>
        roles.Any(role => Map.TryGetValue(role, out var granted) && granted.Contains(permission));

    public static IReadOnlySet<Permission> For(string role) =>
        Map.TryGetValue(role, out var granted) ? granted : FrozenSet<Permission>.Empty;
}

namespace Cisa.Crm.Core.Security;

/// <summary>
/// One value per guarded operation. Core services demand one of these; pages use the same
/// name as their authorization policy (<c>[Authorize(Policy = nameof(Permission.AuditRead))]</c>).
/// </summary>
public enum Permission
{
    /// <summary>See companies, their relationship history and account owners.</summary>
    CompaniesRead,

    /// <summary>Create and edit companies, win a prospect company.</summary>
    CompaniesWrite,

    /// <summary>See the recruitment agencies only (HR chooses the agency that sent a CV).</summary>
    RecruitmentAgenciesRead,

    /// <summary>See prospects and their calls.</summary>
    ProspectsRead,

    /// <summary>Create and edit prospects.</summary>
    ProspectsWrite,

    /// <summary>Log and edit calls with prospects.</summary>
    CallsWrite,

    /// <summary>Import prospects from CSV.</summary>
    ProspectsImport,

    /// <summary>Export the prospect list to CSV.</summary>
    ProspectsExport,

    /// <summary>See partner contacts (customers' and suppliers' people), their disclosures and history.</summary>
    PartnerContactsRead,

    /// <summary>Create, edit, import and export partner contacts.</summary>
    PartnerContactsWrite,

    /// <summary>Record that a contact's data was passed to a subcontractor (SHARE-MIN).</summary>
    DisclosuresWrite,

    /// <summary>See the contact persons of recruitment agencies only (HR names the agency's contact for an applicant).</summary>
    AgencyContactsRead,

    /// <summary>See applicants, their applications and CVs, and the selection procedures (HR, privacy officer).</summary>
    ApplicantsRead,

    /// <summary>Create and edit applicants and procedures, upload CVs, close procedures (HR).</summary>
    ApplicantsWrite,

    /// <summary>See the approved legitimate-interest assessments (to choose one for a person).</summary>
    AssessmentsRead,

    /// <summary>Write, approve and review legitimate-interest assessments.</summary>
    AssessmentsManage,

    /// <summary>Browse the audit trail.</summary>
    AuditRead,

    /// <summary>Verify the hash chain of the audit trail.</summary>
    AuditVerify,

    /// <summary>See the retention policies, preview what a sweep would erase, see past runs and holds (RET-RUN).</summary>
    RetentionRead,

    /// <summary>Start a retention sweep (the scheduled sweep runs as the system).</summary>
    RetentionRun,

    /// <summary>Place and release legal holds that keep a record out of the sweep.</summary>
    LegalHoldsManage,

    /// <summary>Handle data-subject requests: intake, identity, search, decisions, access reports, answers (DSR-*).</summary>
    SubjectRequestsManage,
}

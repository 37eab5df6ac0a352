using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Core.Security.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Data;

/// <summary>
/// The CRM's database. One configuration class per entity lives beside the entity.
/// <para>Add a migration (from the repository root):</para>
/// <code>dotnet ef migrations add NAME --project Cisa.Crm.Core --startup-project Cisa.Crm.Core --output-dir Data/Migrations</code>
/// <para>then refresh the DBA script (a test fails while it is stale):</para>
/// <code>dotnet ef migrations script --project Cisa.Crm.Core --startup-project Cisa.Crm.Core --output db/schema.sql</code>
/// </summary>
public sealed class CrmDbContext(DbContextOptions<CrmDbContext> options) : DbContext(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<CompanyTypeChange> CompanyTypeChanges => Set<CompanyTypeChange>();

    public DbSet<LegitimateInterestAssessment> Assessments => Set<LegitimateInterestAssessment>();

    public DbSet<Prospect> Prospects => Set<Prospect>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<SuppressionEntry> SuppressionEntries => Set<SuppressionEntry>();

    public DbSet<PartnerContact> PartnerContacts => Set<PartnerContact>();

    public DbSet<PartnerContactEmail> PartnerContactEmails => Set<PartnerContactEmail>();

    public DbSet<PartnerContactPhone> PartnerContactPhones => Set<PartnerContactPhone>();

    public DbSet<Disclosure> Disclosures => Set<Disclosure>();

    public DbSet<Applicant> Applicants => Set<Applicant>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<SelectionProcedure> SelectionProcedures => Set<SelectionProcedure>();

    public DbSet<ApplicantCv> ApplicantCvs => Set<ApplicantCv>();

    public DbSet<RetentionHold> RetentionHolds => Set<RetentionHold>();

    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();

    public DbSet<SubjectRequest> SubjectRequests => Set<SubjectRequest>();

    public DbSet<RequestMatch> RequestMatches => Set<RequestMatch>();

    public DbSet<RequestDecision> RequestDecisions => Set<RequestDecision>();

    public DbSet<RecipientNotification> RecipientNotifications => Set<RecipientNotification>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime in the model is UTC; SQLite loses the kind, so give it back on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

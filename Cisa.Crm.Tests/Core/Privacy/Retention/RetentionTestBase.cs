using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Data.Sqlite;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Erasure;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Tests.Core.Applicants;
using Cisa.Crm.Tests.Core.Partners;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Privacy.Retention;

/// <summary>
/// A fresh database with one person of every category created on the test clock's first day
/// (14 March 2026), through the real services; the caller is the privacy officer. Tests then move the
/// clock to the day before or the day a rule falls due and sweep.
/// </summary>
public abstract class RetentionTestBase : CoreTestBase
{
    protected SalesData Sales { get; private set; } = null!;

    protected PartnerData Partners { get; private set; } = null!;

    protected ApplicantData Recruitment { get; private set; } = null!;

    protected int ProspectAssessmentId { get; private set; }

    protected int RecruitmentAssessmentId { get; private set; }

    protected int ProspectCompanyId { get; private set; }

    protected RetentionService Retention => Db.Get<RetentionService>();

    protected RetentionSweep Sweep => Db.Get<RetentionSweep>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Sales = new SalesData(Db);
        Partners = new PartnerData(Db);
        Recruitment = new ApplicantData(Db);
        ProspectAssessmentId = await Sales.AssessmentAsync();
        RecruitmentAssessmentId = await Recruitment.RecruitmentAssessmentAsync();
        ProspectCompanyId = await Sales.CompanyAsync();
        ActAs(SalesPeople.PrivacyOfficer);
    }

    /// <summary>
    /// Lies Vermeulen as a prospect, as a customer's contact person and as an applicant, with the same e-mail address and
    /// mobile number in each: the person every search across the categories must find.
    /// </summary>
    protected async Task<(PersonRef Prospect, PersonRef Contact, PersonRef Applicant)> LiesVermeulenEverywhereAsync()
    {
        var prospect = await Sales.ProspectAsync(Sales.Prospect(ProspectCompanyId, ProspectAssessmentId) with
        {
            FirstName = "Lies", LastName = "Vermeulen", Email = "lies.vermeulen@example.be", Mobile = "0470 12 34 56",
        });
        var customer = await Partners.CustomerAsync("Herentals Bouw");
        var contact = await Partners.ContactAsync(Partners.Contact(customer) with
        {
            FirstName = "Lies", LastName = "Vermeulen", Emails = ["lies.vermeulen@example.be"], Phones = [new PhoneInput(PhoneKind.Mobile, "0470 12 34 56")],
        });
        var procedure = await Recruitment.ProcedureAsync("Project leader", new DateOnly(2025, 1, 1));
        var applicant = await Recruitment.ApplicantAsync(Recruitment.Applicant(procedure, RecruitmentAssessmentId) with
        {
            FirstName = "Lies", LastName = "Vermeulen", Email = "lies.vermeulen@example.be", Phone = "0470 12 34 56",
        });
        return (new(PersonCategory.Prospect, prospect), new(PersonCategory.PartnerContact, contact), new(PersonCategory.Applicant, applicant));
    }

    /// <summary>A prospect created now, with <paramref name="calls"/> calls logged now by Sofie.</summary>
    protected async Task<int> ProspectWithCallsAsync(int calls = 2, ProspectInput? input = null)
    {
        var id = await Sales.ProspectAsync(input ?? Sales.Prospect(ProspectCompanyId, ProspectAssessmentId));
        for (var i = 0; i < calls; i++)
        {
            await Sales.AsAsync(SalesPeople.Sofie, () => Db.Get<CallLogService>().LogAsync(id, SalesData.Call(report: $"Call {i}: spoke about their backup needs.")));
        }

        return id;
    }

    /// <summary>A customer whose relationship ends on <paramref name="endedOn"/>, with one contact.</summary>
    protected async Task<(int CompanyId, int ContactId)> EndedCustomerContactAsync(DateOnly endedOn, string name = "Herentals Bouw")
    {
        var companyId = await Partners.CompanyAsync(name, CompanyType.Customer, new DateOnly(2015, 1, 1), endedOn);
        var contactId = await Partners.ContactAsync(Partners.Contact(companyId));
        return (companyId, contactId);
    }

    /// <summary>An applicant with a CV in a vacancy that HR closes today.</summary>
    protected async Task<int> ApplicantInClosedProcedureAsync(string title = "Network engineer")
    {
        var procedureId = await Recruitment.ProcedureAsync(title, new DateOnly(2025, 1, 1));
        var id = await Recruitment.ApplicantAsync(Recruitment.Applicant(procedureId, RecruitmentAssessmentId));
        await Recruitment.UploadCvAsync(id);
        await Recruitment.CloseAsync(procedureId);
        return id;
    }

    /// <summary>Moves the test clock to 10:30 Brussels on <paramref name="day"/>.</summary>
    protected void SetToday(DateOnly day)
    {
        var target = Cisa.Crm.Core.Time.BrusselsTime.ToUtc(day.ToDateTime(new TimeOnly(10, 30)));
        Db.Time.SetUtcNow(new DateTimeOffset(target, TimeSpan.Zero));
    }

    /// <summary>A sweep of the test's database whose commands pass <paramref name="interceptor"/> (to stop or pause it at a chosen statement).</summary>
    protected RetentionSweep SweepWith(IInterceptor interceptor, int batchSize) => new(
        new InterceptedFactory(Db.FilePath, interceptor, Db.Get<AuditTrail>().Anchor.Interceptor),
        Db.Get<PersonEraser>(),
        Db.Get<AuditTrail>(),
        Db.Get<WaitingWriters>(),
        Db.Time,
        Options.Create(new RetentionOptions { SweepBatchSize = batchSize }));

    protected Task<RetentionRun> SweepNowAsync() => Sweep.RunAsync(SalesPeople.PrivacyOfficer, SweepTrigger.OnDemand);

    protected async Task<bool> ExistsAsync(PersonCategory category, int id)
    {
        await using var db = Db.CreateContext();
        return category switch
        {
            PersonCategory.Prospect => await db.Prospects.AnyAsync(p => p.Id == id),
            PersonCategory.PartnerContact => await db.PartnerContacts.AnyAsync(p => p.Id == id),
            _ => await db.Applicants.AnyAsync(p => p.Id == id),
        };
    }

    protected async Task<bool> HasCvAsync(int applicantId) => await Recruitment.StoredCvAsync(applicantId) is not null;

    protected async Task<List<AuditEntry>> AuditAsync(string action) => await Sales.AuditAsync(action);

    protected async Task<List<Call>> CallsAsync()
    {
        await using var db = Db.CreateContext();
        return await db.Calls.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    /// <summary>The app's interceptors (secure delete, the audit anchor's commit hook) plus the test's.</summary>
    private sealed class InterceptedFactory(string path, IInterceptor interceptor, IInterceptor auditAnchor) : IDbContextFactory<CrmDbContext>
    {
        public CrmDbContext CreateDbContext() => new(new DbContextOptionsBuilder<CrmDbContext>()
            .UseSqlite($"Data Source={path};Pooling=False")
            .AddInterceptors(new SqliteSecureDeleteInterceptor(), auditAnchor, interceptor)
            .Options);
    }
}

using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Core.People;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Core.Prospects;

/// <summary>The people who act in the sales tests.</summary>
public static class SalesPeople
{
    public static CrmActor Sofie { get; } = SettableActor.WithRole(CrmRoles.Sales, "sales-1", "Sofie");

    public static CrmActor Tom { get; } = SettableActor.WithRole(CrmRoles.Sales, "sales-2", "Tom");

    public static CrmActor PrivacyOfficer { get; } = SettableActor.WithRole(CrmRoles.PrivacyAdmin, "privacy-1", "Petra");

    public static CrmActor Hr { get; } = SettableActor.WithRole(CrmRoles.HR, "hr-1", "Hanne");
}

/// <summary>
/// Builds sales data through the core services, as the people who may do so: assessments as the
/// privacy officer, companies and prospects as Sales. The caller's actor is restored afterwards.
/// </summary>
public sealed class SalesData(TestDatabase db)
{
    public const string Note = "Runs the IT of a company that fits our managed services.";

    private int _next;

    public async Task<T> AsAsync<T>(CrmActor actor, Func<Task<T>> action)
    {
        var previous = db.Actor.Current;
        db.Actor.Current = actor;
        try
        {
            return await action();
        }
        finally
        {
            db.Actor.Current = previous;
        }
    }

    public static AssessmentInput Assessment(string title = "Prospecting IT decision makers", DateOnly? reviewDueOn = null,
        AssessmentPurpose purpose = AssessmentPurpose.Prospecting) => new()
    {
        Title = title,
        Purpose = purpose,
        InterestPursued = "Winning new customers for ICT services.",
        Necessity = "A phone call to the person responsible for IT is the only practical way to offer the services.",
        BalancingTest = "Business contact details only, used for a business offer the person can refuse at any time.",
        Safeguards = "Short factual call reports, objection honoured at once, suppression list, review every year.",
        ReviewDueOn = reviewDueOn,
    };

    public Task<int> AssessmentAsync(string title = "Prospecting IT decision makers", DateOnly? reviewDueOn = null,
        AssessmentPurpose purpose = AssessmentPurpose.Prospecting) =>
        AsAsync(SalesPeople.PrivacyOfficer, () => db.Get<AssessmentService>().CreateAsync(Assessment(title, reviewDueOn, purpose)));

    public Task<int> CompanyAsync(string name = "Kempen ICT", string? enterpriseNumber = null, CompanyType type = CompanyType.Prospect) =>
        AsAsync(SalesPeople.Sofie, () => db.Get<CompanyService>().CreateAsync(new CompanyInput
        {
            Name = name, EnterpriseNumber = enterpriseNumber, Type = type, Street = "Oud-strijderslaan 1", PostalCode = "2200", City = "Herentals",
        }));

    /// <summary>A valid prospect with a unique e-mail address and no phone number.</summary>
    public ProspectInput Prospect(int companyId, int assessmentId)
    {
        var n = ++_next;
        return new ProspectInput
        {
            FirstName = "An",
            LastName = $"Peeters{n}",
            JobTitle = "IT manager",
            CompanyId = companyId,
            Email = $"an.peeters{n}@kempen-ict.be",
            PreferredLanguage = PreferredLanguage.Dutch,
            Source = ProspectSource.CompanyWebsite,
            AssessmentId = assessmentId,
            LegitimateInterestNote = Note,
        };
    }

    public Task<int> ProspectAsync(ProspectInput input, CrmActor? actor = null) =>
        AsAsync(actor ?? SalesPeople.Sofie, () => db.Get<ProspectService>().CreateAsync(input));

    public static CallInput Call(DateTime? atBrussels = null, CallOutcome outcome = CallOutcome.Reached,
        string report = "Spoke about their backup needs.", DateOnly? followUpOn = null) => new()
    {
        OccurredAtBrussels = atBrussels,
        Direction = CallDirection.Outgoing,
        Outcome = outcome,
        DurationMinutes = 5,
        Report = report,
        FollowUpOn = followUpOn,
    };

    public Task RestrictAsync(int prospectId) => db.RestrictAsync<Prospect>(prospectId);

    public async Task<List<AuditEntry>> AuditAsync(string action)
    {
        await using var context = db.CreateContext();
        return await context.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<Prospect> ProspectRowAsync(int prospectId)
    {
        await using var context = db.CreateContext();
        return await context.Prospects.AsNoTracking().SingleAsync(p => p.Id == prospectId);
    }

    public async Task<int> CountAsync<T>()
        where T : class
    {
        await using var context = db.CreateContext();
        return await context.Set<T>().CountAsync();
    }
}

/// <summary>
/// A fresh migrated database per test, with one approved Prospecting assessment (due in 12 months)
/// and one prospect company (and, for a class that asks, one prospect in it); the caller is Sofie of Sales.
/// </summary>
public abstract class SalesTestBase(bool withProspect = false) : CoreTestBase<SalesData>(db => new SalesData(db), SalesPeople.Sofie)
{
    protected int CompanyId { get; private set; }

    protected int AssessmentId { get; private set; }

    /// <summary>The prospect created before each test when the class asked for one.</summary>
    protected int ProspectId { get; private set; }

    protected ProspectService Prospects => Db.Get<ProspectService>();

    protected CompanyService Companies => Db.Get<CompanyService>();

    protected AssessmentService Assessments => Db.Get<AssessmentService>();

    protected CallLogService Calls => Db.Get<CallLogService>();

    protected override async Task SeedAsync()
    {
        AssessmentId = await Data.AssessmentAsync();
        CompanyId = await Data.CompanyAsync();
        if (withProspect)
        {
            ProspectId = await Data.ProspectAsync(NewProspect());
        }
    }

    protected ProspectInput NewProspect() => Data.Prospect(CompanyId, AssessmentId);

    protected Task<int> CreateProspectAsync(ProspectInput? input = null) => Prospects.CreateAsync(input ?? NewProspect());

    /// <summary>The input as stored: created, then read back (to see what the service normalised).</summary>
    protected async Task<ProspectInput> StoredAsync(ProspectInput input) => (await Prospects.GetAsync(await CreateProspectAsync(input))).Input;

    /// <summary>Creating <paramref name="input"/> is refused with a field error <paramref name="code"/> at each of <paramref name="fields"/>.</summary>
    protected async Task CreateRefusedAsync(ProspectInput input, string code, params string[] fields)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateProspectAsync(input));
        Assert.All(fields, field => Assert.Contains(refusal.For(field), e => e.Code == code));
    }
}

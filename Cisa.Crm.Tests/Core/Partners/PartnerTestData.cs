using System.Text;
using Cisa.Crm.Core;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Core.People;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Partners;

/// <summary>
/// Builds partner data through the core services, as Sales would: companies of every partner type with
/// <see cref="CompanyService"/>, contacts with <see cref="PartnerContactService"/>. The caller's actor is
/// restored afterwards (same pattern as <see cref="SalesData"/>).
/// </summary>
public sealed class PartnerData(TestDatabase db)
{
    private readonly SalesData _sales = new(db);

    private int _next;

    public Task<T> AsAsync<T>(CrmActor actor, Func<Task<T>> action) => _sales.AsAsync(actor, action);

    public Task<int> CompanyAsync(string name, CompanyType type, DateOnly? startedOn = null, DateOnly? endedOn = null) =>
        AsAsync(SalesPeople.Sofie, () => db.Get<CompanyService>().CreateAsync(new CompanyInput
        {
            Name = name, Type = type, Street = "Grote Markt 1", PostalCode = "2200", City = "Herentals",
            RelationshipStartedOn = startedOn, RelationshipEndedOn = endedOn,
        }));

    public Task<int> CustomerAsync(string name = "Herentals Bouw", DateOnly? startedOn = null) =>
        CompanyAsync(name, CompanyType.Customer, startedOn ?? new DateOnly(2020, 1, 1));

    public Task<int> SubcontractorAsync(string name = "Netwerk Partners") => CompanyAsync(name, CompanyType.Subcontractor);

    /// <summary>A valid contact with a unique e-mail address, an office phone and no address.</summary>
    public PartnerContactInput Contact(int companyId)
    {
        var n = ++_next;
        return new PartnerContactInput
        {
            FirstName = "Katrien",
            LastName = $"Wouters{n}",
            JobFunction = "Facility manager",
            CompanyId = companyId,
            PreferredLanguage = PreferredLanguage.Dutch,
            LawfulBasis = PartnerLawfulBasis.Contract,
            Emails = [$"katrien.wouters{n}@herentals-bouw.be"],
            Phones = [new PhoneInput(PhoneKind.Office, $"014 21 {10 + n:00} 00")],
        };
    }

    public Task<int> ContactAsync(PartnerContactInput input, CrmActor? actor = null) =>
        AsAsync(actor ?? SalesPeople.Sofie, () => db.Get<PartnerContactService>().CreateAsync(input));

    /// <summary>SHARE-MIN: the usual minimum, for an assignment, today.</summary>
    public static DisclosureInput MinimalDisclosure(int subcontractorId, string assignment = "Cabling of the new warehouse") => new()
    {
        SubcontractorId = subcontractorId,
        Fields = [DisclosedField.FirstName, DisclosedField.LastName, DisclosedField.Phone, DisclosedField.Email, DisclosedField.CustomerCompanyName],
        Assignment = assignment,
    };

    public Task RestrictAsync(int contactId) => db.RestrictAsync<PartnerContact>(contactId);

    public Task SuppressAsync(string? email, string? phone = null) => db.SuppressAsync(email, phone, "REQ-PARTNER-1");

    public Task<List<AuditEntry>> AuditAsync(string action) => _sales.AuditAsync(action);

    public Task<int> CountAsync<T>()
        where T : class => _sales.CountAsync<T>();

    public async Task<int> AuditCountAsync()
    {
        await using var context = db.CreateContext();
        return await context.AuditEntries.CountAsync();
    }

    /// <summary>
    /// A contact service reading another RET-PARTNER period, as <c>Crm:Retention</c> would configure it;
    /// every other dependency is the test database's own.
    /// </summary>
    public PartnerContactService ContactsWithRetention(int yearsAfterRelationship) => new(
        db.Get<IDbContextFactory<CrmDbContext>>(),
        db.Actor,
        db.Get<AuditTrail>(),
        db.Get<SuppressionList>(),
        Options.Create(new RetentionOptions { PartnerContactYearsAfterRelationship = yearsAfterRelationship }),
        db.Time);

    /// <summary>
    /// The core services wired as <see cref="TestDatabase"/> wires them, on the same database file, clock and
    /// actor, but with <c>services.Configure&lt;RetentionOptions&gt;</c> as a host would configure RET-PARTNER.
    /// </summary>
    public ConfiguredCore WithRetentionConfigured(int yearsAfterRelationship)
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(db.Time)
            .AddSingleton<ICurrentActor>(db.Actor)
            .AddCrmCoreServices($"Data Source={db.FilePath};Pooling=False")
            .Configure<AuditOptions>(o => (o.Key, o.AnchorPath) = (TestDatabase.AuditKey, TestDatabase.AnchorPathOf(db.FilePath)))
            .Configure<SuppressionOptions>(o => o.Key = "test-suppression-key-0123456789abcdef")
            .Configure<RetentionOptions>(o => o.PartnerContactYearsAfterRelationship = yearsAfterRelationship)
            .BuildServiceProvider(validateScopes: true);
        return new ConfiguredCore(services);
    }

    public static MemoryStream Stream(string csv) => new(Encoding.UTF8.GetBytes(csv));
}

/// <summary>A second service provider over the test database (see <see cref="PartnerData.WithRetentionConfigured"/>).</summary>
public sealed class ConfiguredCore(ServiceProvider services) : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope = services.CreateAsyncScope();

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await services.DisposeAsync();
    }
}

/// <summary>
/// A fresh migrated database per test with one customer (relationship since 2020, still active) and one
/// subcontractor; the caller is Sofie of Sales.
/// </summary>
public abstract class PartnerTestBase() : CoreTestBase<PartnerData>(db => new PartnerData(db), SalesPeople.Sofie)
{
    protected int CustomerId { get; private set; }

    protected int SubcontractorId { get; private set; }

    protected PartnerContactService Contacts => Db.Get<PartnerContactService>();

    protected DisclosureService Disclosures => Db.Get<DisclosureService>();

    protected PartnerContactCsvService Csv => Db.Get<PartnerContactCsvService>();

    protected CompanyService Companies => Db.Get<CompanyService>();

    protected override async Task SeedAsync()
    {
        CustomerId = await Data.CustomerAsync();
        SubcontractorId = await Data.SubcontractorAsync();
    }

    protected PartnerContactInput NewContact(int? companyId = null) => Data.Contact(companyId ?? CustomerId);

    protected Task<int> CreateContactAsync(PartnerContactInput? input = null) => Contacts.CreateAsync(input ?? NewContact());
}

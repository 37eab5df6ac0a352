using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Demo;

/// <summary>
/// Fills an empty database with invented Flemish companies, assessments, prospects and calls so a new
/// installation has something to show. Every name is made up, every website ends in <c>.example</c> (a reserved domain), and the
/// enterprise numbers only pass the checksum. A fixed seed gives the same data on every machine.
/// </summary>
public sealed class DemoDataSeeder(IDbContextFactory<CrmDbContext> dbFactory, AuditTrail trail, ICvProtector cvProtector, TimeProvider time) : IDatabaseSeeder
{
    private const int Seed = 2200; // Herentals' postcode

    private static readonly (string PostalCode, string City)[] Places =
    [
        ("2200", "Herentals"), ("2440", "Geel"), ("2300", "Turnhout"), ("2400", "Mol"), ("2500", "Lier"),
        ("2800", "Mechelen"), ("3000", "Leuven"), ("3500", "Hasselt"), ("9000", "Gent"), ("8000", "Brugge"),
        ("2000", "Antwerpen"), ("3200", "Aarschot"), ("8500", "Kortrijk"), ("9300", "Aalst"), ("9100", "Sint-Niklaas"),
        ("2260", "Westerlo"), ("2250", "Olen"), ("2270", "Herenthout"), ("3290", "Diest"), ("2340", "Beerse"),
    ];

    private static readonly string[] Streets =
    [
        "Kerkstraat", "Stationsstraat", "Nijverheidsstraat", "Industrieweg", "Molenstraat", "Grote Markt",
        "Lierseweg", "Bevelsesteenweg", "Kempenlaan", "Ambachtsweg", "Schaliënhoevedreef", "Zandvoortstraat",
    ];

    private static readonly string[] NameStarts =
    [
        "Kempen", "Nete", "Schelde", "Demer", "Leie", "Dijle", "Zenne", "Rupel", "Heide", "Polder", "Vlaskouter",
        "Beiaard", "Kastanje", "Ijzer", "Mergel", "Brouwers", "Linde", "Koren", "Hoppe", "Wouters",
    ];

    private static readonly string[] NameEnds =
    [
        "Logistiek", "Bouw", "Zorggroep", "Metaalwerken", "Voeding", "Print", "Transport", "Installaties",
        "Tuinbouw", "Verpakkingen", "Advocaten", "Accountants", "Textiel", "Automatisatie", "Kunststoffen",
    ];

    private static readonly string[] Sectors =
    [
        "Logistiek", "Bouw", "Zorg", "Metaal", "Voeding", "Grafische sector", "Transport", "Installatie",
        "Land- en tuinbouw", "Verpakking", "Juridisch", "Boekhouding", "Textiel", "Industrie", "Chemie",
    ];

    private static readonly string[] LegalForms = ["bv", "nv", "cv", "bv", "nv"];

    /// <summary>Seeds when the database has no companies yet; returns whether it did.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Companies.AnyAsync(cancellationToken))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var random = new Randomizer(Seed);
        var now = time.GetUtcNow().UtcDateTime;
        var today = BrusselsTime.Today(time);
        var companies = BuildCompanies(random);
        DemoPartners.SetRelationships(random, companies, today);
        db.Companies.AddRange(companies);
        var assessments = DemoSales.Assessments(now, today);
        db.Assessments.AddRange(assessments);
        await db.SaveChangesAsync(cancellationToken);

        var prospects = DemoSales.Prospects(random, companies, assessments[0].Id, now);
        db.Prospects.AddRange(prospects);
        await db.SaveChangesAsync(cancellationToken);
        var calls = DemoSales.Calls(random, prospects, now, today);
        db.Calls.AddRange(calls);
        var contacts = DemoPartners.Contacts(random, companies, now);
        db.PartnerContacts.AddRange(contacts);
        await db.SaveChangesAsync(cancellationToken);
        var disclosures = DemoPartners.Disclosures(companies, contacts, today);
        db.Disclosures.AddRange(disclosures);
        var procedures = DemoRecruitment.Procedures(today);
        db.SelectionProcedures.AddRange(procedures);
        await db.SaveChangesAsync(cancellationToken);

        var applicants = DemoRecruitment.Applicants(random, procedures, companies, contacts, assessments[2].Id, now);
        db.Applicants.AddRange(applicants);
        await db.SaveChangesAsync(cancellationToken);
        db.ApplicantCvs.AddRange(applicants.Where((_, i) => i % 2 == 0).Select(applicant => DemoRecruitment.InventedCv(applicant, cvProtector)));

        await DemoRequests.SeedAsync(db, companies, prospects, procedures, assessments[2].Id, cvProtector, now, today, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var pastRetention = await SeedPastRetentionAsync(db, companies.First(c => c.Type == CompanyType.Prospect), assessments[0].Id, assessments[2].Id, now, today, cancellationToken);

        await trail.RecordAsync(db, CrmActor.System, AuditActions.DemoDataSeeded, "Demo",
            details: $"companies={companies.Count + 1};assessments={assessments.Count};prospects={prospects.Count + 1};calls={calls.Count + 1};contacts={contacts.Count + 1};disclosures={disclosures.Count};applicants={applicants.Count + pastRetention}", cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// One record already due under each retention rule (see <see cref="DemoRetention"/>), added after the
    /// random data so that stays the same. Returns the number of applicants added.
    /// </summary>
    private async Task<int> SeedPastRetentionAsync(CrmDbContext db, Company prospectCompany, int prospectingAssessmentId, int recruitmentAssessmentId,
        DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var supplier = DemoRetention.FormerSupplier(now, today);
        db.Companies.Add(supplier);
        await db.SaveChangesAsync(cancellationToken);
        db.PartnerContacts.Add(DemoRetention.FormerSupplierContact(supplier, now));

        var prospect = DemoRetention.ForgottenProspect(prospectCompany, prospectingAssessmentId, now);
        db.Prospects.Add(prospect);
        var closed = DemoRetention.ClosedProcedures(today);
        db.SelectionProcedures.AddRange(closed);
        await db.SaveChangesAsync(cancellationToken);
        db.Calls.Add(DemoRetention.ForgottenProspectCall(prospect, now));

        var applicants = DemoRetention.FormerApplicants(closed, recruitmentAssessmentId, now);
        db.Applicants.AddRange(applicants);
        await db.SaveChangesAsync(cancellationToken);
        db.ApplicantCvs.Add(DemoRecruitment.InventedCv(applicants[0], cvProtector));
        await db.SaveChangesAsync(cancellationToken);
        return applicants.Count;
    }

    private List<Company> BuildCompanies(Randomizer random)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var types = new[]
        {
            (CompanyType.Prospect, 18), (CompanyType.Customer, 8), (CompanyType.Supplier, 4),
            (CompanyType.RecruitmentAgency, 3), (CompanyType.Subcontractor, 3),
        };
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var companies = new List<Company>();
        foreach (var (type, count) in types)
        {
            for (var i = 0; i < count; i++)
            {
                string baseName;
                do
                {
                    baseName = type switch
                    {
                        CompanyType.RecruitmentAgency => random.ArrayElement(NameStarts) + " Talent",
                        CompanyType.Subcontractor => random.ArrayElement(NameStarts) + " IT Services",
                        _ => random.ArrayElement(NameStarts) + " " + random.ArrayElement(NameEnds),
                    };
                }
                while (!usedNames.Add(baseName));

                var place = random.ArrayElement(Places);
                var created = now.AddDays(-random.Int(30, 900));
                companies.Add(new Company
                {
                    Name = $"{baseName} {random.ArrayElement(LegalForms)}",
                    EnterpriseNumber = EnterpriseNumber.FromBase(random.Int(4_000_000, 8_999_999)),
                    Type = type,
                    Sector = type is CompanyType.RecruitmentAgency ? "HR-diensten"
                        : type is CompanyType.Subcontractor ? "ICT" : random.ArrayElement(Sectors),
                    Street = $"{random.ArrayElement(Streets)} {random.Int(1, 180)}",
                    PostalCode = place.PostalCode,
                    City = place.City,
                    CountryCode = "BE",
                    Website = $"https://www.{Slug(baseName)}.example",
                    AccountOwnerId = type is CompanyType.Prospect or CompanyType.Customer ? DemoStaff.Sales.Id : null,
                    AccountOwnerName = type is CompanyType.Prospect or CompanyType.Customer ? DemoStaff.Sales.Name : null,
                    CreatedAtUtc = created,
                    UpdatedAtUtc = created,
                });
            }
        }

        return companies;
    }

    private static string Slug(string name) =>
        new(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}

using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Demo;
using static Cisa.Crm.Benchmarks.Generation.EfSqliteFormat;

namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>A generated company and what the other sections need to know about it.</summary>
internal sealed record GeneratedCompany(int Id, string Name, CompanyType Type, string Domain, (string PostalCode, string City, string Zone) Place,
    string? Switchboard, DateOnly? RelationshipEndedOn, bool IsExpired);

/// <summary>Assessments and companies: prospects, customers, suppliers, subcontractors and recruitment agencies.</summary>
internal static class CompanySection
{
    /// <summary>The approved legitimate-interest assessments every person refers to (LI-NOTE), none past its review date (LI-REVIEW).</summary>
    public static (int Prospecting, int Events, int Recruitment) WriteAssessments(GenerationRun run)
    {
        var table = run.Table("LegitimateInterestAssessments", "Id", "Title", "Purpose", "InterestPursued", "Necessity", "BalancingTest", "Safeguards",
            "ReviewDueOn", "ApprovedById", "ApprovedByName", "ApprovedAtUtc", "LastReviewedAtUtc", "ConcurrencyStamp");
        var privacy = DemoStaff.Privacy;
        void Write(int id, string title, AssessmentPurpose purpose, string interest, int reviewInMonths, int approvedMonthsAgo) => table.Insert(
            id, title, Enum(purpose), interest,
            "Een zakelijk contact met de bevoegde persoon is de enige doeltreffende manier; we bewaren alleen wat daarvoor nodig is.",
            "De persoon wordt in zijn professionele rol gecontacteerd met gegevens die hij zelf gaf of publiek maakte; bezwaar wordt meteen gehonoreerd.",
            "Bron vastgelegd; korte, feitelijke verslagen; bewaartermijnen toegepast; bezwaar leidt tot een onderdrukkingsregel.",
            Date(run.AsOf.AddMonths(reviewInMonths)), privacy.Id, privacy.Name, DateTime(run.Now.AddMonths(-approvedMonthsAgo)), null, Guid(run.NewGuid()));

        Write(1, "Telefonische prospectie van IT-verantwoordelijken", AssessmentPurpose.Prospecting,
            "Nieuwe klanten winnen voor onze ICT-diensten door IT-verantwoordelijken van bedrijven in de regio te bellen.", 10, 2);
        Write(2, "Contacten van vakbeurzen", AssessmentPurpose.Prospecting, "Opvolging van bezoekers die op een vakbeurs hun kaartje afgaven.", 6, 6);
        Write(3, "Bewaren van sollicitaties voor toekomstige vacatures", AssessmentPurpose.Recruitment,
            "Kandidaten betrekken bij huidige en toekomstige selectieprocedures die bij hun profiel passen.", 8, 4);
        run.Wrote(3);
        return (1, 2, 3);
    }

    public static List<GeneratedCompany> WriteCompanies(GenerationRun run)
    {
        var total = run.Options.Companies;
        var agencies = Share(total, 0.01);
        var subcontractors = Share(total, 0.015);
        var suppliers = Share(total, 0.075);
        var customers = Share(total, 0.20);
        var prospects = Math.Max(1, total - agencies - subcontractors - suppliers - customers);
        var types = Enumerable.Repeat(CompanyType.Prospect, prospects)
            .Concat(Enumerable.Repeat(CompanyType.Customer, customers))
            .Concat(Enumerable.Repeat(CompanyType.Supplier, suppliers))
            .Concat(Enumerable.Repeat(CompanyType.Subcontractor, subcontractors))
            .Concat(Enumerable.Repeat(CompanyType.RecruitmentAgency, agencies))
            .ToList();

        // RET-PARTNER: a share of the relationships ended more than ten years ago (their contacts are due for erasure);
        // a few more ended recently and are still kept.
        var ending = types.Select((type, i) => (type, i)).Where(t => t.type is CompanyType.Customer or CompanyType.Supplier or CompanyType.Subcontractor)
            .Select(t => t.i).ToList();
        run.Random.Shuffle(ending);
        var expiredCount = run.Options.Expired(ending.Count);
        var expired = ending.Take(expiredCount).ToHashSet();
        var endedRecently = ending.Skip(expiredCount).Take((int)(ending.Count * 0.05)).ToHashSet();

        var table = run.Table("Companies", "Id", "Name", "NameKey", "EnterpriseNumber", "Type", "Sector", "Street", "PostalCode", "City", "CountryCode",
            "Website", "AccountOwnerId", "AccountOwnerName", "RelationshipStartedOn", "RelationshipEndedOn", "CreatedAtUtc", "UpdatedAtUtc", "ConcurrencyStamp");
        var history = run.Table("CompanyTypeChanges", "CompanyId", "From", "To", "ChangedAtUtc", "ChangedById", "ChangedByName");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var domains = new HashSet<string>(StringComparer.Ordinal);
        var enterpriseNumbers = new HashSet<string>(StringComparer.Ordinal);
        var companies = new List<GeneratedCompany>(types.Count);
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            var place = run.Random.ArrayElement(FlemishWords.Places);
            var baseName = UniqueName(run, type, place.City, names);
            var domain = UniqueDomain(baseName, domains);
            var name = $"{baseName} {run.Random.ArrayElement(FlemishWords.LegalForms)}";
            string? enterpriseNumber = null;
            while (run.Random.Bool(0.85f) && enterpriseNumber is null)
            {
                var candidate = EnterpriseNumber.FromBase(run.Random.Int(2_000_000, 9_999_999));
                enterpriseNumber = enterpriseNumbers.Add(candidate) ? candidate : null;
            }

            DateOnly? started = null, ended = null;
            if (type != CompanyType.Prospect)
            {
                if (expired.Contains(i))
                {
                    ended = run.AsOf.AddYears(-10).AddDays(-run.Random.Int(1, 5 * 365));
                    started = ended.Value.AddDays(-run.Random.Int(365, 10 * 365));
                }
                else
                {
                    started = run.AsOf.AddDays(-run.Random.Int(60, 20 * 365));
                    if (endedRecently.Contains(i))
                    {
                        ended = run.AsOf.AddDays(-run.Random.Int(30, 10 * 365 - 5));
                        started = ended.Value.AddDays(-run.Random.Int(365, 5 * 365));
                    }
                }
            }

            var created = started is { } s
                ? s.AddDays(-run.Random.Int(0, 200)).ToDateTime(new TimeOnly(run.Random.Int(7, 16), run.Random.Int(0, 59)), DateTimeKind.Utc)
                : run.Now.AddDays(-run.Random.Int(30, 3000)).AddMinutes(-run.Random.Int(0, 600));
            var updated = ended is { } e ? e.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc) : created.AddDays(run.Random.Int(0, 30));
            if (updated > run.Now)
            {
                updated = run.Now;
            }

            var owner = type is CompanyType.Prospect or CompanyType.Customer ? run.AnySales() : null;
            var id = i + 1;
            table.Insert(id, name, ContactNormaliser.SearchKey(name), enterpriseNumber, Enum(type), run.Random.ArrayElement(FlemishWords.Sectors),
                $"{run.Random.ArrayElement(FlemishWords.Streets)} {run.Random.Int(1, 250)}", place.PostalCode, place.City, "BE",
                $"https://www.{domain}", owner?.Id, owner?.Name, OrNull(started), OrNull(ended), DateTime(created), DateTime(updated), Guid(run.NewGuid()));
            run.Wrote();
            if (type == CompanyType.Customer && started is { } won)
            {
                // Won: the prospect became a customer, and the history keeps the change.
                var by = run.AnySales();
                history.Insert(id, Enum(CompanyType.Prospect), Enum(CompanyType.Customer), DateTime(won.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)), by.Id, by.Name);
                run.Wrote();
            }

            var switchboard = type == CompanyType.Prospect ? null : run.Contacts.Landline(place.Zone);
            companies.Add(new GeneratedCompany(id, name, type, domain, place, switchboard, ended, expired.Contains(i)));
        }

        run.Expired["Companies (relationship ended > 10 years ago)"] = expired.Count;
        return companies;
    }

    private static int Share(int total, double share) => Math.Max(1, (int)Math.Round(total * share, MidpointRounding.AwayFromZero));

    private static string UniqueName(GenerationRun run, CompanyType type, string city, HashSet<string> names)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = type switch
            {
                CompanyType.RecruitmentAgency => $"{run.Random.ArrayElement(FlemishWords.CompanyStarts)} Talent",
                CompanyType.Subcontractor => $"{run.Random.ArrayElement(FlemishWords.CompanyStarts)} IT Services",
                _ when run.Random.Bool(0.4f) => $"{run.Names.Next().Last} {run.Random.ArrayElement(FlemishWords.CompanyEnds)}",
                _ => $"{run.Random.ArrayElement(FlemishWords.CompanyStarts)} {run.Random.ArrayElement(FlemishWords.CompanyEnds)}",
            };
            if (attempt > 3)
            {
                name = $"{name} {city}";
            }

            if (attempt > 6)
            {
                name = $"{name} {attempt}";
            }

            if (names.Add(ContactNormaliser.SearchKey(name)))
            {
                return name;
            }
        }
    }

    private static string UniqueDomain(string baseName, HashSet<string> domains)
    {
        var slug = ContactPoints.Slug(baseName);
        var domain = $"{slug}.example";
        for (var n = 2; !domains.Add(domain); n++)
        {
            domain = $"{slug}{n}.example";
        }

        return domain;
    }
}

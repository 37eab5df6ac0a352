namespace Cisa.Crm.Demo;

/// <summary>Invented contact persons at the demo customers, suppliers, subcontractors and agencies, and a few disclosures.</summary>
internal static class DemoPartners
{
    private static readonly string[] Functions =
        ["Zaakvoerder", "Office manager", "Boekhouder", "Aankoper", "Projectleider", "Technisch directeur", "HR-verantwoordelijke", "Accountmanager"];

    /// <summary>Customers and suppliers get relationship dates; the last customer's relationship has ended (RET-PARTNER counts from there).</summary>
    public static void SetRelationships(Randomizer random, IReadOnlyList<Company> companies, DateOnly today)
    {
        var partners = companies.Where(c => c.Type is CompanyType.Customer or CompanyType.Supplier).ToList();
        foreach (var company in partners)
        {
            company.RelationshipStartedOn = today.AddDays(-random.Int(400, 3000));
        }

        var ended = partners.Last(c => c.Type == CompanyType.Customer);
        ended.RelationshipEndedOn = today.AddDays(-random.Int(200, 700));
    }

    public static List<PartnerContact> Contacts(Randomizer random, IReadOnlyList<Company> companies, DateTime now)
    {
        var faker = new Faker("nl_BE") { Random = random };
        var contacts = new List<PartnerContact>();
        foreach (var company in companies.Where(c => c.Type is not CompanyType.Prospect))
        {
            for (var i = 0; i < random.Int(1, 2); i++)
            {
                var first = faker.Name.FirstName();
                var last = faker.Name.LastName();
                var domain = DemoMail.DomainOf(company);
                var created = now.AddDays(-random.Int(30, 900));
                var contact = new PartnerContact
                {
                    CompanyId = company.Id,
                    FirstName = first,
                    LastName = last,
                    JobFunction = random.ArrayElement(Functions),
                    PreferredLanguage = random.Bool(0.85f) ? PreferredLanguage.Dutch : PreferredLanguage.French,
                    LawfulBasis = company.Type is CompanyType.Customer or CompanyType.Supplier ? PartnerLawfulBasis.Contract : PartnerLawfulBasis.LegitimateInterest,
                    CreatedAtUtc = created,
                    UpdatedAtUtc = created,
                };
                contact.Emails.Add(new PartnerContactEmail { Address = $"{DemoMail.Slug(first)}.{DemoMail.Slug(last)}@{domain}" });
                if (random.Bool(0.3f))
                {
                    contact.Emails.Add(new PartnerContactEmail { Address = $"info@{domain}" });
                }

                contact.Phones.Add(new PartnerContactPhone { Kind = PhoneKind.Office, Number = string.Create(CultureInfo.InvariantCulture, $"+3214{random.Int(200000, 899999)}") });
                if (random.Bool(0.5f))
                {
                    contact.Phones.Add(new PartnerContactPhone { Kind = PhoneKind.Mobile, Number = string.Create(CultureInfo.InvariantCulture, $"+3247{random.Int(0, 9)}{random.Int(100000, 999999)}") });
                }

                contacts.Add(contact);
            }
        }

        // The same info@ address may be drawn twice at one company; keep it on the first contact only.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var contact in contacts)
        {
            contact.Emails.RemoveAll(e => !seen.Add(e.Address));
        }

        return contacts;
    }

    public static List<Disclosure> Disclosures(IReadOnlyList<Company> companies, IReadOnlyList<PartnerContact> contacts, DateOnly today)
    {
        var subcontractor = companies.First(c => c.Type == CompanyType.Subcontractor);
        var customerIds = companies.Where(c => c.Type == CompanyType.Customer).Select(c => c.Id).ToHashSet();
        return contacts.Where(c => customerIds.Contains(c.CompanyId)).Take(3).Select((contact, i) => SharedWithSubcontractor(contact, subcontractor,
            i == 0 ? "Netwerkbekabeling nieuw magazijn" : "Installatie Wi-Fi op kantoor", today.AddDays(-30 * (i + 1)),
            today.AddDays(-30 * (i + 1)).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc))).ToList();
    }

    /// <summary>The minimal fields of a saved contact, shared by Sales with a subcontractor for an assignment.</summary>
    public static Disclosure SharedWithSubcontractor(PartnerContact contact, Company subcontractor, string assignment, DateOnly disclosedOn, DateTime recordedAtUtc) => new()
    {
        PartnerContactId = contact.Id,
        SubcontractorId = subcontractor.Id,
        Fields = string.Join(',', Disclosure.Minimal.Order()),
        Assignment = assignment,
        DisclosedOn = disclosedOn,
        RecordedById = DemoStaff.Sales.Id,
        RecordedByName = DemoStaff.Sales.Name,
        RecordedAtUtc = recordedAtUtc,
    };
}

namespace Cisa.Crm.Demo;

/// <summary>
/// A few invented records already past their retention period, so the retention preview of a new demo
/// database has something to show for every rule. Built without the seeder's random generator, so the
/// rest of the demo data stays exactly as it was.
/// </summary>
internal static class DemoRetention
{
    /// <summary>RET-PARTNER: a supplier whose relationship ended eleven years ago.</summary>
    public static Company FormerSupplier(DateTime now, DateOnly today) => new()
    {
        Name = "Drukkerij Van Gorp bv",
        EnterpriseNumber = EnterpriseNumber.FromBase(3_418_205), // below the random range: never drawn for another company
        Type = CompanyType.Supplier,
        Sector = "Grafische sector",
        Street = "Kapelstraat 12",
        PostalCode = "2200",
        City = "Herentals",
        CountryCode = "BE",
        Website = "https://www.drukkerijvangorp.example",
        RelationshipStartedOn = today.AddYears(-19),
        RelationshipEndedOn = today.AddYears(-11),
        CreatedAtUtc = now.AddYears(-19),
        UpdatedAtUtc = now.AddYears(-11),
    };

    /// <summary>Its one contact person: due since one year (ended + 10 years).</summary>
    public static PartnerContact FormerSupplierContact(Company supplier, DateTime now)
    {
        var contact = new PartnerContact
        {
            CompanyId = supplier.Id,
            FirstName = "Ludo",
            LastName = "Van Gorp",
            JobFunction = "Zaakvoerder",
            PreferredLanguage = PreferredLanguage.Dutch,
            LawfulBasis = PartnerLawfulBasis.Contract,
            CreatedAtUtc = now.AddYears(-19),
            UpdatedAtUtc = now.AddYears(-12),
        };
        contact.Emails.Add(new PartnerContactEmail { Address = "ludo.vangorp@drukkerijvangorp.example" });
        contact.Phones.Add(new PartnerContactPhone { Kind = PhoneKind.Office, Number = "+3214219087" });
        return contact;
    }

    /// <summary>RET-PROSPECT: a prospect last called and last updated two years and two months ago.</summary>
    public static Prospect ForgottenProspect(Company company, int assessmentId, DateTime now)
    {
        var lastActivity = now.AddYears(-2).AddMonths(-2);
        return new Prospect
        {
            FirstName = "Hilde",
            LastName = "Vanderstraeten",
            JobTitle = "IT-coördinator",
            CompanyId = company.Id,
            CompanyNameKey = company.NameKey,
            Email = "hilde.vanderstraeten@" + DemoMail.DomainOf(company),
            Phone = "+3214598231",
            Source = ProspectSource.Event,
            SourceDetail = "Vakbeurs ICT Kempen",
            AssessmentId = assessmentId,
            LegitimateInterestNote = new() { Text = "Beslist over de ICT-infrastructuur van het bedrijf.", ById = DemoStaff.SalesColleague.Id, ByName = DemoStaff.SalesColleague.Name, AtUtc = lastActivity.AddDays(-20) },
            OwnerId = DemoStaff.SalesColleague.Id,
            OwnerName = DemoStaff.SalesColleague.Name,
            CreatedAtUtc = lastActivity.AddDays(-20),
            UpdatedAtUtc = lastActivity.AddDays(-20),
            LastCallAtUtc = lastActivity,
        };
    }

    /// <summary>The prospect's one call: after the sweep it stays for the statistics, anonymised.</summary>
    public static Call ForgottenProspectCall(Prospect prospect, DateTime now)
    {
        var at = BrusselsTime.ToUtc(BrusselsTime.FromUtc(prospect.LastCallAtUtc ?? now).Date.AddHours(10));
        prospect.LastCallAtUtc = at;
        return new Call
        {
            ProspectId = prospect.Id,
            CompanyId = prospect.CompanyId,
            OccurredAtUtc = at,
            Direction = CallDirection.Outgoing,
            Outcome = CallOutcome.NotInterested,
            DurationMinutes = 4,
            Report = "Geen interesse: alles wordt centraal beslist door de moedergroep.",
            LoggedById = DemoStaff.SalesColleague.Id,
            LoggedByName = DemoStaff.SalesColleague.Name,
            CreatedAtUtc = at,
            UpdatedAtUtc = at,
        };
    }

    /// <summary>RET-APP-CV and RET-APP-CONTACT: two vacancies closed three and six years ago.</summary>
    public static List<SelectionProcedure> ClosedProcedures(DateOnly today) =>
    [
        DemoRecruitment.Closed(new() { Kind = ProcedureKind.Vacancy, Title = "Projectleider infrastructuur", Department = "Projecten", OpenedOn = today.AddYears(-3).AddMonths(-3) }, today.AddYears(-3), today),
        DemoRecruitment.Closed(new() { Kind = ProcedureKind.Vacancy, Title = "Netwerktechnicus", Department = "Managed services", OpenedOn = today.AddYears(-6).AddMonths(-2) }, today.AddYears(-6), today),
    ];

    /// <summary>
    /// An applicant of the vacancy closed three years ago, with a CV (its CV is due, the contact details
    /// not yet), and one of the vacancy closed six years ago (everything is due).
    /// </summary>
    public static List<Applicant> FormerApplicants(IReadOnlyList<SelectionProcedure> closed, int assessmentId, DateTime now) =>
    [
        Former("Katrien", "Verlinden", "katrien.verlinden@mail.example", "+32496318274", closed[0], assessmentId, now.AddYears(-3).AddMonths(-2)),
        Former("Dirk", "Goossens", "dirk.goossens@mail.example", "+32497805163", closed[1], assessmentId, now.AddYears(-6).AddMonths(-1)),
    ];

    private static Applicant Former(string first, string last, string email, string phone, SelectionProcedure procedure, int assessmentId, DateTime at)
    {
        var applicant = DemoRecruitment.Applicant(first, last, email, phone, ("Markt 7", "2440", "Geel"), ApplicantSource.Vacancy, assessmentId,
            "Solliciteerde op de vacature; profiel past bij de functie.", at);
        applicant.Applications.Add(new Application
        {
            ProcedureId = procedure.Id,
            AppliedOn = procedure.OpenedOn.AddDays(10),
            Outcome = ApplicationOutcome.Rejected,
        });
        return applicant;
    }
}

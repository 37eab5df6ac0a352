namespace Cisa.Crm.Demo;

/// <summary>Invented assessments, prospects and calls for the demo database (Flemish names from Bogus' nl_BE locale).</summary>
internal static class DemoSales
{
    private static readonly string[] JobTitles =
    [
        "IT-manager", "CIO", "Systeembeheerder", "Netwerkbeheerder", "IT-coördinator", "Hoofd ICT", "Security officer",
        "Applicatiebeheerder", "ICT-verantwoordelijke", "Infrastructure lead",
    ];

    private static readonly string[] Reports =
    [
        "Interesse in beheerde back-up; offerte gevraagd tegen eind van de maand.",
        "Huidige leverancier tevreden, contract loopt nog een jaar. Volgend jaar opnieuw bellen.",
        "Wil een demo van onze monitoring voor de servers in Geel.",
        "Geen budget dit kwartaal. Terugbellen na de zomer.",
        "Doorverbonden met de aankoopdienst; zij beslissen over hardware.",
        "Vraag naar Microsoft 365-migratie voor 40 gebruikers.",
        "Afspraak gemaakt voor een kennismaking op kantoor.",
        "Heeft onze mail ontvangen, leest de brochure nog na.",
    ];

    /// <summary>Prospecting (current), trade-fair contacts (past its review date, to show LI-REVIEW) and recruitment.</summary>
    public static List<LegitimateInterestAssessment> Assessments(DateTime now, DateOnly today) =>
    [
        Approved(AssessmentPurpose.Prospecting, "Telefonische prospectie van IT-verantwoordelijken", now.AddMonths(-2), today.AddMonths(10),
            interest: "Nieuwe klanten winnen voor onze ICT-diensten door IT-verantwoordelijken van bedrijven in de regio te bellen.",
            necessity: "Een zakelijk telefoongesprek met de bevoegde persoon is de enige doeltreffende manier om onze diensten toe te lichten; we bewaren alleen zakelijke contactgegevens, het tijdstip en een kort verslag.",
            balancing: "De persoon wordt in zijn professionele rol gecontacteerd, over zijn vakgebied, met gegevens die hij zelf publiek maakte. Bezwaar wordt meteen en blijvend gehonoreerd.",
            safeguards: "Bron wordt vastgelegd; verslag kort en feitelijk; gegevens gewist 2 jaar na het laatste contact; bezwaar leidt tot een onderdrukkingsregel."),
        Approved(AssessmentPurpose.Prospecting, "Contacten van vakbeurzen 2025", now.AddMonths(-13), today.AddDays(-20),
            interest: "Opvolging van bezoekers die op een vakbeurs hun kaartje afgaven.",
            necessity: "Zonder opvolging gaat het gelegde contact verloren.",
            balancing: "De persoon gaf zelf zijn gegevens af en verwacht een opvolging.",
            safeguards: "Eén opvolggesprek; bij geen interesse wordt niet opnieuw gebeld."),
        Approved(AssessmentPurpose.Recruitment, "Bewaren van sollicitaties voor toekomstige vacatures", now.AddMonths(-4), today.AddMonths(8),
            interest: "Kandidaten kunnen betrekken bij huidige en toekomstige selectieprocedures die bij hun profiel passen.",
            necessity: "Een cv en contactgegevens zijn nodig om een kandidaat te kunnen beoordelen en contacteren.",
            balancing: "De kandidaat stuurde zelf zijn gegevens of gaf een bureau de opdracht; bewaring is beperkt in de tijd.",
            safeguards: "Cv gewist 2 jaar na de procedure, contactgegevens na 5 jaar; alleen HR heeft toegang."),
    ];

    /// <summary>An assessment the privacy officer approved at <paramref name="approvedAtUtc"/>, due for review on <paramref name="reviewDueOn"/>.</summary>
    private static LegitimateInterestAssessment Approved(AssessmentPurpose purpose, string title, DateTime approvedAtUtc, DateOnly reviewDueOn,
        string interest, string necessity, string balancing, string safeguards) => new()
    {
        Title = title,
        Purpose = purpose,
        InterestPursued = interest,
        Necessity = necessity,
        BalancingTest = balancing,
        Safeguards = safeguards,
        ReviewDueOn = reviewDueOn,
        ApprovedById = DemoStaff.Privacy.Id, ApprovedByName = DemoStaff.Privacy.Name, ApprovedAtUtc = approvedAtUtc,
    };

    public static List<Prospect> Prospects(Randomizer random, IReadOnlyList<Company> companies, int assessmentId, DateTime now)
    {
        var faker = new Faker("nl_BE") { Random = random };
        var targets = companies.Where(c => c.Type is CompanyType.Prospect or CompanyType.Customer).ToList();
        var prospects = new List<Prospect>();
        var usedEmails = new HashSet<string>(StringComparer.Ordinal);
        foreach (var company in targets)
        {
            var perCompany = random.Int(1, 3);
            for (var i = 0; i < perCompany; i++)
            {
                var first = faker.Name.FirstName();
                var last = faker.Name.LastName();
                var domain = DemoMail.DomainOf(company);
                var email = $"{DemoMail.Slug(first)}.{DemoMail.Slug(last)}@{domain}";
                if (!usedEmails.Add(email))
                {
                    continue;
                }

                var owner = random.Bool(0.7f) ? DemoStaff.Sales : DemoStaff.SalesColleague;
                var created = now.AddDays(-random.Int(20, 400));
                prospects.Add(new Prospect
                {
                    FirstName = first,
                    LastName = last,
                    JobTitle = random.ArrayElement(JobTitles),
                    CompanyId = company.Id,
                    CompanyNameKey = company.NameKey,
                    Email = email,
                    Phone = string.Create(CultureInfo.InvariantCulture, $"+3214{random.Int(200000, 899999)}"),
                    Mobile = random.Bool(0.6f) ? string.Create(CultureInfo.InvariantCulture, $"+3247{random.Int(0, 9)}{random.Int(100000, 999999)}") : null,
                    PreferredLanguage = random.WeightedRandom([PreferredLanguage.Dutch, PreferredLanguage.French, PreferredLanguage.English], [0.8f, 0.1f, 0.1f]),
                    Source = random.WeightedRandom([ProspectSource.CompanyWebsite, ProspectSource.LinkedIn, ProspectSource.Event, ProspectSource.Referral, ProspectSource.Inbound], [0.35f, 0.3f, 0.15f, 0.1f, 0.1f]),
                    AssessmentId = assessmentId,
                    LegitimateInterestNote = new() { Text = "Beslist over de ICT-infrastructuur van het bedrijf.", ById = owner.Id, ByName = owner.Name, AtUtc = created },
                    OwnerId = owner.Id,
                    OwnerName = owner.Name,
                    CreatedAtUtc = created,
                    UpdatedAtUtc = created,
                });
            }
        }

        return prospects;
    }

    /// <summary>Calls over the last twelve weeks; each prospect's latest call sets its follow-up, some due today or overdue.</summary>
    public static List<Call> Calls(Randomizer random, IReadOnlyList<Prospect> prospects, DateTime now, DateOnly today)
    {
        var calls = new List<Call>();
        foreach (var prospect in prospects)
        {
            var count = random.Int(0, 5);
            var moments = Enumerable.Range(0, count).Select(_ => now.AddMinutes(-random.Int(60, 84 * 24 * 60))).Order().ToList();
            foreach (var moment in moments)
            {
                var brussels = BrusselsTime.FromUtc(moment);
                var workingHour = BrusselsTime.ToUtc(brussels.Date.AddHours(random.Int(8, 17)).AddMinutes(random.Int(0, 59)));
                var logger = random.Bool(0.6f) ? DemoStaff.Sales : DemoStaff.SalesColleague;
                var outcome = random.Enum<CallOutcome>();
                calls.Add(new Call
                {
                    ProspectId = prospect.Id,
                    CompanyId = prospect.CompanyId,
                    OccurredAtUtc = workingHour > now ? now.AddHours(-1) : workingHour,
                    Direction = random.Bool(0.85f) ? CallDirection.Outgoing : CallDirection.Incoming,
                    Outcome = outcome,
                    DurationMinutes = outcome is CallOutcome.NoAnswer or CallOutcome.Voicemail or CallOutcome.WrongNumber ? null : random.Int(2, 25),
                    Report = outcome is CallOutcome.NoAnswer ? "" : random.ArrayElement(Reports),
                    LoggedById = logger.Id,
                    LoggedByName = logger.Name,
                    CreatedAtUtc = workingHour,
                    UpdatedAtUtc = workingHour,
                });
            }

            if (calls.Count > 0 && calls[^1].ProspectId == prospect.Id)
            {
                var last = calls[^1];
                if (last.Outcome is CallOutcome.CallBack or CallOutcome.Voicemail or CallOutcome.MeetingBooked)
                {
                    last.FollowUpOn = today.AddDays(random.Int(-5, 14));
                }

                prospect.LastCallAtUtc = last.OccurredAtUtc;
                prospect.FollowUpOn = last.FollowUpOn;
                prospect.FollowUpOwnerId = last.FollowUpOn is null ? null : last.LoggedById;
            }
        }

        return calls;
    }
}

namespace Cisa.Crm.Demo;

/// <summary>
/// Demo data for the data-subject requests (DSR-*), added after the random data so that stays the same:
/// one person who is both a customer's contact person (shared once with a subcontractor) and a job
/// applicant, so that DSR-FIND has something to find across categories; an open request, received a few
/// days ago, whose e-mail is a demo prospect's; and a request that was answered weeks ago.
/// </summary>
internal static class DemoRequests
{
    /// <summary>The person held both as a customer's contact person and as an applicant.</summary>
    public const string BothFirstName = "Marieke";

    public const string BothLastName = "Verbiest";

    public const string BothPrivateEmail = "marieke.verbiest@mail.example";

    public const string BothMobile = "+32478123456";

    public static async Task SeedAsync(CrmDbContext db, IReadOnlyList<Company> companies, IReadOnlyList<Prospect> prospects,
        IReadOnlyList<SelectionProcedure> procedures, int recruitmentAssessmentId, ICvProtector cvProtector, DateTime now, DateOnly today,
        CancellationToken cancellationToken)
    {
        var customer = companies.First(c => c.Type == CompanyType.Customer && c.RelationshipEndedOn is null);
        var contact = new PartnerContact
        {
            CompanyId = customer.Id,
            FirstName = BothFirstName,
            LastName = BothLastName,
            JobFunction = "Office manager",
            LawfulBasis = PartnerLawfulBasis.Contract,
            CreatedAtUtc = now.AddDays(-400),
            UpdatedAtUtc = now.AddDays(-400),
        };
        contact.Emails.Add(new PartnerContactEmail { Address = $"marieke.verbiest@{DemoMail.DomainOf(customer)}" });
        contact.Phones.Add(new PartnerContactPhone { Kind = PhoneKind.Office, Number = "+3214502010" });
        contact.Phones.Add(new PartnerContactPhone { Kind = PhoneKind.Mobile, Number = BothMobile });
        db.PartnerContacts.Add(contact);

        var pool = procedures.First(p => p.Kind == ProcedureKind.SpontaneousPool);
        var applicant = DemoRecruitment.Applicant(BothFirstName, BothLastName, BothPrivateEmail, BothMobile, ("Kapelstraat 12", "2260", "Westerlo"),
            ApplicantSource.Spontaneous, recruitmentAssessmentId, "Spontane sollicitatie als projectcoördinator; ervaring met klantenopvolging.", now.AddDays(-60));
        applicant.Applications.Add(new Application { ProcedureId = pool.Id, AppliedOn = today.AddDays(-60) });
        db.Applicants.Add(applicant);
        await db.SaveChangesAsync(cancellationToken);

        db.ApplicantCvs.Add(DemoRecruitment.InventedCv(applicant, cvProtector));
        db.Disclosures.Add(DemoPartners.SharedWithSubcontractor(contact, companies.First(c => c.Type == CompanyType.Subcontractor), "Migratie mailserver",
            today.AddDays(-15), now.AddDays(-15)));

        db.SubjectRequests.AddRange(Requests(prospects.First(p => p.Email is not null && !p.IsRestricted), now, today));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An erasure request from someone the CRM holds nothing about, answered; and an open access-and-objection request from a prospect.</summary>
    private static List<SubjectRequest> Requests(Prospect prospect, DateTime now, DateOnly today)
    {
        var numbers = new Dictionary<int, int>();
        string Reference(DateOnly received)
        {
            numbers[received.Year] = numbers.GetValueOrDefault(received.Year) + 1;
            return string.Create(CultureInfo.InvariantCulture, $"DSR-{received.Year}-{numbers[received.Year]:0000}");
        }

        var answeredOn = today.AddDays(-45);
        var answered = new SubjectRequest
        {
            Reference = Reference(answeredOn),
            Rights = RequestedRights.Erasure,
            Channel = RequestChannel.Letter,
            ReceivedOn = answeredOn,
            DueOn = RequestDeadline.DueOn(answeredOn),
            RequesterName = "Wim Desmedt",
            RequesterEmail = "wim.desmedt@mail.example",
            RequesterAddress = "Lindelaan 4, 2440 Geel",
            Language = ReplyLanguage.Dutch,
            RequestText = "Ik vraag u al mijn persoonsgegevens te wissen.",
            CreatedById = DemoStaff.Privacy.Id,
            CreatedByName = DemoStaff.Privacy.Name,
            CreatedAtUtc = now.AddDays(-45),
        };
        answered.Verify(IdentityMethod.IdentityDocument, "Identiteitskaart getoond in een videogesprek; geen kopie bewaard.",
            DemoStaff.ToActor(DemoStaff.Privacy), now.AddDays(-40));
        answered.Answer(ReplyDraft.Compose(answered, []), answeredOn.AddDays(8));

        var openOn = today.AddDays(-4);
        var open = new SubjectRequest
        {
            Reference = Reference(openOn),
            Rights = RequestedRights.Access | RequestedRights.ObjectionToProcessing,
            Channel = RequestChannel.Email,
            ReceivedOn = openOn,
            DueOn = RequestDeadline.DueOn(openOn),
            RequesterName = $"{prospect.FirstName} {prospect.LastName}",
            RequesterEmail = prospect.Email,
            Language = ReplyLanguage.Dutch,
            RequestText = "Ik word geregeld gebeld door uw verkopers. Welke gegevens hebt u over mij? En ik wil niet meer gebeld worden.",
            CreatedById = DemoStaff.Privacy.Id,
            CreatedByName = DemoStaff.Privacy.Name,
            CreatedAtUtc = now.AddDays(-4),
        };
        return [answered, open];
    }
}

using System.Text;

namespace Cisa.Crm.Demo;

/// <summary>Invented selection procedures and applicants (some sent by an agency, some with a CV) for the demo database.</summary>
internal static class DemoRecruitment
{
    public static List<SelectionProcedure> Procedures(DateOnly today) =>
    [
        new() { Kind = ProcedureKind.Vacancy, Title = "Systeembeheerder Windows/Linux", Department = "Managed services", OpenedOn = today.AddDays(-40) },
        Closed(new() { Kind = ProcedureKind.Vacancy, Title = "Servicedesk-medewerker", Department = "Support", OpenedOn = today.AddMonths(-26) }, today.AddMonths(-23).AddDays(-20), today),
        new() { Kind = ProcedureKind.SpontaneousPool, Title = "Spontane sollicitaties", OpenedOn = today.AddYears(-3) },
    ];

    /// <summary>A procedure closed on <paramref name="endedOn"/> before any applicant joined it (their outcomes are seeded with them).</summary>
    public static SelectionProcedure Closed(SelectionProcedure procedure, DateOnly endedOn, DateOnly today)
    {
        procedure.Close(endedOn, today, [], new Dictionary<int, ApplicationOutcome>());
        return procedure;
    }

    public static List<Applicant> Applicants(Randomizer random, IReadOnlyList<SelectionProcedure> procedures, IReadOnlyList<Company> companies,
        IReadOnlyList<PartnerContact> contacts, int assessmentId, DateTime now)
    {
        var faker = new Faker("nl_BE") { Random = random };
        var agency = companies.First(c => c.Type == CompanyType.RecruitmentAgency);
        var agencyContact = contacts.First(c => c.CompanyId == agency.Id);
        var applicants = new List<Applicant>();
        for (var i = 0; i < 9; i++)
        {
            var procedure = procedures[i % procedures.Count];
            var source = i % 3 == 0 ? ApplicantSource.RecruitmentAgency : procedure.Kind == ProcedureKind.Vacancy ? ApplicantSource.Vacancy : ApplicantSource.Spontaneous;
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var applicant = new Applicant
            {
                FirstName = first,
                LastName = last,
                Email = $"{DemoMail.Slug(first)}.{DemoMail.Slug(last)}{i}@mail.example",
                Phone = string.Create(CultureInfo.InvariantCulture, $"+3249{random.Int(0, 9)}{random.Int(100000, 999999)}"),
                City = random.ArrayElement(["Herentals", "Geel", "Turnhout", "Mol", "Lier"]),
                PostalCode = "2200",
                Street = $"Dorpsstraat {random.Int(1, 90)}",
                Source = source,
                AgencyId = source == ApplicantSource.RecruitmentAgency ? agency.Id : null,
                AgencyContactId = source == ApplicantSource.RecruitmentAgency ? agencyContact.Id : null,
                AssessmentId = assessmentId,
                LegitimateInterestNote = new() { Text = "Profiel past bij de ICT-functies waarvoor we aanwerven.", ById = DemoStaff.HR.Id, ByName = DemoStaff.HR.Name, AtUtc = now.AddDays(-random.Int(5, 300)) },
                CreatedAtUtc = now.AddDays(-random.Int(5, 300)),
                UpdatedAtUtc = now,
            };
            applicant.Applications.Add(new Application
            {
                ProcedureId = procedure.Id,
                AppliedOn = procedure.OpenedOn.AddDays(random.Int(1, 20)),
                Outcome = procedure.EndedOn is null ? null : random.ArrayElement([ApplicationOutcome.Rejected, ApplicationOutcome.KeptForFuture, ApplicationOutcome.Withdrawn]),
            });
            applicants.Add(applicant);
        }

        return applicants;
    }

    /// <summary>An applicant entered by HR at <paramref name="at"/>, with HR's note on why the profile fits.</summary>
    public static Applicant Applicant(string first, string last, string email, string phone, (string Street, string PostalCode, string City) address,
        ApplicantSource source, int assessmentId, string note, DateTime at) => new()
    {
        FirstName = first,
        LastName = last,
        Email = email,
        Phone = phone,
        Street = address.Street,
        PostalCode = address.PostalCode,
        City = address.City,
        Source = source,
        AssessmentId = assessmentId,
        LegitimateInterestNote = new() { Text = note, ById = DemoStaff.HR.Id, ByName = DemoStaff.HR.Name, AtUtc = at },
        CreatedAtUtc = at,
        UpdatedAtUtc = at,
    };

    /// <summary>An invented PDF CV of a saved applicant, protected and stamped as if HR uploaded it when entering the applicant.</summary>
    public static ApplicantCv InventedCv(Applicant applicant, ICvProtector cvProtector)
    {
        var pdf = InventedCv($"{applicant.FirstName} {applicant.LastName}");
        return new ApplicantCv
        {
            ApplicantId = applicant.Id, FileName = $"cv-{applicant.LastName.ToLowerInvariant()}.pdf", ContentType = CvFile.Pdf, SizeBytes = pdf.Length,
            ProtectedContent = cvProtector.Protect(pdf), UploadedAtUtc = applicant.CreatedAtUtc, UploadedById = DemoStaff.HR.Id, UploadedByName = DemoStaff.HR.Name,
        };
    }

    /// <summary>A small, valid PDF saying that it is an invented CV.</summary>
    private static byte[] InventedCv(string name) => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
        $"4 0 obj<</Length 60>>stream\nBT /F1 18 Tf 72 760 Td (Demo CV - {Ascii(name)}) Tj ET\nendstream endobj\n" +
        "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static string Ascii(string text) => new(ContactNormaliser.SearchKey(text).Where(c => c is >= ' ' and <= '~' and not '(' and not ')').ToArray());
}

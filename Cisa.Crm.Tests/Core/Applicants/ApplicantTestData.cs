using System.IO.Compression;
using System.Text;
using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Core.Partners;
using Cisa.Crm.Tests.Core.People;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Applicants;

/// <summary>
/// Builds HR data through the core services, as HR would: procedures with <see cref="ProcedureService"/>,
/// applicants with <see cref="ApplicantService"/>; the recruitment assessment as the privacy officer and
/// agencies with their contact persons through <see cref="PartnerData"/>. The caller's actor is restored afterwards.
/// </summary>
public sealed class ApplicantData(TestDatabase db)
{
    public const string Note = "Applied for a role that fits the profile; kept for this and similar procedures.";

    /// <summary>A text marker inside every test CV, to look for in the stored bytes.</summary>
    public const string CvMarker = "JAN-JANSSENS-CURRICULUM-VITAE-MARKER";

    private readonly SalesData _sales = new(db);
    private readonly PartnerData _partners = new(db);

    private int _next;

    public Task<T> AsAsync<T>(CrmActor actor, Func<Task<T>> action) => _sales.AsAsync(actor, action);

    public Task<int> RecruitmentAssessmentAsync(string title = "Recruitment and talent pool", DateOnly? reviewDueOn = null) =>
        _sales.AssessmentAsync(title, reviewDueOn, AssessmentPurpose.Recruitment);

    public Task<int> ProcedureAsync(string title = "Network engineer", DateOnly? openedOn = null, ProcedureKind kind = ProcedureKind.Vacancy) =>
        AsAsync(SalesPeople.Hr, () => db.Get<ProcedureService>().OpenAsync(new ProcedureInput(kind, title, "Infrastructure", openedOn)));

    /// <summary>A valid spontaneous-or-vacancy applicant with a unique e-mail address and no phone.</summary>
    public ApplicantInput Applicant(int procedureId, int assessmentId, ApplicantSource source = ApplicantSource.Vacancy)
    {
        var n = ++_next;
        return new ApplicantInput
        {
            FirstName = "Jan",
            LastName = $"Janssens{n}",
            Email = $"jan.janssens{n}@example.be",
            Source = source,
            AssessmentId = assessmentId,
            LegitimateInterestNote = Note,
            ProcedureId = procedureId,
        };
    }

    public Task<int> ApplicantAsync(ApplicantInput input) =>
        AsAsync(SalesPeople.Hr, () => db.Get<ApplicantService>().CreateAsync(input));

    public Task<int> CompanyAsync(string name, CompanyType type) => _partners.CompanyAsync(name, type);

    /// <summary>A partner contact person at <paramref name="companyId"/>, created by Sales.</summary>
    public Task<int> ContactAtAsync(int companyId) => _partners.ContactAsync(_partners.Contact(companyId));

    /// <summary>Closes the procedure as HR with one outcome for every applicant in it.</summary>
    public async Task CloseAsync(int procedureId, DateOnly? endedOn = null, ApplicationOutcome outcome = ApplicationOutcome.Rejected)
    {
        await using var context = db.CreateContext();
        var procedure = await context.SelectionProcedures.AsNoTracking().SingleAsync(p => p.Id == procedureId);
        var outcomes = await context.Applications.Where(a => a.ProcedureId == procedureId).ToDictionaryAsync(a => a.ApplicantId, _ => outcome);
        await AsAsync(SalesPeople.Hr, async () =>
        {
            await db.Get<ProcedureService>().CloseAsync(procedureId, outcomes, procedure.ConcurrencyStamp, endedOn);
            return true;
        });
    }

    public async Task ReopenAsync(int procedureId)
    {
        await using var context = db.CreateContext();
        var procedure = await context.SelectionProcedures.AsNoTracking().SingleAsync(p => p.Id == procedureId);
        await AsAsync(SalesPeople.Hr, async () =>
        {
            await db.Get<ProcedureService>().ReopenAsync(procedureId, procedure.ConcurrencyStamp);
            return true;
        });
    }

    public async Task<SelectionProcedure> ProcedureRowAsync(int procedureId)
    {
        await using var context = db.CreateContext();
        return await context.SelectionProcedures.AsNoTracking().SingleAsync(p => p.Id == procedureId);
    }

    public Task UploadCvAsync(int applicantId, string fileName = "cv.pdf", byte[]? content = null) =>
        AsAsync(SalesPeople.Hr, async () =>
        {
            await db.Get<ApplicantService>().UploadCvAsync(applicantId, fileName, content ?? Pdf());
            return true;
        });

    /// <summary>A small but real PDF 1.4 document holding <see cref="CvMarker"/> as plain text.</summary>
    public static byte[] Pdf(string text = CvMarker) => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n"
        + $"4 0 obj << /Length {text.Length + 24} >> stream\nBT /F1 12 Tf 72 712 Td ({text}) Tj ET\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The smallest package Word opens: the content types and the main document part.</summary>
    public static byte[] Docx(string text = CvMarker)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Write(zip, "word/document.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + $"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>");
        }

        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    public Task RestrictAsync(int applicantId) => db.RestrictAsync<Applicant>(applicantId);

    public Task SuppressAsync(string? email, string? phone = null) => db.SuppressAsync(email, phone, "REQ-APPLICANT-1");

    public async Task<ApplicantCv?> StoredCvAsync(int applicantId)
    {
        await using var context = db.CreateContext();
        return await context.ApplicantCvs.AsNoTracking().SingleOrDefaultAsync(c => c.ApplicantId == applicantId);
    }

    public Task<List<AuditEntry>> AuditAsync(string action) => _sales.AuditAsync(action);

    public Task<int> CountAsync<T>()
        where T : class => _sales.CountAsync<T>();
}

/// <summary>
/// A fresh migrated database per test with one approved Recruitment assessment (due in 12 months) and one
/// open vacancy, opened 1 January 2024 (and, for a class that asks, one applicant in it); the caller is Hanne of HR.
/// </summary>
public abstract class ApplicantTestBase(bool withApplicant = false) : CoreTestBase<ApplicantData>(db => new ApplicantData(db), SalesPeople.Hr)
{
    protected static readonly DateOnly LongAgo = new(2024, 1, 1);

    protected int AssessmentId { get; private set; }

    protected int VacancyId { get; private set; }

    /// <summary>The applicant created before each test when the class asked for one.</summary>
    protected int ApplicantId { get; private set; }

    protected ApplicantService Applicants => Db.Get<ApplicantService>();

    protected ProcedureService Procedures => Db.Get<ProcedureService>();

    protected override async Task SeedAsync()
    {
        AssessmentId = await Data.RecruitmentAssessmentAsync();
        VacancyId = await Data.ProcedureAsync(openedOn: LongAgo);
        if (withApplicant)
        {
            ApplicantId = await Data.ApplicantAsync(NewApplicant());
        }
    }

    protected ApplicantInput NewApplicant(int? procedureId = null, ApplicantSource source = ApplicantSource.Vacancy) =>
        Data.Applicant(procedureId ?? VacancyId, AssessmentId, source);

    protected Task<int> CreateApplicantAsync(ApplicantInput? input = null) => Applicants.CreateAsync(input ?? NewApplicant());
}

using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Erasure;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.People;

/// <summary>CAT-APPLICANT: a person who applied (or was put forward by an agency); e-mail and phone on the row, a CV of their own.</summary>
internal sealed class ApplicantCategory() : PersonCategoryBase<Applicant>(
    PersonCategory.Applicant,
    Permission.ApplicantsRead,
    "Badge",
    [RetentionRule.ApplicantCv, RetentionRule.ApplicantContact],
    new PersonSearchTable(
        "Applicants",
        "NULL",
        "t.Phone = $phone",
        match => (match.Replace("{column}", "t.Email", StringComparison.Ordinal), "t.Email")))
{
    public override string PagePath(int id) => $"/hr/applicants/{id}";

    public override Task<List<PersonLabel>> LabelsAsync(CrmDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        db.Applicants.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new PersonLabel(new PersonRef(PersonCategory.Applicant, p.Id), p.FirstName + " " + p.LastName, null, p.IsRestricted))
            .ToListAsync(cancellationToken);

    /// <summary>The end of the applicant's last procedure (one still open has no end, so no expiry yet).</summary>
    public override async Task<Dictionary<int, RetentionAnchor>> RetentionAnchorsAsync(CrmDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.Applications.Where(a => ids.Contains(a.ApplicantId)).GroupBy(a => a.ApplicantId)
            .Select(g => new { Id = g.Key, Ended = g.Max(a => a.Procedure!.EndedOn) }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id, a => new RetentionAnchor(null, null, a.Ended));

    protected override (IReadOnlyList<string> Emails, IReadOnlyList<string> Phones) ContactPoints(Applicant record) =>
        (Present(record.Email), Present(record.Phone));

    protected override void RectifyContactPoints(Applicant record, RequestDecision decision, FieldChanges changes, DateTime now)
    {
        changes.Apply("Email", record.Email, decision.NewEmail ?? record.Email, v => record.Email = v);
        changes.Apply("Phone", record.Phone, decision.NewPhone ?? record.Phone, v => record.Phone = v);
        record.UpdatedAtUtc = now;
    }

    /// <summary>The applicant with applications, HR notes and CV goes.</summary>
    public override async Task<IReadOnlyList<ErasedPerson>> EraseAsync(CrmDbContext db, int[] batch, CancellationToken cancellationToken)
    {
        var applications = await PersonEraser.CountPerPersonAsync(db.Applications.Where(a => EF.Parameter(batch).Contains(a.ApplicantId)).Select(a => a.ApplicantId), cancellationToken);
        var cvs = (await db.ApplicantCvs.Where(c => EF.Parameter(batch).Contains(c.ApplicantId)).Select(c => c.ApplicantId).ToListAsync(cancellationToken)).ToHashSet();
        await db.ApplicantCvs.Where(c => EF.Parameter(batch).Contains(c.ApplicantId)).ExecuteDeleteAsync(cancellationToken);
        await db.Applications.Where(a => EF.Parameter(batch).Contains(a.ApplicantId)).ExecuteDeleteAsync(cancellationToken);
        await PersonEraser.DeleteHoldsAsync(db, Category, batch, cancellationToken);
        var deleted = await db.Applicants.Where(a => EF.Parameter(batch).Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        await db.Applicants.Where(a => EF.Parameter(batch).Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        return deleted.Select(id => PersonEraser.Erased(Category, id,
            ("applications", applications.GetValueOrDefault(id)), ("cv", cvs.Contains(id) ? 1 : 0))).ToList();
    }

    /// <summary>RET-APP-CV: the CV only; the applicant stays.</summary>
    public async Task<IReadOnlyList<ErasedPerson>> EraseCvsAsync(CrmDbContext db, int[] batch, CancellationToken cancellationToken)
    {
        var withCv = await db.ApplicantCvs.Where(c => EF.Parameter(batch).Contains(c.ApplicantId)).Select(c => c.ApplicantId).ToListAsync(cancellationToken);
        await db.ApplicantCvs.Where(c => EF.Parameter(batch).Contains(c.ApplicantId)).ExecuteDeleteAsync(cancellationToken);
        return withCv.Select(id => PersonEraser.Erased(Category, id, ("cv", 1))).ToList();
    }

    public override async Task<List<FoundPerson>> FoundAsync(CrmDbContext db, IReadOnlyDictionary<int, MatchedOn> matches, CancellationToken cancellationToken)
    {
        var ids = matches.Keys.ToList();
        var applicants = await db.Applicants.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.FirstName, p.LastName, p.Email, p.Phone, p.IsRestricted,
                Applications = p.Applications.Count,
                HasCv = db.ApplicantCvs.Any(c => c.ApplicantId == p.Id),
            })
            .ToListAsync(cancellationToken);
        return applicants.Select(p => new FoundPerson(new PersonRef(Category, p.Id), $"{p.FirstName} {p.LastName}", null,
            Present(p.Email), Present(p.Phone), matches[p.Id], 0, 0, p.Applications, p.HasCv, p.IsRestricted)).ToList();
    }

    public override IEnumerable<(string TextKey, int? Count)> Related(FoundPerson found) =>
        found.HasCv ? [("Find.Applications", found.Applications), ("Find.Cv", null)] : [("Find.Applications", found.Applications)];

    public override async Task<ReportRecord?> AccessReportAsync(AccessReportBuilder report, ReplyLanguage language, int id, CancellationToken cancellationToken)
    {
        var (db, retention) = (report.Db, report.Retention);
        string T(string key, params object[] args) => AccessReportTexts.Get(language, key, args);
        var a = await db.Applicants.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (a is null)
        {
            return null;
        }

        var applications = await db.Applications.AsNoTracking().Where(x => x.ApplicantId == id).OrderBy(x => x.AppliedOn)
            .Select(x => new { x.Procedure!.Title, x.Procedure.Kind, x.AppliedOn, x.Procedure.EndedOn, x.Outcome, x.Notes }).ToListAsync(cancellationToken);
        // The spontaneous pool is named by its kind in the reply's language, whatever title it was stored with.
        string ProcedureName(string title, ProcedureKind kind) => kind == ProcedureKind.SpontaneousPool ? T("Procedure.SpontaneousPool") : title;
        var cv = await db.ApplicantCvs.AsNoTracking().Where(x => x.ApplicantId == id).Select(x => new { x.FileName, x.UploadedAtUtc }).SingleOrDefaultAsync(cancellationToken);
        var assessment = await db.Assessments.AsNoTracking().Where(x => x.Id == a.AssessmentId).Select(x => x.InterestPursued).SingleAsync(cancellationToken);
        var agency = a.AgencyId is { } agencyId ? await db.Companies.Where(x => x.Id == agencyId).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var source = a.Source switch
        {
            ApplicantSource.RecruitmentAgency => T("Source.RecruitmentAgency", agency ?? "?"),
            ApplicantSource.Vacancy => T("Source.Vacancy", applications.FirstOrDefault() is { } first ? ProcedureName(first.Title, first.Kind) : "?"),
            _ => T("Source.Spontaneous"),
        };
        var expiry = RetentionPolicy.ApplicantExpiry(applications.Select(x => x.EndedOn), retention);
        var entries = new List<ReportEntry>
        {
            new(T("Name"), $"{a.FirstName} {a.LastName}"),
            new(T("Email"), a.Email ?? T("None")),
            new(T("Phone"), AccessReportBuilder.Phone(a.Phone) ?? T("None")),
            new(T("Address"), a.Street is null ? T("None") : $"{a.Street}, {a.PostalCode} {a.City}, {a.CountryCode}"),
            new(T("Language"), AccessReportTexts.Name(language, a.PreferredLanguage)),
            new(T("Purpose"), T("Purpose.Applicant")),
            new(T("LawfulBasis"), T("Basis.LegitimateInterest")),
            new(T("LegitimateInterest"), $"{assessment} — {a.LegitimateInterestNote.Text}"),
            new(T("Source"), source),
            new(T("Recipients"), T("Recipients.None")),
            new(T("Cv"), cv is null ? T("None") : T("Cv.Held", cv.FileName, AccessReportTexts.Date(language, DateOnly.FromDateTime(BrusselsTime.FromUtc(cv.UploadedAtUtc))))),
            new(T("Retention"), expiry is { CvUntil: { } cvUntil, ContactUntil: { } contactUntil }
                ? T("Retention.ApplicantClosed", AccessReportTexts.Date(language, cvUntil), AccessReportTexts.Date(language, contactUntil))
                : T("Retention.ApplicantOpen", retention.ApplicantCvYearsAfterProcedure, retention.ApplicantContactYearsAfterProcedure)),
            new(T("Restricted"), a.IsRestricted ? T("Yes") : T("No")),
        };
        var lists = new List<ReportList>
        {
            new(T("Applications"), [T("Col.Procedure"), T("Col.AppliedOn"), T("Col.EndedOn"), T("Col.Outcome"), T("Notes")],
                applications.Select(x => (IReadOnlyList<string>)[ProcedureName(x.Title, x.Kind), AccessReportTexts.Date(language, x.AppliedOn),
                    x.EndedOn is { } e ? AccessReportTexts.Date(language, e) : "", x.Outcome is { } outcome ? AccessReportTexts.Name(language, outcome) : "", x.Notes ?? ""]).ToList()),
        };
        return new ReportRecord(T("Category.Applicant"), $"{a.FirstName} {a.LastName}", entries, lists);
    }
}

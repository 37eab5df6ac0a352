using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>Builds the DSR-ACCESS report of the confirmed records: data, purpose, basis, source, recipients, retention, rights.</summary>
internal sealed class AccessReportBuilder(CrmDbContext db, RetentionOptions retention, DateOnly today)
{
    public async Task<AccessReport> BuildAsync(SubjectRequest request, IReadOnlyList<PersonRef> people, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var records = new List<ReportRecord>();
        foreach (var person in people)
        {
            var record = person.Category switch
            {
                PersonCategory.Prospect => await ProspectAsync(language, person.Id, cancellationToken),
                PersonCategory.PartnerContact => await ContactAsync(language, person.Id, cancellationToken),
                PersonCategory.Applicant => await ApplicantAsync(language, person.Id, cancellationToken),
                _ => null,
            };
            if (record is not null)
            {
                records.Add(record);
            }
        }

        string T(string key, params object[] args) => AccessReportTexts.Get(language, key, args);
        var general = new List<ReportEntry>
        {
            new(T("Categories"), records.Count == 0 ? T("NoRecords") : string.Join(", ", records.Select(r => r.Category).Distinct())),
            new(T("Rights"), T("Rights.Text")),
            new(T("Authority"), T("Authority.Text")),
            new(T("Controller"), T("ControllerContact")),
        };
        return new AccessReport(request.Reference, language == ReplyLanguage.Dutch ? "nl" : "en", today, T("Title"),
            T("Intro", request.Reference, AccessReportTexts.Date(language, request.ReceivedOn)), request.RequesterName, records, general);
    }

    private async Task<ReportRecord?> ProspectAsync(ReplyLanguage language, int id, CancellationToken cancellationToken)
    {
        string T(string key, params object[] args) => AccessReportTexts.Get(language, key, args);
        var p = await db.Prospects.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { Prospect = x, Company = x.Company!.Name, x.Assessment!.Title, x.Assessment.InterestPursued })
            .SingleOrDefaultAsync(cancellationToken);
        if (p is null)
        {
            return null;
        }

        var prospect = p.Prospect;
        var calls = await db.Calls.AsNoTracking().Where(c => c.ProspectId == id).OrderBy(c => c.OccurredAtUtc)
            .Select(c => new { c.OccurredAtUtc, c.Outcome, c.Report }).ToListAsync(cancellationToken);
        var source = T("Source." + prospect.Source) + (prospect.SourceDetail is { } detail ? $" ({detail})" : "");
        var entries = new List<ReportEntry>
        {
            new(T("Name"), $"{prospect.FirstName} {prospect.LastName}"),
            new(T("JobTitle"), prospect.JobTitle ?? T("None")),
            new(T("Company"), p.Company),
            new(T("Email"), prospect.Email ?? T("None")),
            new(T("Phone"), Phone(prospect.Phone) ?? T("None")),
            new(T("Mobile"), Phone(prospect.Mobile) ?? T("None")),
            new(T("Language"), AccessReportTexts.Name(language, prospect.PreferredLanguage)),
            new(T("Purpose"), T("Purpose.Prospect")),
            new(T("LawfulBasis"), T("Basis.LegitimateInterest")),
            new(T("LegitimateInterest"), $"{p.InterestPursued} — {prospect.LegitimateInterestNote.Text}"),
            new(T("Source"), source),
            new(T("Recipients"), T("Recipients.None")),
            new(T("Retention"), T("Retention.Prospect", retention.ProspectYearsAfterLastActivity,
                AccessReportTexts.Date(language, RetentionPolicy.ProspectExpiry(prospect.UpdatedAtUtc, prospect.LastCallAtUtc, retention)))),
            new(T("Restricted"), prospect.IsRestricted ? T("Yes") : T("No")),
        };
        var lists = new List<ReportList>
        {
            new(T("Calls"), [T("Col.When"), T("Col.Outcome"), T("Col.Report")],
                calls.Select(c => (IReadOnlyList<string>)[When(language, c.OccurredAtUtc), AccessReportTexts.Name(language, c.Outcome), c.Report]).ToList()),
        };
        return new ReportRecord(T("Category.Prospect"), $"{prospect.FirstName} {prospect.LastName} — {p.Company}", entries, lists);
    }

    private async Task<ReportRecord?> ContactAsync(ReplyLanguage language, int id, CancellationToken cancellationToken)
    {
        string T(string key, params object[] args) => AccessReportTexts.Get(language, key, args);
        var c = await db.PartnerContacts.AsNoTracking().Include(x => x.Emails).Include(x => x.Phones).Include(x => x.Addresses).Include(x => x.Company)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var disclosures = await db.Disclosures.AsNoTracking().Where(d => d.PartnerContactId == id).OrderBy(d => d.DisclosedOn)
            .Join(db.Companies, d => d.SubcontractorId, co => co.Id, (d, co) => new { d.DisclosedOn, Recipient = co.Name, d.Fields, d.Assignment })
            .ToListAsync(cancellationToken);
        var ended = c.Company!.RelationshipEndedOn;
        var until = RetentionPolicy.PartnerContactExpiry(ended, today, retention);
        var entries = new List<ReportEntry>
        {
            new(T("Name"), $"{c.FirstName} {c.LastName}"),
            new(T("JobTitle"), c.JobFunction ?? T("None")),
            new(T("Company"), c.Company.Name),
            new(T("Email"), c.Emails.Count == 0 ? T("None") : string.Join(", ", c.Emails.Select(e => e.Address))),
            new(T("Phone"), c.Phones.Count == 0 ? T("None") : string.Join(", ", c.Phones.Select(e => Phone(e.Number)))),
            new(T("Address"), c.Addresses.Count == 0 ? T("None") : string.Join("; ", c.Addresses.Select(a => $"{a.Street}, {a.PostalCode} {a.City}, {a.CountryCode}"))),
            new(T("Language"), AccessReportTexts.Name(language, c.PreferredLanguage)),
            new(T("Notes"), c.Notes ?? T("None")),
            new(T("Purpose"), T("Purpose.PartnerContact")),
            new(T("LawfulBasis"), c.LawfulBasis == PartnerLawfulBasis.Contract ? T("Basis.Contract") : T("Basis.LegitimateInterest")),
            new(T("Source"), T("Source.Partner")),
            new(T("Recipients"), disclosures.Count == 0 ? T("Recipients.None") : string.Join(", ", disclosures.Select(d => d.Recipient).Distinct())),
            new(T("Retention"), until is { } date
                ? T("Retention.PartnerEnded", retention.PartnerContactYearsAfterRelationship, AccessReportTexts.Date(language, date))
                : T("Retention.PartnerActive", retention.PartnerContactYearsAfterRelationship)),
            new(T("Restricted"), c.IsRestricted ? T("Yes") : T("No")),
        };
        var lists = new List<ReportList>
        {
            new(T("Disclosures"), [T("Col.When"), T("Col.Recipient"), T("Col.Fields"), T("Col.Assignment")],
                disclosures.Select(d => (IReadOnlyList<string>)[AccessReportTexts.Date(language, d.DisclosedOn), d.Recipient, FieldNames(language, d.Fields), d.Assignment]).ToList()),
        };
        return new ReportRecord(T("Category.PartnerContact"), $"{c.FirstName} {c.LastName} — {c.Company.Name}", entries, lists);
    }

    private async Task<ReportRecord?> ApplicantAsync(ReplyLanguage language, int id, CancellationToken cancellationToken)
    {
        string T(string key, params object[] args) => AccessReportTexts.Get(language, key, args);
        var a = await db.Applicants.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (a is null)
        {
            return null;
        }

        var applications = await db.Applications.AsNoTracking().Where(x => x.ApplicantId == id).OrderBy(x => x.AppliedOn)
            .Select(x => new { x.Procedure!.Title, x.Procedure.Kind, x.AppliedOn, x.Procedure.EndedOn, x.Outcome, x.Notes }).ToListAsync(cancellationToken);
        // The spontaneous pool is named by its kind in the reply's language, whatever title it was stored with.
        string ProcedureName(string title, Applicants.ProcedureKind kind) => kind == Applicants.ProcedureKind.SpontaneousPool ? T("Procedure.SpontaneousPool") : title;
        var cv = await db.ApplicantCvs.AsNoTracking().Where(x => x.ApplicantId == id).Select(x => new { x.FileName, x.UploadedAtUtc }).SingleOrDefaultAsync(cancellationToken);
        var assessment = await db.Assessments.AsNoTracking().Where(x => x.Id == a.AssessmentId).Select(x => x.InterestPursued).SingleAsync(cancellationToken);
        var agency = a.AgencyId is { } agencyId ? await db.Companies.Where(x => x.Id == agencyId).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var source = a.Source switch
        {
            Applicants.ApplicantSource.RecruitmentAgency => T("Source.RecruitmentAgency", agency ?? "?"),
            Applicants.ApplicantSource.Vacancy => T("Source.Vacancy", applications.FirstOrDefault() is { } first ? ProcedureName(first.Title, first.Kind) : "?"),
            _ => T("Source.Spontaneous"),
        };
        var expiry = RetentionPolicy.ApplicantExpiry(applications.Select(x => x.EndedOn), retention);
        var entries = new List<ReportEntry>
        {
            new(T("Name"), $"{a.FirstName} {a.LastName}"),
            new(T("Email"), a.Email ?? T("None")),
            new(T("Phone"), Phone(a.Phone) ?? T("None")),
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

    /// <summary>The disclosed fields (stored as <c>FirstName,Email</c>) in words.</summary>
    private static string FieldNames(ReplyLanguage language, string fields) =>
        string.Join(", ", fields.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => Enum.TryParse<DisclosedField>(f, out var field) ? AccessReportTexts.Name(language, field) : f));

    private static string? Phone(string? e164) => e164 is null ? null : ContactNormaliser.DisplayPhone(e164);

    private static string When(ReplyLanguage language, DateTime utc) =>
        BrusselsTime.FromUtc(utc).ToString("d MMMM yyyy HH:mm", AccessReportTexts.Culture(language));
}

using System.Globalization;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Core.Applicants;

/// <summary>
/// Applicants (CAT-APPLICANT), for HR only (and the privacy officer). For anyone else applicants do not
/// exist: every method demands an applicant permission, so no page, search, count or export can show them.
/// </summary>
public sealed class ApplicantService(
    IDbContextFactory<CrmDbContext> dbFactory,
    ICurrentActor currentActor,
    AuditTrail trail,
    SuppressionList suppression,
    ICvProtector cvProtector,
    IOptions<RetentionOptions> retention,
    TimeProvider time)
{
    public const string EntityType = nameof(Applicant);

    public Task<PagedResult<ApplicantRow>> SearchAsync(string? search, PageRequest page, CancellationToken cancellationToken = default) =>
        SearchAsync(new ApplicantQuery(search), page, cancellationToken);

    /// <summary>
    /// The applicant list: a search over name, e-mail and phone, narrowed to one procedure and/or one status, filtered in
    /// the query (an EXISTS on the applications), so the count and the page agree.
    /// </summary>
    public async Task<PagedResult<ApplicantRow>> SearchAsync(ApplicantQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.ApplicantsRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var applicants = db.Applicants.AsNoTracking();
        var search = query.Search;
        if (query.ProcedureId is not null || query.Status is not null)
        {
            var applications = db.Applications.AsQueryable();
            if (query.ProcedureId is { } procedureId)
            {
                applications = applications.Where(x => x.ProcedureId == procedureId);
            }

            applications = query.Status switch
            {
                // Still in it: the procedure is open (an open procedure's applications have no outcome yet).
                ApplicantStatus.InProcedure => applications.Where(x => x.Procedure!.EndedOn == null),
                ApplicantStatus.Hired => applications.Where(x => x.Outcome == ApplicationOutcome.Hired),
                ApplicantStatus.Rejected => applications.Where(x => x.Outcome == ApplicationOutcome.Rejected),
                ApplicantStatus.Withdrawn => applications.Where(x => x.Outcome == ApplicationOutcome.Withdrawn),
                ApplicantStatus.KeptForFuture => applications.Where(x => x.Outcome == ApplicationOutcome.KeptForFuture),
                _ => applications,
            };
            applicants = applicants.Where(a => applications.Any(x => x.ApplicantId == a.Id));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var phone = ContactNormaliser.NormalisePhone(search);
            var key = ContactNormaliser.SearchKey(search);
            var upper = key + "\uffff";
            applicants = phone is not null
                ? applicants.Where(a => a.Phone == phone)
                : applicants.Where(a => (string.Compare(a.LastNameKey, key) >= 0 && string.Compare(a.LastNameKey, upper) < 0)
                    || (string.Compare(a.FirstNameKey, key) >= 0 && string.Compare(a.FirstNameKey, upper) < 0)
                    || (string.Compare(a.Email, key) >= 0 && string.Compare(a.Email, upper) < 0));
        }

        var total = await applicants.CountAsync(cancellationToken);
        var rows = await applicants.OrderBy(a => a.LastNameKey).ThenBy(a => a.FirstNameKey).ThenBy(a => a.Id)
            .Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(a => new ApplicantRow(a.Id, a.FirstName, a.LastName, a.Email, a.Source,
                db.Companies.Where(c => c.Id == a.AgencyId).Select(c => c.Name).FirstOrDefault(),
                a.Applications.Count, a.Applications.Any(x => x.Procedure!.EndedOn == null),
                db.ApplicantCvs.Any(c => c.ApplicantId == a.Id), a.IsRestricted))
            .ToListAsync(cancellationToken);
        return new PagedResult<ApplicantRow>(rows, total);
    }

    /// <summary>Opens one applicant with applications, CV and both expiry dates; the view is recorded.</summary>
    public async Task<ApplicantDetails> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ApplicantsRead, cancellationToken);
        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var a = await db.Applicants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw new RecordNotFoundException(EntityType);
            await trail.RecordAsync(db, actor, "Applicant.Viewed", EntityType, id.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
            var applications = await db.Applications.AsNoTracking().Where(x => x.ApplicantId == id).OrderByDescending(x => x.AppliedOn)
                .Select(x => new ApplicationRow(x.Id, x.ProcedureId, x.Procedure!.Title, x.Procedure.Kind, x.AppliedOn, x.Procedure.EndedOn, x.Outcome, x.Notes, x.ConcurrencyStamp))
                .ToListAsync(cancellationToken);
            var cv = await db.ApplicantCvs.AsNoTracking().Where(c => c.ApplicantId == id)
                .Select(c => new CvInfo(c.FileName, c.ContentType, c.SizeBytes, c.UploadedAtUtc, c.UploadedByName)).FirstOrDefaultAsync(cancellationToken);
            var agency = a.AgencyId is { } agencyId ? await db.Companies.Where(c => c.Id == agencyId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) : null;
            var agencyContact = a.AgencyContactId is { } contactId
                ? await db.PartnerContacts.Where(c => c.Id == contactId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefaultAsync(cancellationToken)
                : null;
            var assessment = await db.Assessments.Where(x => x.Id == a.AssessmentId).Select(x => x.Title).FirstAsync(cancellationToken);
            return new ApplicantDetails(a.Id, ToInput(a), agency, agencyContact, assessment, a.LegitimateInterestNote.ByName, a.LegitimateInterestNote.AtUtc,
                applications, cv, RetentionPolicy.ApplicantExpiry(applications.Select(x => x.ProcedureEndedOn), retention.Value), a.IsRestricted, a.ConcurrencyStamp);
        }, cancellationToken);
    }

    /// <summary>
    /// Creates an applicant with their first application (to <see cref="ApplicantInput.ProcedureId"/>) and, when given,
    /// their CV, in one transaction: a refused CV is reported on its field with every other error, and then nothing is
    /// stored, neither the applicant nor the file.
    /// </summary>
    public async Task<int> CreateAsync(ApplicantInput input, CvUpload? cv = null, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ApplicantsWrite, cancellationToken);
        var (valid, v) = ApplicantRules.CheckFields(input);
        var cvType = cv is null ? null : CvFile.Check(cv.FileName, cv.Content, v);
        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var procedure = valid.ProcedureId is { } pid ? await db.SelectionProcedures.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, cancellationToken) : null;
            if (procedure is null || !procedure.IsOpen)
            {
                v.Add(nameof(input.ProcedureId), "OpenProcedureRequired");
            }
            else if (valid.Source == ApplicantSource.Vacancy && procedure.Kind != ProcedureKind.Vacancy)
            {
                v.Add(nameof(input.ProcedureId), "VacancyRequired");
            }

            await CheckReferencesAsync(db, valid, isNewAssessment: true, v, cancellationToken);
            if (valid.Email is { } email && await db.Applicants.AnyAsync(a => a.Email == email, cancellationToken))
            {
                v.Add(nameof(input.Email), "DuplicateEmail");
            }

            v.ThrowIfInvalid();
            await suppression.EnsureNotSuppressedAsync(db, valid.Email, [valid.Phone], cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var applicant = new Applicant { LegitimateInterestNote = LegitimateInterestNote.Written("", actor, now) };
            Apply(applicant, valid);
            ApplyLegitimateInterest(applicant, valid);
            applicant.Applications.Add(new Application { ProcedureId = procedure!.Id, AppliedOn = BrusselsTime.Today(time) });
            db.Applicants.Add(applicant);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "Applicant.Created", EntityType, applicant.Id.ToString(CultureInfo.InvariantCulture),
                $"source={applicant.Source};procedure={procedure.Id};assessment={applicant.AssessmentId}", cancellationToken);
            if (cv is not null)
            {
                await StoreCvAsync(db, actor, applicant.Id, cv, cvType!, cancellationToken);
            }

            return applicant.Id;
        }, cancellationToken);
    }

    public async Task<Guid> UpdateAsync(int id, ApplicantInput input, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ApplicantsWrite, cancellationToken);
        var (valid, v) = ApplicantRules.CheckFields(input);
        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var applicant = await db.Applicants.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new RecordNotFoundException(EntityType);
            RestrictionGuard.EnsureNotRestricted(applicant);
            await CheckReferencesAsync(db, valid, isNewAssessment: valid.AssessmentId != applicant.AssessmentId, v, cancellationToken);
            if (valid.Email is { } email && await db.Applicants.AnyAsync(a => a.Email == email && a.Id != id, cancellationToken))
            {
                v.Add(nameof(input.Email), "DuplicateEmail");
            }

            v.ThrowIfInvalid();
            Apply(applicant, valid);
            var personFields = FieldChanges.Of(db, applicant).Count;
            ApplyLegitimateInterest(applicant, valid);
            var changes = FieldChanges.Of(db, applicant);
            var noteChanged = changes.Count > personFields;
            if (!changes.Any)
            {
                return applicant.ConcurrencyStamp;
            }

            await suppression.EnsureNotSuppressedAsync(db, valid.Email, [valid.Phone], cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            if (noteChanged)
            {
                applicant.LegitimateInterestNote.Sign(actor, now);
            }

            db.ExpectVersion(applicant, version);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "Applicant.Updated", EntityType, id.ToString(CultureInfo.InvariantCulture), changes.ToString(), cancellationToken);
            return applicant.ConcurrencyStamp;
        }, cancellationToken);
    }

    /// <summary>Adds the applicant to another open procedure (an applicant may be in several).</summary>
    public async Task AddApplicationAsync(int applicantId, int procedureId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ApplicantsWrite, cancellationToken);
        await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var applicant = await db.Applicants.FirstOrDefaultAsync(a => a.Id == applicantId, cancellationToken) ?? throw new RecordNotFoundException(EntityType);
            RestrictionGuard.EnsureNotRestricted(applicant);
            var v = new Validator();
            if (!await db.SelectionProcedures.AnyAsync(p => p.Id == procedureId && p.EndedOn == null, cancellationToken))
            {
                v.Add("ProcedureId", "OpenProcedureRequired");
            }
            else if (await db.Applications.AnyAsync(a => a.ApplicantId == applicantId && a.ProcedureId == procedureId, cancellationToken))
            {
                v.Add("ProcedureId", "AlreadyApplied");
            }

            v.ThrowIfInvalid();
            db.Applications.Add(new Application { ApplicantId = applicantId, ProcedureId = procedureId, AppliedOn = BrusselsTime.Today(time) });
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "Application.Added", EntityType, applicantId.ToString(CultureInfo.InvariantCulture), $"procedure={procedureId}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Short HR notes on one application (MINIMISE: bounded, factual).</summary>
    public async Task SetApplicationNotesAsync(long applicationId, string? notes, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ApplicantsWrite, cancellationToken);
        var v = new Validator();
        var text = v.MultilineText("Notes", notes, Application.NotesMaxLength);
        v.ThrowIfInvalid();
        await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken) ?? throw new RecordNotFoundException("Application");
            RestrictionGuard.EnsureNotRestricted(await db.Applicants.FirstAsync(a => a.Id == application.ApplicantId, cancellationToken));
            application.Notes = text;
            db.ExpectVersion(application, version);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "Application.NotesChanged", EntityType, application.ApplicantId.ToString(CultureInfo.InvariantCulture),
                $"application={applicationId}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Stores the applicant's CV, encrypted, replacing any earlier one. The content must really be a PDF or
    /// DOCX of at most 10 MB; a refused upload stores nothing.
    /// </summary>
    public async Task UploadCvAsync(int applicantId, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ApplicantsWrite, cancellationToken);
        var contentType = CvFile.CheckContent(fileName, content);
        await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var applicant = await db.Applicants.FirstOrDefaultAsync(a => a.Id == applicantId, cancellationToken) ?? throw new RecordNotFoundException(EntityType);
            RestrictionGuard.EnsureNotRestricted(applicant);
            await db.ApplicantCvs.Where(c => c.ApplicantId == applicantId).ExecuteDeleteAsync(cancellationToken);
            await StoreCvAsync(db, actor, applicantId, new CvUpload(fileName, content), contentType, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Stores a checked CV encrypted and records the upload (LOG-ACTIONS), inside the caller's transaction.</summary>
    private async Task StoreCvAsync(CrmDbContext db, CrmActor actor, int applicantId, CvUpload cv, string contentType, CancellationToken cancellationToken)
    {
        db.ApplicantCvs.Add(new ApplicantCv
        {
            ApplicantId = applicantId, FileName = CvFile.SafeName(cv.FileName), ContentType = contentType, SizeBytes = cv.Content.Length,
            ProtectedContent = cvProtector.Protect(cv.Content), UploadedAtUtc = time.GetUtcNow().UtcDateTime,
            UploadedById = actor.Id, UploadedByName = actor.DisplayName,
        });
        await db.SaveChangesAsync(cancellationToken);
        await trail.RecordAsync(db, actor, "Cv.Uploaded", EntityType, applicantId.ToString(CultureInfo.InvariantCulture), $"bytes={cv.Content.Length};type={contentType}", cancellationToken);
    }

    /// <summary>Decrypts the CV for download; every download is recorded (LOG-ACTIONS).</summary>
    public async Task<CvDownload> DownloadCvAsync(int applicantId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ApplicantsRead, cancellationToken);
        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var cv = await db.ApplicantCvs.AsNoTracking().FirstOrDefaultAsync(c => c.ApplicantId == applicantId, cancellationToken) ?? throw new RecordNotFoundException("Cv");
            await trail.RecordAsync(db, actor, "Cv.Downloaded", EntityType, applicantId.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
            return new CvDownload(cv.FileName, cv.ContentType, cvProtector.Unprotect(cv.ProtectedContent));
        }, cancellationToken);
    }

    /// <summary>The HR dashboard: open procedures, applicants per source, CVs whose RET-APP-CV date falls in the next 90 days.</summary>
    public async Task<HrOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.ApplicantsRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.SelectionProcedures.CountAsync(p => p.EndedOn == null, cancellationToken);
        var perSource = await db.Applicants.GroupBy(a => a.Source).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        // Applicants with a CV and no open procedure: their last procedure end decides the CV's date, so the CVs expiring
        // from today to day 90 are those whose last end lies between the policy's cut-offs for yesterday and for day 90.
        var today = BrusselsTime.Today(time);
        var (after, upTo) = RetentionPolicy.AnchorsFallingDue(RetentionRule.ApplicantCv, today, today.AddDays(90), retention.Value);
        var expiring = await db.Applicants
            .Where(a => db.ApplicantCvs.Any(c => c.ApplicantId == a.Id) && a.Applications.All(x => x.Procedure!.EndedOn != null) && a.Applications.Any())
            .Select(a => a.Applications.Max(x => x.Procedure!.EndedOn))
            .CountAsync(end => end > after && end <= upTo, cancellationToken);
        return new HrOverview(open, Enum.GetValues<ApplicantSource>().ToDictionary(s => s, s => perSource.GetValueOrDefault(s)), expiring);
    }

    private async Task CheckReferencesAsync(CrmDbContext db, ApplicantInput valid, bool isNewAssessment, Validator v, CancellationToken cancellationToken)
    {
        await ApplicantRules.CheckAgencyAsync(db, valid, v, cancellationToken);
        await AssessmentRules.CheckAsync(db, valid.AssessmentId, AssessmentPurpose.Recruitment, isNewAssessment, BrusselsTime.Today(time), v, cancellationToken);
    }

    private static void Apply(Applicant a, ApplicantInput input)
    {
        a.FirstName = input.FirstName!;
        a.LastName = input.LastName!;
        a.Email = input.Email;
        a.Phone = input.Phone;
        a.Street = input.Street;
        a.PostalCode = input.PostalCode;
        a.City = input.City;
        a.CountryCode = input.CountryCode!;
        a.PreferredLanguage = input.PreferredLanguage;
        a.Source = input.Source!.Value;
        a.AgencyId = input.AgencyId;
        a.AgencyContactId = input.AgencyContactId;
    }

    /// <summary>LI-NOTE: applies the assessment and the per-person line.</summary>
    private static void ApplyLegitimateInterest(Applicant a, ApplicantInput input)
    {
        a.AssessmentId = input.AssessmentId!.Value;
        a.LegitimateInterestNote.Text = input.LegitimateInterestNote!;
    }

    private static ApplicantInput ToInput(Applicant a) => new()
    {
        FirstName = a.FirstName, LastName = a.LastName, Email = a.Email, Phone = a.Phone, Street = a.Street, PostalCode = a.PostalCode,
        City = a.City, CountryCode = a.CountryCode, PreferredLanguage = a.PreferredLanguage, Source = a.Source, AgencyId = a.AgencyId,
        AgencyContactId = a.AgencyContactId, AssessmentId = a.AssessmentId, LegitimateInterestNote = a.LegitimateInterestNote.Text,
    };
}

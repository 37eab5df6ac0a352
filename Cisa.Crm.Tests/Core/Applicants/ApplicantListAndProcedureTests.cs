using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Errors;

namespace Cisa.Crm.Tests.Core.Applicants;

/// <summary>
/// The applicant list's procedure and status filters (in the query, so count and page agree), a procedure's page with
/// its applicants and their status, and an applicant created together with their CV in one transaction.
/// </summary>
public sealed class ApplicantListAndProcedureTests : ApplicantTestBase
{
    private static PageRequest FirstPage => new(0, 20);

    private async Task<IReadOnlyList<int>> IdsAsync(ApplicantQuery query)
    {
        var page = await Applicants.SearchAsync(query, FirstPage);
        Assert.Equal(page.Items.Count, page.TotalCount);
        return page.Items.Select(r => r.Id).Order().ToList();
    }

    /// <summary>
    /// A closed vacancy (one hired, one rejected), the open vacancy (one applicant, who also was rejected in the closed
    /// one) and a second open vacancy (one applicant).
    /// </summary>
    private async Task<(int Closed, int OtherOpen, int Hired, int Rejected, int InBoth, int InOther)> ProceduresWithApplicantsAsync()
    {
        var closed = await Data.ProcedureAsync("Servicedesk", LongAgo);
        var otherOpen = await Data.ProcedureAsync("Developer", LongAgo);
        var hired = await CreateApplicantAsync(NewApplicant(closed));
        var rejected = await CreateApplicantAsync(NewApplicant(closed));
        var inBoth = await CreateApplicantAsync(NewApplicant(VacancyId));
        await Applicants.AddApplicationAsync(inBoth, closed);
        var inOther = await CreateApplicantAsync(NewApplicant(otherOpen));
        var version = (await Data.ProcedureRowAsync(closed)).ConcurrencyStamp;
        await Procedures.CloseAsync(closed, new Dictionary<int, ApplicationOutcome>
        {
            [hired] = ApplicationOutcome.Hired, [rejected] = ApplicationOutcome.Rejected, [inBoth] = ApplicationOutcome.Rejected,
        }, version);
        return (closed, otherOpen, hired, rejected, inBoth, inOther);
    }

    [Fact]
    public async Task The_applicant_list_filters_by_procedure()
    {
        var p = await ProceduresWithApplicantsAsync();

        Assert.Equal(new[] { p.Hired, p.Rejected, p.InBoth }.Order(), await IdsAsync(new ApplicantQuery(ProcedureId: p.Closed)));
        Assert.Equal([p.InBoth], await IdsAsync(new ApplicantQuery(ProcedureId: VacancyId)));
        Assert.Equal([p.InOther], await IdsAsync(new ApplicantQuery(ProcedureId: p.OtherOpen)));
        Assert.Equal(4, (await Applicants.SearchAsync(new ApplicantQuery(), FirstPage)).TotalCount);
    }

    [Fact]
    public async Task The_applicant_list_filters_by_status_in_any_procedure()
    {
        var p = await ProceduresWithApplicantsAsync();

        Assert.Equal(new[] { p.InBoth, p.InOther }.Order(), await IdsAsync(new ApplicantQuery(Status: ApplicantStatus.InProcedure)));
        Assert.Equal([p.Hired], await IdsAsync(new ApplicantQuery(Status: ApplicantStatus.Hired)));
        Assert.Equal(new[] { p.Rejected, p.InBoth }.Order(), await IdsAsync(new ApplicantQuery(Status: ApplicantStatus.Rejected)));
        Assert.Empty(await IdsAsync(new ApplicantQuery(Status: ApplicantStatus.Withdrawn)));
    }

    [Fact]
    public async Task With_a_procedure_the_status_is_the_one_in_that_procedure()
    {
        var p = await ProceduresWithApplicantsAsync();

        // Rejected in the closed vacancy but still in the open one: only the open one counts when it is chosen.
        Assert.Empty(await IdsAsync(new ApplicantQuery(ProcedureId: VacancyId, Status: ApplicantStatus.Rejected)));
        Assert.Equal([p.InBoth], await IdsAsync(new ApplicantQuery(ProcedureId: VacancyId, Status: ApplicantStatus.InProcedure)));
        Assert.Equal(new[] { p.Rejected, p.InBoth }.Order(), await IdsAsync(new ApplicantQuery(ProcedureId: p.Closed, Status: ApplicantStatus.Rejected)));
        Assert.Empty(await IdsAsync(new ApplicantQuery(ProcedureId: p.Closed, Status: ApplicantStatus.InProcedure)));
    }

    [Fact]
    public async Task Search_and_filters_combine()
    {
        var p = await ProceduresWithApplicantsAsync();
        var rejectedName = (await Applicants.GetAsync(p.Rejected)).Input.LastName!;

        Assert.Equal([p.Rejected], await IdsAsync(new ApplicantQuery(rejectedName, p.Closed, ApplicantStatus.Rejected)));
        Assert.Empty(await IdsAsync(new ApplicantQuery(rejectedName, p.Closed, ApplicantStatus.Hired)));
    }

    [Fact]
    public async Task A_procedures_page_shows_it_with_its_applicants_their_status_and_when_they_applied()
    {
        var p = await ProceduresWithApplicantsAsync();

        var closed = await Procedures.GetAsync(p.Closed);
        Assert.Equal("Servicedesk", closed.Procedure.Title);
        Assert.Equal(Cisa.Crm.Core.Time.BrusselsTime.Today(Db.Time), closed.Procedure.EndedOn);
        Assert.Equal(3, closed.Procedure.Applicants);
        var statuses = closed.Applicants.ToDictionary(a => a.ApplicantId, a => a.Status);
        Assert.Equal(ApplicantStatus.Hired, statuses[p.Hired]);
        Assert.Equal(ApplicantStatus.Rejected, statuses[p.Rejected]);
        Assert.Equal(ApplicantStatus.Rejected, statuses[p.InBoth]);

        var open = await Procedures.GetAsync(VacancyId);
        Assert.Null(open.Procedure.EndedOn);
        var only = Assert.Single(open.Applicants);
        Assert.Equal((p.InBoth, ApplicantStatus.InProcedure, (ApplicationOutcome?)null), (only.ApplicantId, only.Status, only.Outcome));
        Assert.NotEqual(default, only.AppliedOn);
    }

    [Fact]
    public async Task A_procedure_that_does_not_exist_is_not_found()
    {
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Procedures.GetAsync(9999));
    }

    [Fact]
    public async Task CAT_APPLICANT_an_applicant_and_their_CV_are_created_together()
    {
        var pdf = ApplicantData.Pdf();

        var id = await Applicants.CreateAsync(NewApplicant(), new CvUpload(@"C:\Users\hr\Jan Janssens CV.pdf", pdf));

        var download = await Applicants.DownloadCvAsync(id);
        Assert.Equal(pdf, download.Content);
        Assert.Equal("Jan Janssens CV.pdf", download.FileName);
        Assert.Single(await Data.AuditAsync("Applicant.Created"));
        Assert.Single(await Data.AuditAsync("Cv.Uploaded"));
    }

    [Fact]
    public async Task CAT_APPLICANT_a_refused_CV_stores_neither_the_applicant_nor_the_file_and_is_reported_on_its_field()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Applicants.CreateAsync(NewApplicant(), new CvUpload("cv.pdf", "MZ not a pdf at all"u8.ToArray())));

        var error = Assert.Single(refusal.Errors);
        Assert.Equal((CvFile.Field, "CvType"), (error.Field, error.Code));
        Assert.Equal(0, await Data.CountAsync<Applicant>());
        Assert.Equal(0, await Data.CountAsync<ApplicantCv>());
        Assert.Empty(await Data.AuditAsync("Applicant.Created"));
    }

    [Fact]
    public async Task A_refused_CV_is_reported_together_with_the_forms_other_errors()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Applicants.CreateAsync(NewApplicant() with { LastName = " " }, new CvUpload("cv.docx", [])));

        Assert.Equal(["Cv:CvEmpty", "LastName:Required"], refusal.Errors.Select(e => $"{e.Field}:{e.Code}").Order());
        Assert.Equal(0, await Data.CountAsync<Applicant>());
    }

    [Fact]
    public async Task A_CV_with_an_applicant_that_is_refused_later_in_the_transaction_is_not_stored()
    {
        var first = await CreateApplicantAsync();
        var email = (await Applicants.GetAsync(first)).Input.Email;

        // The duplicate e-mail is found inside the transaction, after the CV passed its check.
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Applicants.CreateAsync(NewApplicant() with { Email = email }, new CvUpload("cv.pdf", ApplicantData.Pdf())));

        Assert.Equal("DuplicateEmail", Assert.Single(refusal.Errors).Code);
        Assert.Equal(1, await Data.CountAsync<Applicant>());
        Assert.Equal(0, await Data.CountAsync<ApplicantCv>());
    }
}

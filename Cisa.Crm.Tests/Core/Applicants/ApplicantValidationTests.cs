using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Applicants;

/// <summary>SOURCE, LI-NOTE and LI-REVIEW on applicants; a refused applicant leaves nothing behind.</summary>
public sealed class ApplicantValidationTests : ApplicantTestBase
{
    private async Task<CrmValidationException> RefusedAsync(ApplicantInput input)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Applicants.CreateAsync(input));
        Assert.Equal(0, await Data.CountAsync<Applicant>());
        Assert.Empty(await Data.AuditAsync("Applicant.Created"));
        return refusal;
    }

    [Fact]
    public async Task SOURCE_a_valid_applicant_answering_a_vacancy_is_saved_with_the_source_and_the_application()
    {
        var id = await CreateApplicantAsync();

        var details = await Applicants.GetAsync(id);
        Assert.Equal(ApplicantSource.Vacancy, details.Input.Source);
        var application = Assert.Single(details.Applications);
        Assert.Equal(VacancyId, application.ProcedureId);
        Assert.Equal(Today, application.AppliedOn);
        Assert.Equal("Hanne", details.LegitimateInterestNoteByName);
        Assert.Equal(Db.Time.GetUtcNow().UtcDateTime, details.LegitimateInterestNoteAtUtc);
    }

    [Fact]
    public async Task SOURCE_the_source_is_required()
    {
        var refusal = await RefusedAsync(NewApplicant() with { Source = null });

        Assert.Contains(refusal.For(nameof(ApplicantInput.Source)), e => e.Code == "SourceRequired");
    }

    [Fact]
    public async Task SOURCE_an_undefined_source_is_refused()
    {
        var refusal = await RefusedAsync(NewApplicant() with { Source = (ApplicantSource)42 });

        Assert.Contains(refusal.For(nameof(ApplicantInput.Source)), e => e.Code == "ChoiceUnknown");
    }

    [Fact]
    public async Task SOURCE_an_agency_applicant_is_saved_with_the_agency_and_its_contact_person()
    {
        var agency = await Data.CompanyAsync("Kempen Recruitment", CompanyType.RecruitmentAgency);
        var contact = await Data.ContactAtAsync(agency);

        var id = await CreateApplicantAsync(NewApplicant(source: ApplicantSource.RecruitmentAgency) with { AgencyId = agency, AgencyContactId = contact });

        var details = await Applicants.GetAsync(id);
        Assert.Equal(agency, details.Input.AgencyId);
        Assert.Equal(contact, details.Input.AgencyContactId);
        Assert.Equal("Kempen Recruitment", details.AgencyName);
        Assert.StartsWith("Katrien Wouters", details.AgencyContactName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SOURCE_an_agency_applicant_needs_an_agency()
    {
        var refusal = await RefusedAsync(NewApplicant(source: ApplicantSource.RecruitmentAgency));

        Assert.Contains(refusal.For(nameof(ApplicantInput.AgencyId)), e => e.Code == "AgencyRequired");
    }

    [Theory]
    [InlineData(CompanyType.Customer)]
    [InlineData(CompanyType.Supplier)]
    [InlineData(CompanyType.Subcontractor)]
    public async Task SOURCE_an_agency_applicant_needs_a_company_of_type_recruitment_agency(CompanyType type)
    {
        var company = await Data.CompanyAsync("Not An Agency", type);
        var contact = await Data.ContactAtAsync(company);

        var refusal = await RefusedAsync(NewApplicant(source: ApplicantSource.RecruitmentAgency) with { AgencyId = company, AgencyContactId = contact });

        Assert.Contains(refusal.For(nameof(ApplicantInput.AgencyId)), e => e.Code == "NotAnAgency");
    }

    [Fact]
    public async Task SOURCE_an_unknown_agency_is_refused()
    {
        var refusal = await RefusedAsync(NewApplicant(source: ApplicantSource.RecruitmentAgency) with { AgencyId = 9999 });

        Assert.Contains(refusal.For(nameof(ApplicantInput.AgencyId)), e => e.Code == "NotAnAgency");
    }

    [Fact]
    public async Task SOURCE_the_agency_contact_person_must_work_at_that_agency()
    {
        var agency = await Data.CompanyAsync("Kempen Recruitment", CompanyType.RecruitmentAgency);
        var customer = await Data.CompanyAsync("Herentals Bouw", CompanyType.Customer);
        var elsewhere = await Data.ContactAtAsync(customer);

        var refusal = await RefusedAsync(NewApplicant(source: ApplicantSource.RecruitmentAgency) with { AgencyId = agency, AgencyContactId = elsewhere });

        Assert.Contains(refusal.For(nameof(ApplicantInput.AgencyContactId)), e => e.Code == "ContactNotAtAgency");
    }

    [Fact]
    public async Task SOURCE_an_agency_applicant_needs_the_contact_person_who_sent_the_cv()
    {
        var agency = await Data.CompanyAsync("Kempen Recruitment", CompanyType.RecruitmentAgency);

        var refusal = await RefusedAsync(NewApplicant(source: ApplicantSource.RecruitmentAgency) with { AgencyId = agency });

        Assert.NotEmpty(refusal.For(nameof(ApplicantInput.AgencyContactId)));
    }

    [Fact]
    public async Task SOURCE_an_agency_is_dropped_when_the_source_is_not_an_agency()
    {
        var agency = await Data.CompanyAsync("Kempen Recruitment", CompanyType.RecruitmentAgency);

        var id = await CreateApplicantAsync(NewApplicant(source: ApplicantSource.Vacancy) with { AgencyId = agency });

        Assert.Null((await Applicants.GetAsync(id)).Input.AgencyId);
    }

    [Fact]
    public async Task SOURCE_an_applicant_answering_a_vacancy_must_apply_to_a_vacancy()
    {
        var pool = await Data.ProcedureAsync("Spontaneous applications", LongAgo, ProcedureKind.SpontaneousPool);

        var refusal = await RefusedAsync(NewApplicant(pool, ApplicantSource.Vacancy));

        Assert.Contains(refusal.For(nameof(ApplicantInput.ProcedureId)), e => e.Code == "VacancyRequired");
    }

    [Fact]
    public async Task SOURCE_a_spontaneous_applicant_may_join_the_spontaneous_pool()
    {
        var pool = await Data.ProcedureAsync("Spontaneous applications", LongAgo, ProcedureKind.SpontaneousPool);

        var id = await CreateApplicantAsync(NewApplicant(pool, ApplicantSource.Spontaneous));

        Assert.Equal(ProcedureKind.SpontaneousPool, Assert.Single((await Applicants.GetAsync(id)).Applications).Kind);
    }

    [Fact]
    public async Task SOURCE_an_applicant_is_created_only_in_an_open_procedure()
    {
        var closed = await Data.ProcedureAsync("Closed vacancy", LongAgo);
        await Data.CloseAsync(closed, new DateOnly(2025, 1, 31));

        var inClosed = await RefusedAsync(NewApplicant(closed));
        var inNone = await RefusedAsync(NewApplicant() with { ProcedureId = null });
        var inUnknown = await RefusedAsync(NewApplicant(9999));

        Assert.Contains(inClosed.For(nameof(ApplicantInput.ProcedureId)), e => e.Code == "OpenProcedureRequired");
        Assert.Contains(inNone.For(nameof(ApplicantInput.ProcedureId)), e => e.Code == "OpenProcedureRequired");
        Assert.Contains(inUnknown.For(nameof(ApplicantInput.ProcedureId)), e => e.Code == "OpenProcedureRequired");
    }

    [Fact]
    public async Task LI_NOTE_an_assessment_and_a_note_are_required()
    {
        var refusal = await RefusedAsync(NewApplicant() with { AssessmentId = null, LegitimateInterestNote = "   " });

        Assert.Contains(refusal.For(nameof(ApplicantInput.AssessmentId)), e => e.Code == "LegitimateInterestRequired");
        Assert.Contains(refusal.For(nameof(ApplicantInput.LegitimateInterestNote)), e => e.Code == "LegitimateInterestNoteRequired");
    }

    [Fact]
    public async Task LI_NOTE_a_prospecting_assessment_is_refused_for_an_applicant()
    {
        var prospecting = await Data.AsAsync(SalesPeople.PrivacyOfficer,
            () => Db.Get<AssessmentService>().CreateAsync(SalesData.Assessment("Prospecting IT decision makers")));

        var refusal = await RefusedAsync(NewApplicant() with { AssessmentId = prospecting });

        Assert.Contains(refusal.For(nameof(ApplicantInput.AssessmentId)), e => e.Code == "LegitimateInterestRequired");
    }

    [Fact]
    public async Task LI_NOTE_an_unknown_assessment_is_refused()
    {
        var refusal = await RefusedAsync(NewApplicant() with { AssessmentId = 9999 });

        Assert.Contains(refusal.For(nameof(ApplicantInput.AssessmentId)), e => e.Code == "LegitimateInterestRequired");
    }

    [Fact]
    public async Task LI_NOTE_changing_the_note_records_who_wrote_it_and_when()
    {
        var id = await CreateApplicantAsync();
        Db.Time.Advance(TimeSpan.FromDays(3));
        var before = await Applicants.GetAsync(id);
        ActAs(Support.SettableActor.WithRole(Cisa.Crm.Core.Security.CrmRoles.HR, "hr-2", "Hilde"));

        await Applicants.UpdateAsync(id, before.Input with { LegitimateInterestNote = "Kept for the spring procedures too." }, before.Version);

        var after = await Applicants.GetAsync(id);
        Assert.Equal("Hilde", after.LegitimateInterestNoteByName);
        Assert.Equal(new DateTime(2026, 3, 17, 9, 30, 0, DateTimeKind.Utc), after.LegitimateInterestNoteAtUtc);
    }

    [Fact]
    public async Task LI_REVIEW_an_overdue_recruitment_assessment_is_refused_for_new_applicants()
    {
        var shortLived = await Data.RecruitmentAssessmentAsync("Spring hiring", new DateOnly(2026, 4, 1));
        Db.Time.Advance(TimeSpan.FromDays(30));

        var refusal = await RefusedAsync(NewApplicant() with { AssessmentId = shortLived });

        Assert.Contains(refusal.For(nameof(ApplicantInput.AssessmentId)), e => e.Code == "AssessmentOverdue");
    }

    [Fact]
    public async Task LI_REVIEW_an_existing_applicant_keeping_an_overdue_assessment_can_still_be_edited()
    {
        var shortLived = await Data.RecruitmentAssessmentAsync("Spring hiring", new DateOnly(2026, 4, 1));
        var id = await CreateApplicantAsync(NewApplicant() with { AssessmentId = shortLived });
        Db.Time.Advance(TimeSpan.FromDays(30));
        var before = await Applicants.GetAsync(id);

        await Applicants.UpdateAsync(id, before.Input with { City = "Geel", PostalCode = "2440" }, before.Version);

        Assert.Equal("Geel", (await Applicants.GetAsync(id)).Input.City);
    }

    [Fact]
    public async Task CAT_APPLICANT_a_second_applicant_with_the_same_email_is_refused()
    {
        var first = NewApplicant();
        await CreateApplicantAsync(first);

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Applicants.CreateAsync(NewApplicant() with { Email = first.Email!.ToUpperInvariant() }));

        Assert.Contains(refusal.For(nameof(ApplicantInput.Email)), e => e.Code == "DuplicateEmail");
        Assert.Equal(1, await Data.CountAsync<Applicant>());
    }

    [Fact]
    public async Task CAT_APPLICANT_an_applicant_needs_an_email_or_a_phone_and_a_name()
    {
        var refusal = await RefusedAsync(NewApplicant() with { Email = null, Phone = null, FirstName = "" });

        Assert.Contains(refusal.For(nameof(ApplicantInput.Email)), e => e.Code == "ContactRequired");
        Assert.NotEmpty(refusal.For(nameof(ApplicantInput.FirstName)));
    }
}

public sealed class ApplicantSearchTests : ApplicantTestBase
{
    [Fact]
    public async Task CAT_APPLICANT_HR_finds_applicants_by_name_prefix_email_or_phone_with_their_state()
    {
        var jan = await CreateApplicantAsync(NewApplicant() with { FirstName = "Jan", LastName = "Peeters", Email = "jan.peeters@example.be" });
        var els = await CreateApplicantAsync(NewApplicant() with { FirstName = "Els", LastName = "Verbist", Email = null, Phone = "0470 12 34 56" });
        await Data.UploadCvAsync(jan);

        var byName = await Applicants.SearchAsync("pee", new Cisa.Crm.Core.Common.PageRequest(0, 20));
        var byEmail = await Applicants.SearchAsync("jan.peeters@", new Cisa.Crm.Core.Common.PageRequest(0, 20));
        var byPhone = await Applicants.SearchAsync("+32 470 12 34 56", new Cisa.Crm.Core.Common.PageRequest(0, 20));
        var all = await Applicants.SearchAsync(new ApplicantQuery(), new Cisa.Crm.Core.Common.PageRequest(0, 20));

        var row = Assert.Single(byName.Items);
        Assert.Equal(jan, row.Id);
        Assert.True(row.HasCv);
        Assert.True(row.InOpenProcedure);
        Assert.Equal(jan, Assert.Single(byEmail.Items).Id);
        Assert.Equal(els, Assert.Single(byPhone.Items).Id);
        Assert.Equal(2, all.TotalCount);
    }
}

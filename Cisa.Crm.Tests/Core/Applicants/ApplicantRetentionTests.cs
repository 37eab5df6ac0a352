using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy.Retention;

namespace Cisa.Crm.Tests.Core.Applicants;

/// <summary>RET-APP-CV and RET-APP-CONTACT, through real procedures closed and reopened on the test clock.</summary>
public sealed class ApplicantRetentionTests : ApplicantTestBase
{
    private static readonly ApplicantExpiry None = new(null, null, null);

    private async Task<ApplicantExpiry> ExpiryAsync(int applicantId) => (await Applicants.GetAsync(applicantId)).Expiry;

    /// <summary>An applicant in the open vacancy and in a second open procedure, "Service desk", opened as long ago.</summary>
    private async Task<(int Applicant, int Second)> InVacancyAndServiceDeskAsync()
    {
        var second = await Data.ProcedureAsync("Service desk", LongAgo);
        var id = await CreateApplicantAsync();
        await Applicants.AddApplicationAsync(id, second);
        return (id, second);
    }

    [Fact]
    public async Task RET_APP_CV_an_applicant_in_an_open_procedure_has_no_expiry_yet()
    {
        var id = await CreateApplicantAsync();

        var details = await Applicants.GetAsync(id);

        Assert.Equal(None, details.Expiry);
    }

    [Fact]
    public async Task RET_APP_CV_the_cv_expires_two_years_and_the_contact_details_five_years_after_the_procedure_closed_today()
    {
        var id = await CreateApplicantAsync();

        await Data.CloseAsync(VacancyId);

        Assert.Equal(new ApplicantExpiry(Today, new DateOnly(2028, 3, 14), new DateOnly(2031, 3, 14)), await ExpiryAsync(id));
    }

    [Fact]
    public async Task RET_APP_CONTACT_a_procedure_closed_on_an_earlier_date_counts_from_that_date()
    {
        var id = await CreateApplicantAsync();

        await Data.CloseAsync(VacancyId, new DateOnly(2025, 10, 31));

        var expiry = await ExpiryAsync(id);
        Assert.Equal(new DateOnly(2025, 10, 31), (await Data.ProcedureRowAsync(VacancyId)).EndedOn);
        Assert.Equal(new DateOnly(2027, 10, 31), expiry.CvUntil);
        Assert.Equal(new DateOnly(2030, 10, 31), expiry.ContactUntil);
    }

    [Fact]
    public async Task RET_APP_CV_with_several_closed_procedures_the_latest_end_counts()
    {
        var (id, second) = await InVacancyAndServiceDeskAsync();

        await Data.CloseAsync(second);
        Db.Time.Advance(TimeSpan.FromDays(40));
        await Data.CloseAsync(VacancyId);

        Assert.Equal(new ApplicantExpiry(new DateOnly(2026, 4, 23), new DateOnly(2028, 4, 23), new DateOnly(2031, 4, 23)), await ExpiryAsync(id));
    }

    [Fact]
    public async Task RET_APP_CV_the_latest_end_counts_whatever_order_the_procedures_were_closed_in()
    {
        var (id, second) = await InVacancyAndServiceDeskAsync();

        await Data.CloseAsync(VacancyId, new DateOnly(2026, 1, 15));
        await Data.CloseAsync(second, new DateOnly(2025, 6, 30));

        Assert.Equal(new ApplicantExpiry(new DateOnly(2026, 1, 15), new DateOnly(2028, 1, 15), new DateOnly(2031, 1, 15)), await ExpiryAsync(id));
    }

    [Fact]
    public async Task RET_APP_CONTACT_one_procedure_still_open_among_closed_ones_means_no_expiry()
    {
        var (id, _) = await InVacancyAndServiceDeskAsync();

        await Data.CloseAsync(VacancyId, new DateOnly(2025, 6, 30));

        Assert.Equal(None, await ExpiryAsync(id));
    }

    [Fact]
    public async Task RET_APP_CV_a_reopened_procedure_clears_the_expiry_and_a_later_close_sets_new_dates()
    {
        var id = await CreateApplicantAsync();
        await Data.CloseAsync(VacancyId);
        Assert.Equal(new DateOnly(2028, 3, 14), (await ExpiryAsync(id)).CvUntil);

        Db.Time.Advance(TimeSpan.FromDays(10));
        await Data.ReopenAsync(VacancyId);

        Assert.Equal(None, await ExpiryAsync(id));
        Assert.True((await Data.ProcedureRowAsync(VacancyId)).IsOpen);

        Db.Time.Advance(TimeSpan.FromDays(100));
        await Data.CloseAsync(VacancyId);

        Assert.Equal(new ApplicantExpiry(new DateOnly(2026, 7, 2), new DateOnly(2028, 7, 2), new DateOnly(2031, 7, 2)), await ExpiryAsync(id));
    }

    [Fact]
    public async Task RET_APP_CV_a_procedure_closed_on_29_February_expires_on_28_February()
    {
        var leapVacancy = await Data.ProcedureAsync("Leap day vacancy", new DateOnly(2024, 2, 1));
        var id = await CreateApplicantAsync(NewApplicant(leapVacancy));

        await Data.CloseAsync(leapVacancy, new DateOnly(2024, 2, 29));

        Assert.Equal(new ApplicantExpiry(new DateOnly(2024, 2, 29), new DateOnly(2026, 2, 28), new DateOnly(2029, 2, 28)), await ExpiryAsync(id));
    }

    [Fact]
    public void RET_APP_CV_the_policy_turns_29_February_plus_two_years_into_28_February()
    {
        var expiry = RetentionPolicy.ApplicantExpiry([new DateOnly(2024, 2, 29)], new RetentionOptions());

        Assert.Equal(new ApplicantExpiry(new DateOnly(2024, 2, 29), new DateOnly(2026, 2, 28), new DateOnly(2029, 2, 28)), expiry);
    }

    [Fact]
    public void RET_APP_CONTACT_the_policy_keeps_29_February_when_the_target_year_is_a_leap_year_too()
    {
        var expiry = RetentionPolicy.ApplicantExpiry([new DateOnly(2024, 2, 29)], new RetentionOptions { ApplicantContactYearsAfterProcedure = 4 });

        Assert.Equal(new DateOnly(2028, 2, 29), expiry.ContactUntil);
    }

    [Fact]
    public void RET_APP_CV_the_policy_takes_the_latest_end_and_gives_nothing_while_one_is_open_or_there_are_none()
    {
        var options = new RetentionOptions();

        var closed = RetentionPolicy.ApplicantExpiry([new DateOnly(2025, 5, 1), new DateOnly(2025, 12, 31), new DateOnly(2024, 1, 1)], options);

        Assert.Equal(new ApplicantExpiry(new DateOnly(2025, 12, 31), new DateOnly(2027, 12, 31), new DateOnly(2030, 12, 31)), closed);
        Assert.Equal(None, RetentionPolicy.ApplicantExpiry([new DateOnly(2025, 5, 1), null], options));
        Assert.Equal(None, RetentionPolicy.ApplicantExpiry([], options));
    }

    [Fact]
    public void RET_APP_CONTACT_the_policy_reads_the_configured_periods()
    {
        var expiry = RetentionPolicy.ApplicantExpiry([new DateOnly(2025, 3, 1)],
            new RetentionOptions { ApplicantCvYearsAfterProcedure = 1, ApplicantContactYearsAfterProcedure = 3 });

        Assert.Equal(new DateOnly(2026, 3, 1), expiry.CvUntil);
        Assert.Equal(new DateOnly(2028, 3, 1), expiry.ContactUntil);
    }

    [Fact]
    public async Task RET_APP_CV_closing_needs_an_outcome_for_every_applicant_and_saves_nothing_otherwise()
    {
        var first = await CreateApplicantAsync();
        var second = await CreateApplicantAsync();
        var version = (await Data.ProcedureRowAsync(VacancyId)).ConcurrencyStamp;

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Procedures.CloseAsync(VacancyId, new Dictionary<int, ApplicationOutcome> { [first] = ApplicationOutcome.Hired }, version));

        var error = Assert.Single(refusal.Errors);
        Assert.Equal($"Outcome[{second}]", error.Field);
        Assert.Equal("OutcomeRequired", error.Code);
        Assert.True((await Data.ProcedureRowAsync(VacancyId)).IsOpen);
        Assert.All((await Applicants.GetAsync(first)).Applications, a => Assert.Null(a.Outcome));
        Assert.Empty(await Data.AuditAsync("Procedure.Closed"));
    }

    [Fact]
    public async Task RET_APP_CV_closing_records_the_outcome_of_every_applicant()
    {
        var hired = await CreateApplicantAsync();
        var kept = await CreateApplicantAsync();
        var version = (await Data.ProcedureRowAsync(VacancyId)).ConcurrencyStamp;

        await Procedures.CloseAsync(VacancyId, new Dictionary<int, ApplicationOutcome>
        {
            [hired] = ApplicationOutcome.Hired, [kept] = ApplicationOutcome.KeptForFuture,
        }, version);

        Assert.Equal(ApplicationOutcome.Hired, Assert.Single((await Applicants.GetAsync(hired)).Applications).Outcome);
        Assert.Equal(ApplicationOutcome.KeptForFuture, Assert.Single((await Applicants.GetAsync(kept)).Applications).Outcome);
        Assert.Equal("ended=2026-03-14;applications=2", Assert.Single(await Data.AuditAsync("Procedure.Closed")).Details);
    }

    [Theory]
    [InlineData(2026, 3, 15)]
    [InlineData(2023, 12, 31)]
    public async Task RET_APP_CV_a_procedure_cannot_close_in_the_future_or_before_it_opened(int year, int month, int day)
    {
        var id = await CreateApplicantAsync();
        var version = (await Data.ProcedureRowAsync(VacancyId)).ConcurrencyStamp;

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Procedures.CloseAsync(VacancyId, new Dictionary<int, ApplicationOutcome> { [id] = ApplicationOutcome.Rejected }, version, new DateOnly(year, month, day)));

        Assert.Contains(refusal.For("EndedOn"), e => e.Code == "EndDateInvalid");
        Assert.True((await Data.ProcedureRowAsync(VacancyId)).IsOpen);
        Assert.Equal(None, await ExpiryAsync(id));
    }

    [Fact]
    public async Task RET_APP_CV_a_procedure_may_close_on_the_day_it_opened_and_on_today()
    {
        var sameDay = await Data.ProcedureAsync("One-day vacancy", new DateOnly(2025, 9, 1));
        await Data.CloseAsync(sameDay, new DateOnly(2025, 9, 1));
        await Data.CloseAsync(VacancyId, Today);

        Assert.Equal(new DateOnly(2025, 9, 1), (await Data.ProcedureRowAsync(sameDay)).EndedOn);
        Assert.Equal(Today, (await Data.ProcedureRowAsync(VacancyId)).EndedOn);
    }

    [Fact]
    public async Task RET_APP_CV_a_closed_procedure_cannot_be_closed_again_and_keeps_its_end_date()
    {
        var id = await CreateApplicantAsync();
        await Data.CloseAsync(VacancyId, new DateOnly(2025, 6, 30));
        var version = (await Data.ProcedureRowAsync(VacancyId)).ConcurrencyStamp;

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Procedures.CloseAsync(VacancyId, new Dictionary<int, ApplicationOutcome> { [id] = ApplicationOutcome.Hired }, version));

        Assert.Equal("ProcedureClosed", refusal.Code);
        Assert.Equal(new DateOnly(2025, 6, 30), (await Data.ProcedureRowAsync(VacancyId)).EndedOn);
        Assert.Equal(new DateOnly(2027, 6, 30), (await ExpiryAsync(id)).CvUntil);
    }

    [Fact]
    public async Task RET_APP_CV_an_applicant_added_to_a_new_open_procedure_has_no_expiry_again()
    {
        var id = await CreateApplicantAsync();
        await Data.CloseAsync(VacancyId, new DateOnly(2025, 6, 30));
        var next = await Data.ProcedureAsync("Security analyst");

        await Applicants.AddApplicationAsync(id, next);

        Assert.Equal(None, await ExpiryAsync(id));
    }

    [Fact]
    public async Task RET_APP_CV_an_applicant_cannot_be_added_to_a_closed_procedure()
    {
        var id = await CreateApplicantAsync();
        var closed = await Data.ProcedureAsync("Closed vacancy", LongAgo);
        await Data.CloseAsync(closed, new DateOnly(2025, 6, 30));

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Applicants.AddApplicationAsync(id, closed));

        Assert.Contains(refusal.For("ProcedureId"), e => e.Code == "OpenProcedureRequired");
        Assert.Single((await Applicants.GetAsync(id)).Applications);
    }
}

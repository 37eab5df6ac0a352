using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Companies;

namespace Cisa.Crm.Tests.Core.Applicants;

/// <summary>The HR dashboard: open procedures, applicants per source, CVs expiring (RET-APP-CV) in the next 90 days.</summary>
public sealed class HrOverviewTests : ApplicantTestBase
{
    /// <summary>An applicant with a CV alone in a procedure closed on <paramref name="endedOn"/>.</summary>
    private async Task<int> ClosedWithCvAsync(DateOnly endedOn, bool withCv = true)
    {
        var procedure = await Data.ProcedureAsync($"Closed {endedOn:yyyy-MM-dd}", LongAgo);
        var id = await CreateApplicantAsync(NewApplicant(procedure));
        if (withCv)
        {
            await Data.UploadCvAsync(id);
        }

        await Data.CloseAsync(procedure, endedOn);
        return id;
    }

    [Fact]
    public async Task CAT_APPLICANT_an_empty_dashboard_counts_the_open_vacancy_and_zero_everywhere_else()
    {
        var overview = await Applicants.OverviewAsync();

        Assert.Equal(1, overview.OpenProcedures);
        Assert.All(Enum.GetValues<ApplicantSource>(), s => Assert.Equal(0, overview.ApplicantsPerSource[s]));
        Assert.Equal(0, overview.CvsExpiringIn90Days);
    }

    [Fact]
    public async Task CAT_APPLICANT_the_dashboard_counts_open_procedures_only()
    {
        await Data.ProcedureAsync("Spontaneous applications", LongAgo, ProcedureKind.SpontaneousPool);
        var closed = await Data.ProcedureAsync("Closed vacancy", LongAgo);
        await Data.CloseAsync(closed, new DateOnly(2025, 1, 31));
        var reopened = await Data.ProcedureAsync("Reopened vacancy", LongAgo);
        await Data.CloseAsync(reopened, new DateOnly(2025, 1, 31));
        await Data.ReopenAsync(reopened);

        Assert.Equal(3, (await Applicants.OverviewAsync()).OpenProcedures);
    }

    [Fact]
    public async Task SOURCE_the_dashboard_counts_applicants_per_source()
    {
        var pool = await Data.ProcedureAsync("Spontaneous applications", LongAgo, ProcedureKind.SpontaneousPool);
        var agency = await Data.CompanyAsync("Kempen Recruitment", CompanyType.RecruitmentAgency);
        var contact = await Data.ContactAtAsync(agency);
        await CreateApplicantAsync(NewApplicant(source: ApplicantSource.Vacancy));
        await CreateApplicantAsync(NewApplicant(source: ApplicantSource.Vacancy));
        await CreateApplicantAsync(NewApplicant(pool, ApplicantSource.Spontaneous));
        await CreateApplicantAsync(NewApplicant(source: ApplicantSource.RecruitmentAgency) with { AgencyId = agency, AgencyContactId = contact });
        await CreateApplicantAsync(NewApplicant(pool, ApplicantSource.RecruitmentAgency) with { AgencyId = agency, AgencyContactId = contact });
        await CreateApplicantAsync(NewApplicant(pool, ApplicantSource.RecruitmentAgency) with { AgencyId = agency, AgencyContactId = contact });

        var perSource = (await Applicants.OverviewAsync()).ApplicantsPerSource;

        Assert.Equal(2, perSource[ApplicantSource.Vacancy]);
        Assert.Equal(1, perSource[ApplicantSource.Spontaneous]);
        Assert.Equal(3, perSource[ApplicantSource.RecruitmentAgency]);
    }

    [Fact]
    public async Task RET_APP_CV_the_dashboard_counts_cvs_expiring_from_today_up_to_and_including_day_90()
    {
        // Today is 14 March 2026; day 90 is 12 June 2026. A CV expires two years after its procedure ended.
        await ClosedWithCvAsync(new DateOnly(2024, 3, 13)); // expired yesterday: overdue, not "expiring"
        await ClosedWithCvAsync(new DateOnly(2024, 3, 14)); // expires today
        await ClosedWithCvAsync(new DateOnly(2024, 5, 1));
        await ClosedWithCvAsync(new DateOnly(2024, 6, 12)); // day 90
        await ClosedWithCvAsync(new DateOnly(2024, 6, 13)); // day 91
        await ClosedWithCvAsync(new DateOnly(2024, 5, 2), withCv: false); // no CV to expire

        Assert.Equal(3, (await Applicants.OverviewAsync()).CvsExpiringIn90Days);
    }

    [Fact]
    public async Task RET_APP_CV_the_dashboard_window_moves_with_the_clock()
    {
        await ClosedWithCvAsync(new DateOnly(2024, 6, 13));
        Assert.Equal(0, (await Applicants.OverviewAsync()).CvsExpiringIn90Days);

        Db.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(1, (await Applicants.OverviewAsync()).CvsExpiringIn90Days);
    }

    [Fact]
    public async Task RET_APP_CV_the_dashboard_takes_the_latest_procedure_and_ignores_applicants_still_in_an_open_one()
    {
        var early = await Data.ProcedureAsync("Early", LongAgo);
        var late = await Data.ProcedureAsync("Late", LongAgo);
        var twoClosed = await CreateApplicantAsync(NewApplicant(early));
        await Applicants.AddApplicationAsync(twoClosed, late);
        await Data.UploadCvAsync(twoClosed);
        var stillOpen = await CreateApplicantAsync(NewApplicant(early));
        await Applicants.AddApplicationAsync(stillOpen, VacancyId);
        await Data.UploadCvAsync(stillOpen);

        await Data.CloseAsync(early, new DateOnly(2024, 4, 1)); // alone this would expire in the window
        await Data.CloseAsync(late, new DateOnly(2024, 9, 1)); // the latest end: expires 1 September 2026

        Assert.Equal(0, (await Applicants.OverviewAsync()).CvsExpiringIn90Days);
    }
}

using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Core.Partners;
using Microsoft.EntityFrameworkCore;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Privacy.Retention;

/// <summary>Each rule on the test clock: the day before it falls due the record is kept, on the day it is erased (RET-RUN).</summary>
public sealed class RetentionSweepTests : RetentionTestBase
{
    /// <summary>
    /// Sweeps on the day before <paramref name="due"/>, where <paramref name="checkDayBefore"/> proves the rule still kept
    /// the record, then sweeps on <paramref name="due"/> and returns that run.
    /// </summary>
    private async Task<RetentionRun> SweepOnDueDayAsync(DateOnly due, Func<RetentionRun, Task> checkDayBefore)
    {
        SetToday(due.AddDays(-1));
        await checkDayBefore(await SweepNowAsync());
        SetToday(due);
        return await SweepNowAsync();
    }

    [Fact]
    public async Task RET_RUN_the_sweep_gives_its_pooled_connection_back_with_the_default_page_cache_full_synchronisation_and_automatic_checkpoints()
    {
        await ProspectWithCallsAsync(calls: 1);
        SetToday(new DateOnly(2028, 3, 14));

        Assert.Equal(1, (await SweepNowAsync()).ProspectsErased);

        // Everything in this test ran one operation at a time, so the pool hands back the sweep's own connection.
        await using var db = Db.CreateContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA cache_size";
        Assert.Equal(-2000L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA wal_autocheckpoint";
        Assert.Equal(1000L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task RET_PROSPECT_a_prospect_is_kept_the_day_before_and_erased_two_years_after_the_last_call_with_calls_anonymised()
    {
        var prospect = await ProspectWithCallsAsync(calls: 3);
        var untouched = await ProspectWithCallsAsync(calls: 0);

        var run = await SweepOnDueDayAsync(new DateOnly(2028, 3, 14), async before =>
        {
            Assert.Equal(0, before.ProspectsErased);
            Assert.True(await ExistsAsync(PersonCategory.Prospect, prospect));
        });

        Assert.Equal(2, run.ProspectsErased);
        Assert.Equal(3, run.CallsAnonymised);
        Assert.False(await ExistsAsync(PersonCategory.Prospect, prospect));
        Assert.False(await ExistsAsync(PersonCategory.Prospect, untouched));
        var calls = await CallsAsync();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c =>
        {
            Assert.Null(c.ProspectId);
            Assert.Equal("", c.Report);
            Assert.Null(c.FollowUpOn);
            Assert.Equal(ProspectCompanyId, c.CompanyId);
            Assert.Equal(SalesPeople.Sofie.Id, c.LoggedById);
        });
    }

    [Fact]
    public async Task RET_PROSPECT_a_later_update_or_call_moves_the_due_date()
    {
        var prospect = await ProspectWithCallsAsync(calls: 0);
        SetToday(new DateOnly(2027, 1, 10));
        await Sales.AsAsync(SalesPeople.Sofie, () => Db.Get<Cisa.Crm.Core.Prospects.Calls.CallLogService>().LogAsync(prospect, SalesData.Call()));

        SetToday(new DateOnly(2029, 1, 9));
        Assert.Equal(0, (await SweepNowAsync()).ProspectsErased);
        SetToday(new DateOnly(2029, 1, 10));
        Assert.Equal(1, (await SweepNowAsync()).ProspectsErased);
    }

    [Fact]
    public async Task RET_PARTNER_a_contact_is_kept_the_day_before_and_erased_ten_years_after_the_relationship_ended_with_its_disclosures()
    {
        var (_, contact) = await EndedCustomerContactAsync(Today);
        var subcontractor = await Partners.SubcontractorAsync();
        await Partners.AsAsync(SalesPeople.Sofie, () => Db.Get<DisclosureService>().RecordAsync(contact, PartnerData.MinimalDisclosure(subcontractor)));
        var activeCustomer = await Partners.CustomerAsync("Lopend Klant");
        var kept = await Partners.ContactAsync(Partners.Contact(activeCustomer));

        var run = await SweepOnDueDayAsync(new DateOnly(2036, 3, 14), async before =>
        {
            Assert.Equal(0, before.PartnerContactsErased);
            Assert.True(await ExistsAsync(PersonCategory.PartnerContact, contact));
        });

        Assert.Equal(1, run.PartnerContactsErased);
        Assert.False(await ExistsAsync(PersonCategory.PartnerContact, contact));
        Assert.True(await ExistsAsync(PersonCategory.PartnerContact, kept));
        await using var db = Db.CreateContext();
        Assert.False(await db.Disclosures.AnyAsync(d => d.PartnerContactId == contact));
        Assert.False(await db.PartnerContactEmails.AnyAsync(e => e.PartnerContactId == contact));
        Assert.True(await db.PartnerContactEmails.AnyAsync(e => e.PartnerContactId == kept));
    }

    [Fact]
    public async Task RET_APP_CV_the_cv_goes_two_years_after_the_procedure_ended_and_the_applicant_stays()
    {
        var applicant = await ApplicantInClosedProcedureAsync();

        var run = await SweepOnDueDayAsync(new DateOnly(2028, 3, 14), async before =>
        {
            Assert.Equal(0, before.CvsErased);
            Assert.True(await HasCvAsync(applicant));
        });

        Assert.Equal(1, run.CvsErased);
        Assert.False(await HasCvAsync(applicant));
        Assert.True(await ExistsAsync(PersonCategory.Applicant, applicant));
        Assert.Equal(0, run.ApplicantsErased);
    }

    [Fact]
    public async Task RET_APP_CONTACT_the_applicant_and_applications_go_five_years_after_the_procedure_ended()
    {
        var applicant = await ApplicantInClosedProcedureAsync();

        var run = await SweepOnDueDayAsync(new DateOnly(2031, 3, 14), async before =>
        {
            Assert.Equal(1, before.CvsErased);
            Assert.True(await ExistsAsync(PersonCategory.Applicant, applicant));
        });

        Assert.Equal(1, run.ApplicantsErased);
        Assert.False(await ExistsAsync(PersonCategory.Applicant, applicant));
        await using var db = Db.CreateContext();
        Assert.False(await db.Applications.AnyAsync(a => a.ApplicantId == applicant));
    }

    [Fact]
    public async Task RET_APP_CONTACT_an_applicant_skipping_the_cv_date_goes_whole_in_one_erasure()
    {
        var applicant = await ApplicantInClosedProcedureAsync();

        SetToday(new DateOnly(2031, 3, 14));
        var run = await SweepNowAsync();

        Assert.Equal((1, 0), (run.ApplicantsErased, run.CvsErased));
        var erased = Assert.Single(await AuditAsync(AuditActions.RetentionErased));
        Assert.Contains("rule=RET-APP-CONTACT", erased.Details, StringComparison.Ordinal);
        Assert.Contains("cv=1", erased.Details, StringComparison.Ordinal);
        Assert.False(await ExistsAsync(PersonCategory.Applicant, applicant));
    }

    [Fact]
    public async Task RET_APP_CONTACT_an_applicant_in_a_still_open_procedure_is_never_swept()
    {
        var applicant = await ApplicantInClosedProcedureAsync();
        var open = await Recruitment.ProcedureAsync("Service desk", new DateOnly(2025, 1, 1));
        await Recruitment.AsAsync(SalesPeople.Hr, async () =>
        {
            await Db.Get<Cisa.Crm.Core.Applicants.ApplicantService>().AddApplicationAsync(applicant, open);
            return true;
        });

        SetToday(new DateOnly(2040, 1, 1));
        var run = await SweepNowAsync();

        Assert.Equal(0, run.Erased);
        Assert.True(await HasCvAsync(applicant));
    }

    [Fact]
    public async Task RET_RUN_a_record_under_a_legal_hold_is_held_with_its_reason_and_swept_once_released()
    {
        var held = await ProspectWithCallsAsync(calls: 1);
        var other = await ProspectWithCallsAsync(calls: 1);
        var holdId = await Retention.PlaceLegalHoldAsync(new PersonRef(PersonCategory.Prospect, held), "Dispute about an invoice: keep until settled.");

        SetToday(new DateOnly(2028, 3, 14));
        var preview = await Retention.PreviewAsync(new DateOnly(2028, 3, 14), null, new Cisa.Crm.Core.Common.PageRequest(0, 50));
        var heldRecord = Assert.Single(preview.Held);
        Assert.Equal(held, heldRecord.Person.Person.Id);
        Assert.Equal("Dispute about an invoice: keep until settled.", heldRecord.Hold!.Reason);
        Assert.Equal(new RuleCount(RetentionRule.Prospect, 2, 1), preview.Counts.Single(c => c.Rule == RetentionRule.Prospect));

        var run = await SweepNowAsync();
        Assert.Equal((1, 1), (run.ProspectsErased, run.Held));
        Assert.True(await ExistsAsync(PersonCategory.Prospect, held));
        Assert.False(await ExistsAsync(PersonCategory.Prospect, other));

        await Retention.ReleaseLegalHoldAsync(holdId);
        var after = await SweepNowAsync();
        Assert.Equal((1, 0), (after.ProspectsErased, after.Held));
        Assert.False(await ExistsAsync(PersonCategory.Prospect, held));
        await using var db = Db.CreateContext();
        Assert.False(await db.RetentionHolds.AnyAsync(), "the released hold's free-text reason goes with the person");
    }

    [Fact]
    public async Task RET_RUN_a_hold_needs_a_reason_and_is_audited_without_it()
    {
        var prospect = await ProspectWithCallsAsync(calls: 0);

        var refused = await Assert.ThrowsAsync<CrmValidationException>(() => Retention.PlaceLegalHoldAsync(new PersonRef(PersonCategory.Prospect, prospect), "  "));
        Assert.Equal("Reason", Assert.Single(refused.Errors).Field);

        await Retention.PlaceLegalHoldAsync(new PersonRef(PersonCategory.Prospect, prospect), "Labour court case of An Peeters");
        var entry = Assert.Single(await AuditAsync(AuditActions.RetentionHoldPlaced));
        Assert.DoesNotContain("Peeters", entry.Details, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RuleViolationException>(() => Retention.PlaceLegalHoldAsync(new PersonRef(PersonCategory.Prospect, prospect), "Again"));
    }

    [Fact]
    public async Task RET_RUN_running_twice_gives_the_same_result_and_audits_each_erasure_once()
    {
        await ProspectWithCallsAsync(calls: 2);
        await ProspectWithCallsAsync(calls: 1);
        await EndedCustomerContactAsync(new DateOnly(2016, 1, 1));
        await ApplicantInClosedProcedureAsync();
        SetToday(new DateOnly(2028, 3, 14));

        var first = await SweepNowAsync();
        var state = await SnapshotAsync();
        var second = await SweepNowAsync();

        Assert.Equal((2, 1, 1), (first.ProspectsErased, first.PartnerContactsErased, first.CvsErased));
        Assert.Equal(0, second.Erased);
        Assert.Equal(state, await SnapshotAsync());
        Assert.Equal(4, (await AuditAsync(AuditActions.RetentionErased)).Count);
        Assert.Equal(2, (await AuditAsync(AuditActions.RetentionRunFinished)).Count);
    }

    [Fact]
    public async Task RET_RUN_each_erasure_is_audited_with_rule_record_and_counts_but_no_personal_data()
    {
        var input = Sales.Prospect(ProspectCompanyId, ProspectAssessmentId) with { LastName = "Vermeulen", Email = "lies.vermeulen@kempen-ict.be" };
        var prospect = await ProspectWithCallsAsync(calls: 2, input);
        SetToday(new DateOnly(2028, 3, 14));

        var run = await SweepNowAsync();

        var erased = Assert.Single(await AuditAsync(AuditActions.RetentionErased));
        Assert.Equal((nameof(PersonCategory.Prospect), prospect.ToString(System.Globalization.CultureInfo.InvariantCulture)), (erased.EntityType, erased.EntityId));
        Assert.Equal($"rule=RET-PROSPECT;run={run.Id};calls_anonymised=2", erased.Details);
        var started = Assert.Single(await AuditAsync(AuditActions.RetentionRunStarted));
        var finished = Assert.Single(await AuditAsync(AuditActions.RetentionRunFinished));
        Assert.Contains("prospects=1", finished.Details, StringComparison.Ordinal);
        await using var db = Db.CreateContext();
        var trail = await db.AuditEntries.AsNoTracking().Select(e => e.Details ?? "").ToListAsync();
        Assert.DoesNotContain(trail, d => d.Contains("Vermeulen", StringComparison.OrdinalIgnoreCase) || d.Contains("lies.vermeulen", StringComparison.OrdinalIgnoreCase));
        Assert.True(started.Id < erased.Id && erased.Id < finished.Id);
        var stored = await db.RetentionRuns.AsNoTracking().SingleAsync();
        Assert.Equal((RunStatus.Completed, 1, 2, SweepTrigger.OnDemand), (stored.Status, stored.ProspectsErased, stored.CallsAnonymised, stored.Trigger));
        Assert.Equal(new DateOnly(2028, 3, 14), stored.AsOf);
    }

    [Fact]
    public async Task RET_RUN_the_audit_chain_still_verifies_after_a_sweep_of_many_batches()
    {
        for (var i = 0; i < 7; i++)
        {
            await ProspectWithCallsAsync(calls: 1);
        }

        SetToday(new DateOnly(2028, 3, 14));
        var sweep = new RetentionSweep(Db.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Cisa.Crm.Core.Data.CrmDbContext>>(), Db.Get<Cisa.Crm.Core.Privacy.Erasure.PersonEraser>(),
            Db.Get<AuditTrail>(), Db.Get<Cisa.Crm.Core.Data.Sqlite.WaitingWriters>(), Db.Time, Microsoft.Extensions.Options.Options.Create(new RetentionOptions { SweepBatchSize = 3 }));
        var progress = new List<SweepProgress>();
        var run = await sweep.RunAsync(SalesPeople.PrivacyOfficer, SweepTrigger.OnDemand, new SynchronousProgress(progress));

        Assert.Equal(7, run.ProspectsErased);
        Assert.Equal([0, 3, 6, 7], progress.Select(p => p.Done));
        Assert.All(progress, p => Assert.Equal(7, p.Total));
        var verification = await Db.Get<AuditLog>().VerifyChainAsync();
        Assert.True(verification.IsIntact);
    }

    [Fact]
    public async Task RET_RUN_only_the_privacy_officer_previews_and_runs_a_sweep()
    {
        ActAs(SalesPeople.Sofie);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Retention.PreviewAsync(Today, null, new Cisa.Crm.Core.Common.PageRequest(0, 10)));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Retention.RunNowAsync());
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Sweep.RunAsync(SalesPeople.Hr, SweepTrigger.OnDemand));
        ActAs(SalesPeople.Hr);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Retention.PlaceLegalHoldAsync(new PersonRef(PersonCategory.Prospect, 1), "x"));

        var scheduled = await Sweep.RunAsync(CrmActor.System, SweepTrigger.Scheduled);
        Assert.Equal(RunStatus.Completed, scheduled.Status);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = Db.CreateContext();
        var prospects = await db.Prospects.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var calls = await db.Calls.OrderBy(c => c.Id).Select(c => c.Id + ":" + c.ProspectId + ":" + c.Report).ToListAsync();
        var contacts = await db.PartnerContacts.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var applicants = await db.Applicants.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var cvs = await db.ApplicantCvs.OrderBy(c => c.ApplicantId).Select(c => c.ApplicantId).ToListAsync();
        return string.Join("|", prospects) + "/" + string.Join("|", calls) + "/" + string.Join("|", contacts) + "/" + string.Join("|", applicants) + "/" + string.Join("|", cvs);
    }
}

/// <summary>Records progress on the reporting thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
internal sealed class SynchronousProgress(List<SweepProgress> seen) : IProgress<SweepProgress>
{
    public void Report(SweepProgress value) => seen.Add(value);
}

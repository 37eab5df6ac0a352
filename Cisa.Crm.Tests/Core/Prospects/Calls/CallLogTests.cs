using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Prospects.Calls;

public sealed class CallLogTests() : SalesTestBase(withProspect: true)
{
    [Fact]
    public async Task Logging_a_call_sets_the_prospects_last_call_and_follow_up()
    {
        await Calls.LogAsync(ProspectId, SalesData.Call(new DateTime(2026, 3, 14, 10, 0, 0), followUpOn: new DateOnly(2026, 3, 20)));

        var details = await Prospects.GetAsync(ProspectId);
        Assert.Equal(new DateTime(2026, 3, 14, 9, 0, 0, DateTimeKind.Utc), details.LastCallAtUtc);
        Assert.Equal(new DateOnly(2026, 3, 20), details.FollowUpOn);
        Assert.Equal("sales-1", (await Data.ProspectRowAsync(ProspectId)).FollowUpOwnerId);
    }

    [Fact]
    public async Task A_call_without_a_time_is_stamped_now_and_with_who_logged_it()
    {
        await Calls.LogAsync(ProspectId, SalesData.Call());

        var call = Assert.Single(await Calls.TimelineAsync(ProspectId));
        Assert.Equal(new DateTime(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc), call.OccurredAtUtc);
        Assert.Equal("sales-1", call.LoggedById);
        Assert.Equal("Sofie", call.LoggedByName);
        Assert.False(call.Edited);
        var entry = Assert.Single(await Data.AuditAsync("Call.Logged"));
        Assert.Equal($"prospect={ProspectId};outcome=Reached", entry.Details);
    }

    [Fact]
    public async Task A_later_call_replaces_the_follow_up_and_an_older_one_logged_afterwards_does_not()
    {
        await Calls.LogAsync(ProspectId, SalesData.Call(new DateTime(2026, 3, 14, 9, 0, 0), followUpOn: new DateOnly(2026, 3, 20)));
        await Calls.LogAsync(ProspectId, SalesData.Call(new DateTime(2026, 3, 14, 10, 15, 0), CallOutcome.CallBack, followUpOn: new DateOnly(2026, 3, 25)));
        ActAs(SalesPeople.Tom);
        await Calls.LogAsync(ProspectId, SalesData.Call(new DateTime(2026, 3, 13, 16, 0, 0), followUpOn: new DateOnly(2026, 3, 16)));

        var details = await Prospects.GetAsync(ProspectId);
        Assert.Equal(new DateOnly(2026, 3, 25), details.FollowUpOn);
        Assert.Equal(new DateTime(2026, 3, 14, 9, 15, 0, DateTimeKind.Utc), details.LastCallAtUtc);
        Assert.Equal("sales-1", (await Data.ProspectRowAsync(ProspectId)).FollowUpOwnerId);
        Assert.Equal(
            [new DateTime(2026, 3, 14, 9, 15, 0), new DateTime(2026, 3, 14, 8, 0, 0), new DateTime(2026, 3, 13, 15, 0, 0)],
            (await Calls.TimelineAsync(ProspectId)).Select(c => c.OccurredAtUtc));
    }

    [Fact]
    public async Task A_later_call_without_a_follow_up_clears_the_follow_up()
    {
        await Calls.LogAsync(ProspectId, SalesData.Call(new DateTime(2026, 3, 14, 9, 0, 0), followUpOn: new DateOnly(2026, 3, 20)));
        await Calls.LogAsync(ProspectId, SalesData.Call(new DateTime(2026, 3, 14, 10, 0, 0), CallOutcome.NotInterested));

        var row = await Data.ProspectRowAsync(ProspectId);
        Assert.Null(row.FollowUpOn);
        Assert.Null(row.FollowUpOwnerId);
    }

    [Fact]
    public async Task A_call_in_the_future_is_refused()
    {
        // Now is 10:30 in Brussels; a few minutes of clock difference are tolerated.
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Calls.LogAsync(ProspectId, SalesData.Call(new DateTime(2026, 3, 14, 11, 30, 0))));

        Assert.Contains(refusal.For(nameof(CallInput.OccurredAtBrussels)), e => e.Code == "CallInFuture");
        Assert.Empty(await Calls.TimelineAsync(ProspectId));
        Assert.Null((await Data.ProspectRowAsync(ProspectId)).LastCallAtUtc);
    }

    [Fact]
    public async Task A_call_a_few_minutes_ahead_of_the_server_clock_is_accepted()
    {
        await Calls.LogAsync(ProspectId, SalesData.Call(new DateTime(2026, 3, 14, 10, 33, 0)));

        Assert.Single(await Calls.TimelineAsync(ProspectId));
    }

    [Fact]
    public async Task A_call_needs_an_outcome_and_a_sensible_duration_and_a_follow_up_not_in_the_past()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Calls.LogAsync(ProspectId,
            SalesData.Call(followUpOn: new DateOnly(2026, 3, 13)) with { Outcome = null, DurationMinutes = -1 }));

        Assert.Equal(
            ["DurationMinutes", "FollowUpOn", "Outcome"],
            refusal.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public async Task A_call_for_a_prospect_that_does_not_exist_is_refused()
    {
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Calls.LogAsync(9999, SalesData.Call()));
    }

    [Fact]
    public async Task MINIMISE_a_call_report_over_500_characters_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Calls.LogAsync(ProspectId, SalesData.Call(report: new string('r', Call.ReportMaxLength + 1))));

        var error = Assert.Single(refusal.For(nameof(CallInput.Report)));
        Assert.Equal("TooLong", error.Code);
        Assert.Equal([500], error.Arguments);
        Assert.Empty(await Calls.TimelineAsync(ProspectId));
    }

    [Fact]
    public async Task MINIMISE_a_call_report_of_exactly_500_characters_is_accepted()
    {
        var report = new string('r', Call.ReportMaxLength);

        await Calls.LogAsync(ProspectId, SalesData.Call(report: report));

        Assert.Equal(report, Assert.Single(await Calls.TimelineAsync(ProspectId)).Report);
    }

    [Fact]
    public async Task MINIMISE_an_edit_cannot_lengthen_a_report_beyond_500_characters()
    {
        var id = await Calls.LogAsync(ProspectId, SalesData.Call(new DateTime(2026, 3, 14, 10, 0, 0)));
        var call = Assert.Single(await Calls.TimelineAsync(ProspectId));

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Calls.EditAsync(id,
            SalesData.Call(new DateTime(2026, 3, 14, 10, 0, 0), report: new string('r', 501)), call.Version));

        Assert.Contains(refusal.For(nameof(CallInput.Report)), e => e.Code == "TooLong");
    }

    [Fact]
    public async Task Only_the_author_may_edit_a_call()
    {
        var id = await Calls.LogAsync(ProspectId, SalesData.Call(new DateTime(2026, 3, 14, 10, 0, 0)));
        var call = Assert.Single(await Calls.TimelineAsync(ProspectId));
        ActAs(SalesPeople.Tom);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Calls.EditAsync(id, SalesData.Call(new DateTime(2026, 3, 14, 10, 0, 0), report: "Tom's version."), call.Version));

        Assert.Equal("CallNotYours", refusal.Code);
        Assert.Equal("Spoke about their backup needs.", Assert.Single(await Calls.TimelineAsync(ProspectId)).Report);
        Assert.Empty(await Data.AuditAsync("Call.Edited"));
    }

    [Fact]
    public async Task LOG_ACTIONS_an_edit_is_audited_with_the_changed_field_names_and_no_report_text()
    {
        var at = new DateTime(2026, 3, 14, 10, 0, 0);
        var id = await Calls.LogAsync(ProspectId, SalesData.Call(at, report: "Spoke with Jan about their backup needs."));
        var call = Assert.Single(await Calls.TimelineAsync(ProspectId));
        Db.Time.Advance(TimeSpan.FromMinutes(20));

        await Calls.EditAsync(id, SalesData.Call(at, CallOutcome.MeetingBooked, "Meeting on Tuesday with Jan Peeters, CIO."), call.Version);

        var edited = Assert.Single(await Calls.TimelineAsync(ProspectId));
        Assert.Equal("Meeting on Tuesday with Jan Peeters, CIO.", edited.Report);
        Assert.Equal(CallOutcome.MeetingBooked, edited.Outcome);
        Assert.True(edited.Edited);
        var entry = Assert.Single(await Data.AuditAsync("Call.Edited"));
        Assert.Equal("fields=Outcome,Report", entry.Details);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal("sales-1", entry.ActorId);
        foreach (var any in await Data.AuditAsync("Call.Logged"))
        {
            Assert.DoesNotContain("Jan", any.Details ?? "", StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Jan", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("Meeting", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_calls_follow_up_moves_the_prospects_follow_up()
    {
        var at = new DateTime(2026, 3, 14, 10, 0, 0);
        var id = await Calls.LogAsync(ProspectId, SalesData.Call(at, followUpOn: new DateOnly(2026, 3, 20)));
        var call = Assert.Single(await Calls.TimelineAsync(ProspectId));

        await Calls.EditAsync(id, SalesData.Call(at, followUpOn: new DateOnly(2026, 3, 27)), call.Version);

        Assert.Equal(new DateOnly(2026, 3, 27), (await Prospects.GetAsync(ProspectId)).FollowUpOn);
    }

    [Fact]
    public async Task Two_edits_of_a_call_from_the_same_version_the_second_is_a_conflict()
    {
        var at = new DateTime(2026, 3, 14, 10, 0, 0);
        var id = await Calls.LogAsync(ProspectId, SalesData.Call(at));
        var call = Assert.Single(await Calls.TimelineAsync(ProspectId));
        await Calls.EditAsync(id, SalesData.Call(at, report: "First correction."), call.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Calls.EditAsync(id, SalesData.Call(at, report: "Second correction."), call.Version));

        Assert.Equal("First correction.", Assert.Single(await Calls.TimelineAsync(ProspectId)).Report);
    }

    [Fact]
    public async Task The_author_can_correct_the_report_of_an_older_call_whose_follow_up_has_passed()
    {
        var at = new DateTime(2026, 3, 14, 10, 0, 0);
        var id = await Calls.LogAsync(ProspectId, SalesData.Call(at, followUpOn: new DateOnly(2026, 3, 16)));
        var call = Assert.Single(await Calls.TimelineAsync(ProspectId));
        Db.Time.Advance(TimeSpan.FromDays(6));

        await Calls.EditAsync(id, SalesData.Call(at, report: "Typo fixed.", followUpOn: new DateOnly(2026, 3, 16)), call.Version);

        Assert.Equal("Typo fixed.", Assert.Single(await Calls.TimelineAsync(ProspectId)).Report);
    }

    [Fact]
    public async Task A_call_time_in_the_daylight_saving_gap_is_refused_as_a_field_error()
    {
        Db.Time.Advance(TimeSpan.FromDays(20));

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Calls.LogAsync(ProspectId, SalesData.Call(new DateTime(2026, 3, 29, 2, 30, 0))));

        Assert.NotEmpty(refusal.For(nameof(CallInput.OccurredAtBrussels)));
    }
}

using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Privacy.Requests;

public sealed class DeadlineAndIdentityTests : SubjectRequestTestBase
{
    [Theory]
    [InlineData("2026-01-31", "2026-02-28")]
    [InlineData("2028-01-31", "2028-02-29")]
    [InlineData("2026-03-14", "2026-04-14")]
    [InlineData("2026-12-15", "2027-01-15")]
    public void DSR_DEADLINE_a_request_is_due_one_calendar_month_after_receipt(string received, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), RequestDeadline.DueOn(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task DSR_DEADLINE_intake_received_on_31_January_is_due_on_28_February_and_the_list_shows_days_left_overdue_first()
    {
        var late = await Requests.CreateAsync(Intake(receivedOn: new DateOnly(2026, 1, 31)));
        var recent = await Requests.CreateAsync(Intake(receivedOn: new DateOnly(2026, 3, 10)));

        var list = await Requests.ListAsync(openOnly: true, new Cisa.Crm.Core.Common.PageRequest(0, 20));

        Assert.Equal([late, recent], list.Items.Select(r => r.Id));
        Assert.Equal(new DateOnly(2026, 2, 28), list.Items[0].DueOn);
        Assert.Equal(-14, list.Items[0].DaysLeft);
        Assert.Equal(27, list.Items[1].DaysLeft);
        Assert.Equal(["DSR-2026-0001", "DSR-2026-0002"], list.Items.Select(r => r.Reference));
    }

    [Fact]
    public async Task DSR_DEADLINE_an_extension_before_the_due_date_adds_up_to_two_months_with_a_reason_and_the_date_the_requester_was_told()
    {
        var id = await Requests.CreateAsync(Intake(receivedOn: new DateOnly(2026, 2, 20)));

        var refused = await Assert.ThrowsAsync<CrmValidationException>(async () => await Requests.ExtendAsync(id, 3, "", null, await VersionAsync(id)));
        Assert.Equal(["Months", "ExtensionReason", "ExtensionToldOn"], refused.Errors.Select(e => e.Field));

        await Requests.ExtendAsync(id, 2, "Many records in three categories.", Today, await VersionAsync(id));

        var request = (await Requests.GetAsync(id)).Request;
        Assert.Equal(new DateOnly(2026, 5, 20), request.ExtendedDueOn);
        Assert.Equal(new DateOnly(2026, 5, 20), request.EffectiveDueOn);
        await Assert.ThrowsAsync<RuleViolationException>(async () => await Requests.ExtendAsync(id, 1, "Again", Today, await VersionAsync(id)));
    }

    [Fact]
    public async Task DSR_DEADLINE_an_extension_after_the_due_date_is_refused()
    {
        var id = await Requests.CreateAsync(Intake(receivedOn: new DateOnly(2026, 2, 12)));

        var refused = await Assert.ThrowsAsync<RuleViolationException>(async () => await Requests.ExtendAsync(id, 2, "Complex request.", Today, await VersionAsync(id)));

        Assert.Equal("ExtensionTooLate", refused.Code);
        Assert.Null((await Requests.GetAsync(id)).Request.ExtendedDueOn);
    }

    [Fact]
    public async Task DSR_DEADLINE_an_extension_on_the_due_day_itself_is_still_in_time()
    {
        var id = await Requests.CreateAsync(Intake(receivedOn: new DateOnly(2026, 2, 14)));

        await Requests.ExtendAsync(id, 1, "Complex request.", Today, await VersionAsync(id));

        Assert.Equal(new DateOnly(2026, 4, 14), (await Requests.GetAsync(id)).Request.ExtendedDueOn);
    }

    [Fact]
    public async Task DSR_RIGHTS_intake_needs_a_right_a_channel_a_name_and_the_text_and_accepts_several_rights()
    {
        var refused = await Assert.ThrowsAsync<CrmValidationException>(() => Requests.CreateAsync(new RequestInput { RequesterEmail = "not-an-address", ReceivedOn = Today.AddDays(1) }));
        Assert.Equal(["Rights", "Channel", "ReceivedOn", "RequesterName", "RequesterEmail", "RequestText"], refused.Errors.Select(e => e.Field));

        var id = await Requests.CreateAsync(Intake(RequestedRights.Access | RequestedRights.ObjectionToProcessing | RequestedRights.ObjectionToTransfer, "Lies.Vermeulen@Example.BE"));

        var request = (await Requests.GetAsync(id)).Request;
        Assert.Equal(RequestedRights.Access | RequestedRights.ObjectionToProcessing | RequestedRights.ObjectionToTransfer, request.Rights);
        Assert.Equal("lies.vermeulen@example.be", request.RequesterEmail);
        Assert.Equal((RequestStatus.Received, Today, new DateOnly(2026, 4, 14)), (request.Status, request.ReceivedOn, request.DueOn));
    }

    [Fact]
    public async Task DSR_IDENTITY_nothing_is_decided_erased_or_disclosed_before_the_identity_is_verified()
    {
        var prospect = await ProspectWithCallsAsync(calls: 1);
        var id = await Requests.CreateAsync(Intake());
        var person = new PersonRef(PersonCategory.Prospect, prospect);
        await Records.ConfirmMatchAsync(id, person);

        var decide = await Assert.ThrowsAsync<RuleViolationException>(() => DecideAsync(id, person, DecisionAction.Erase));
        var execute = await Assert.ThrowsAsync<RuleViolationException>(() => ExecuteAsync(id));
        var report = await Assert.ThrowsAsync<RuleViolationException>(() => Requests.AccessReportAsync(id));
        var answer = await Assert.ThrowsAsync<RuleViolationException>(async () => await Requests.AnswerAsync(id, "Done.", await VersionAsync(id)));

        Assert.All(new[] { decide, execute, report, answer }, e => Assert.Equal("IdentityNotVerified", e.Code));
        Assert.True(await ExistsAsync(PersonCategory.Prospect, prospect));
    }

    [Fact]
    public async Task DSR_IDENTITY_verification_records_method_and_who_verified_and_happens_once()
    {
        var id = await Requests.CreateAsync(Intake());
        await Assert.ThrowsAsync<CrmValidationException>(async () => await Requests.VerifyIdentityAsync(id, IdentityMethod.Other, null, await VersionAsync(id)));

        await Requests.VerifyIdentityAsync(id, IdentityMethod.IdentityDocument, "Identity card shown at the office, not copied.", await VersionAsync(id));

        var request = (await Requests.GetAsync(id)).Request;
        Assert.Equal((RequestStatus.Verified, IdentityMethod.IdentityDocument, SalesPeople.PrivacyOfficer.DisplayName), (request.Status, request.IdentityMethod, request.IdentityVerifiedByName));
        Assert.NotNull(request.IdentityVerifiedAtUtc);
        await Assert.ThrowsAsync<RuleViolationException>(async () => await Requests.VerifyIdentityAsync(id, IdentityMethod.CallBack, null, await VersionAsync(id)));
    }

    [Fact]
    public async Task DSR_RIGHTS_only_the_privacy_officer_handles_requests()
    {
        ActAs(SalesPeople.Sofie);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Requests.CreateAsync(Intake()));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Requests.ListAsync(false, new Cisa.Crm.Core.Common.PageRequest(0, 10)));
        ActAs(SalesPeople.Hr);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Records.SearchAsync(1, new FindQuery("a@b.be", null, null, null)));
    }
}

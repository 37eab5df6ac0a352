using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Security;

namespace Cisa.Crm.Tests.Core.Privacy.Requests;

/// <summary>
/// The request's status machine on the entity alone, without a database: which step is allowed from which state,
/// which refusal code (the key of the user's message) each wrong step gets, and what each step records.
/// </summary>
public sealed class SubjectRequestTransitionTests
{
    private static readonly DateOnly Received = new(2026, 3, 2);
    private static readonly DateTime VerifiedAt = new(2026, 3, 3, 9, 15, 0, DateTimeKind.Utc);
    private static readonly DateTime ExecutedAt = new(2026, 3, 10, 14, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 3, 12);
    private static readonly CrmActor Officer = new("privacy-1", "Annelies Claes", [CrmRoles.PrivacyAdmin]);

    /// <summary>The states a request can be in, each reached through the transitions themselves (the test builder).</summary>
    public enum State
    {
        Received,
        Verified,
        Executed,
        AnsweredAfterVerifying,
        AnsweredAfterExecuting,
        RefusedUnverified,
        RefusedVerified,
    }

    private static SubjectRequest In(State state)
    {
        var request = new SubjectRequest
        {
            Reference = "DSR-2026-0001", Rights = RequestedRights.Erasure, ReceivedOn = Received, DueOn = RequestDeadline.DueOn(Received),
            RequesterName = "Marieke Verbiest", RequestText = "Erase.", CreatedById = "p", CreatedByName = "P",
        };
        if (state is State.RefusedUnverified)
        {
            request.Refuse("Identity not proven.", Today);
        }

        if (state is State.Received or State.RefusedUnverified)
        {
            return request;
        }

        request.Verify(IdentityMethod.CallBack, null, Officer, VerifiedAt);
        if (state is State.Executed or State.AnsweredAfterExecuting)
        {
            request.Execute(ExecutedAt);
        }

        if (state is State.AnsweredAfterVerifying or State.AnsweredAfterExecuting)
        {
            request.Answer("Your data is erased.", Today);
        }

        if (state is State.RefusedVerified)
        {
            request.Refuse("Manifestly unfounded.", Today);
        }

        return request;
    }

    /// <summary>Everything a step may record: a refused step leaves all of it as it was.</summary>
    private static object Recorded(SubjectRequest r) =>
        (r.Status, r.IdentityMethod, r.IdentityVerifiedAtUtc, r.ExecutedAtUtc, r.Outcome, r.ClosedOn, r.ExtendedDueOn, r.ExtensionToldOn);

    private static void AssertRefused(State state, string code, Action<SubjectRequest> step)
    {
        var request = In(state);
        var before = Recorded(request);

        Assert.Equal(code, Assert.Throws<RuleViolationException>(() => step(request)).Code);
        Assert.Equal(before, Recorded(request));
    }

    [Fact]
    public void A_new_request_is_received_open_and_unverified()
    {
        var request = In(State.Received);

        Assert.Equal((RequestStatus.Received, true), (request.Status, request.IsOpen));
        Assert.Null(request.IdentityVerifiedAtUtc);
        Assert.Null(request.ClosedOn);
    }

    [Fact]
    public void DSR_IDENTITY_verifying_a_received_request_records_how_when_and_by_whom()
    {
        var request = In(State.Received);

        request.Verify(IdentityMethod.Other, "Known voice", Officer, VerifiedAt);

        Assert.Equal(RequestStatus.Verified, request.Status);
        Assert.Equal((IdentityMethod.Other, "Known voice", VerifiedAt, "privacy-1", "Annelies Claes"),
            (request.IdentityMethod, request.IdentityNote, request.IdentityVerifiedAtUtc, request.IdentityVerifiedById, request.IdentityVerifiedByName));
    }

    [Theory]
    [InlineData(State.Verified)]
    [InlineData(State.Executed)]
    [InlineData(State.AnsweredAfterExecuting)]
    [InlineData(State.RefusedUnverified)]
    [InlineData(State.RefusedVerified)]
    public void DSR_IDENTITY_only_a_received_request_can_be_verified(State state) =>
        AssertRefused(state, "RequestWrongState", r => r.Verify(IdentityMethod.InPerson, null, Officer, ExecutedAt));

    [Fact]
    public void Executing_a_verified_request_records_when_and_keeps_it_open_for_the_answer()
    {
        var request = In(State.Verified);

        request.Execute(ExecutedAt);

        Assert.Equal((RequestStatus.Executed, ExecutedAt, true), (request.Status, request.ExecutedAtUtc, request.IsOpen));
    }

    [Theory]
    [InlineData(State.Received, "IdentityNotVerified")]
    [InlineData(State.RefusedUnverified, "IdentityNotVerified")]
    [InlineData(State.Executed, "RequestWrongState")]
    [InlineData(State.AnsweredAfterVerifying, "RequestWrongState")]
    [InlineData(State.AnsweredAfterExecuting, "RequestWrongState")]
    [InlineData(State.RefusedVerified, "RequestWrongState")]
    public void Only_a_verified_request_can_be_executed(State state, string code) =>
        AssertRefused(state, code, r => r.Execute(ExecutedAt.AddDays(1)));

    [Theory]
    [InlineData(State.Received, RequestStatus.Refused)]
    [InlineData(State.Verified, RequestStatus.Refused)]
    [InlineData(State.Verified, RequestStatus.Answered)]
    [InlineData(State.Executed, RequestStatus.Answered)]
    public void Refusing_or_answering_closes_the_request_with_the_reason_or_reply_on_the_day(State state, RequestStatus closedAs)
    {
        var request = In(state);

        if (closedAs == RequestStatus.Refused)
        {
            request.Refuse("Sent by letter.", Today);
        }
        else
        {
            request.Answer("Sent by letter.", Today);
        }

        Assert.Equal((closedAs, "Sent by letter.", Today, false), (request.Status, request.Outcome, request.ClosedOn, request.IsOpen));
    }

    [Theory]
    [InlineData(State.Executed)]
    [InlineData(State.AnsweredAfterVerifying)]
    [InlineData(State.RefusedUnverified)]
    [InlineData(State.RefusedVerified)]
    public void A_request_executed_or_closed_cannot_be_refused(State state) =>
        AssertRefused(state, "RequestWrongState", r => r.Refuse("Too late.", Today.AddDays(1)));

    [Theory]
    [InlineData(State.Received)]
    [InlineData(State.AnsweredAfterExecuting)]
    [InlineData(State.RefusedUnverified)]
    [InlineData(State.RefusedVerified)]
    public void DSR_IDENTITY_a_request_not_verified_or_already_closed_cannot_be_answered(State state) =>
        AssertRefused(state, "IdentityNotVerified", r => r.Answer("Again.", Today.AddDays(1)));

    [Theory]
    [InlineData(State.Received, 1)]
    [InlineData(State.Verified, 2)]
    [InlineData(State.Executed, 2)]
    public void DSR_DEADLINE_an_open_request_is_extended_once_within_the_first_month_without_changing_its_status(State state, int months)
    {
        var request = In(state);
        var status = request.Status;

        request.Extend(months, "Many records.", Today, Today);

        Assert.Equal((RequestDeadline.ExtendedDueOn(Received, months), "Many records.", Today, status),
            (request.ExtendedDueOn, request.ExtensionReason, request.ExtensionToldOn, request.Status));
        Assert.Equal(request.ExtendedDueOn, request.EffectiveDueOn);
        Assert.Equal("AlreadyExtended", Assert.Throws<RuleViolationException>(() => request.Extend(1, "Again.", Today, Today)).Code);
    }

    [Theory]
    [InlineData(State.AnsweredAfterVerifying)]
    [InlineData(State.RefusedUnverified)]
    public void DSR_DEADLINE_a_closed_request_cannot_be_extended(State state) =>
        AssertRefused(state, "RequestClosed", r => r.Extend(1, "Late.", Today, Today));

    [Theory]
    [InlineData("2026-04-03", "2026-03-12")] // decided after the due date (2 April)
    [InlineData("2026-04-02", "2026-04-03")] // told after the due date
    [InlineData("2026-03-12", "2026-03-01")] // told before the request arrived
    public void DSR_DEADLINE_an_extension_decided_or_told_outside_the_first_month_is_too_late(string today, string toldOn) =>
        AssertRefused(State.Verified, "ExtensionTooLate", r => r.Extend(1, "Late.", DateOnly.Parse(toldOn, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DSR_DEADLINE_an_extension_decided_and_told_on_the_due_date_is_in_time()
    {
        var request = In(State.Received);
        var due = RequestDeadline.DueOn(Received);

        request.Extend(2, "Many records.", due, due);

        Assert.Equal(RequestDeadline.ExtendedDueOn(Received, 2), request.ExtendedDueOn);
    }

    [Theory]
    [InlineData(State.Received, null)]
    [InlineData(State.Verified, null)]
    [InlineData(State.Executed, "RequestWrongState")]
    [InlineData(State.AnsweredAfterVerifying, "RequestClosed")]
    [InlineData(State.RefusedUnverified, "RequestClosed")]
    public void DSR_FIND_matches_are_confirmed_only_while_open_and_before_execution(State state, string? code) =>
        AssertGuard(state, code, r => r.EnsureCanConfirmMatch());

    [Theory]
    [InlineData(State.Received, "IdentityNotVerified")]
    [InlineData(State.Verified, null)]
    [InlineData(State.Executed, "RequestWrongState")]
    [InlineData(State.AnsweredAfterVerifying, "RequestWrongState")]
    public void DSR_IDENTITY_decisions_are_made_only_between_verification_and_execution(State state, string? code) =>
        AssertGuard(state, code, r => r.EnsureCanDecide());

    /// <summary>A guard passes (<paramref name="code"/> null) or refuses with exactly that code.</summary>
    private static void AssertGuard(State state, string? code, Action<SubjectRequest> guard)
    {
        var refused = Record.Exception(() => guard(In(state)));

        Assert.Equal(code, (refused as RuleViolationException)?.Code);
        Assert.Equal(code is null, refused is null);
    }
}

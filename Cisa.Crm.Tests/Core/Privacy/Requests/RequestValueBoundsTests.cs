using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Privacy.Retention;

namespace Cisa.Crm.Tests.Core.Privacy.Requests;

/// <summary>Dates and coded values no person means are refused at their field, and nothing is saved (issue 18, defect 6).</summary>
public sealed class RequestValueBoundsTests : SubjectRequestTestBase
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1899, 12, 31)]
    public async Task DSR_DEADLINE_a_request_received_before_1900_is_refused_at_its_receipt_date(int year, int month, int day)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Requests.CreateAsync(Intake(receivedOn: new DateOnly(year, month, day))));

        Assert.Contains(refusal.For(nameof(RequestInput.ReceivedOn)), e => e.Code == "DateOutOfRange");
        Assert.Equal(0, await CountRequestsAsync());
    }

    [Fact]
    public async Task A_request_with_a_channel_right_or_language_out_of_its_enum_is_refused_at_each_field()
    {
        var input = Intake() with { Channel = (RequestChannel)42, Rights = RequestedRights.Erasure | (RequestedRights)1024, Language = (ReplyLanguage)42 };

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Requests.CreateAsync(input));

        Assert.Contains(refusal.For(nameof(RequestInput.Channel)), e => e.Code == "ChoiceUnknown");
        Assert.Contains(refusal.For(nameof(RequestInput.Rights)), e => e.Code == "ChoiceUnknown");
        Assert.Contains(refusal.For(nameof(RequestInput.Language)), e => e.Code == "ChoiceUnknown");
        Assert.Equal(0, await CountRequestsAsync());
    }

    [Fact]
    public async Task DSR_IDENTITY_an_identity_method_out_of_its_enum_is_refused()
    {
        var id = await Requests.CreateAsync(Intake());
        var version = await VersionAsync(id);

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Requests.VerifyIdentityAsync(id, (IdentityMethod)42, null, version));

        Assert.Contains(refusal.For("IdentityMethod"), e => e.Code == "ChoiceUnknown");
        Assert.Null((await Requests.GetAsync(id)).Request.IdentityVerifiedAtUtc);
    }

    [Fact]
    public async Task A_decision_or_exemption_ground_out_of_its_enum_is_refused()
    {
        var (prospect, _, _) = await LiesVermeulenEverywhereAsync();
        var id = await VerifiedRequestAsync(Intake());

        var action = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Records.DecideAsync(id, new DecisionInput { Person = prospect, Action = (DecisionAction)42 }));
        var ground = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Records.DecideAsync(id, new DecisionInput { Person = prospect, Action = DecisionAction.Exempt, Ground = (ExemptionGround)42 }));
        var lift = await Assert.ThrowsAsync<CrmValidationException>(() => Records.LiftRestrictionAsync(prospect, (RestrictionLiftReason)42));

        Assert.Contains(action.For(nameof(DecisionInput.Action)), e => e.Code == "ChoiceUnknown");
        Assert.Contains(ground.For(nameof(DecisionInput.Ground)), e => e.Code == "ChoiceUnknown");
        Assert.Contains(lift.For("LiftReason"), e => e.Code == "ChoiceUnknown");
    }

    [Fact]
    public async Task RET_RUN_a_preview_for_a_rule_out_of_its_enum_is_refused_at_the_rule()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Retention.PreviewAsync(Today, (RetentionRule)42, new PageRequest(0, 25)));

        Assert.Contains(refusal.For("Rule"), e => e.Code == "ChoiceUnknown");
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public async Task RET_RUN_a_preview_day_out_of_its_window_is_refused_at_the_day(int year, int month, int day)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Retention.PreviewAsync(new DateOnly(year, month, day), null, new PageRequest(0, 25)));

        Assert.Contains(refusal.For(RetentionService.AsOfField), e => e.Code == "DateOutOfRange");
    }

    private async Task<int> CountRequestsAsync()
    {
        await using var db = Db.CreateContext();
        return db.SubjectRequests.Count();
    }
}

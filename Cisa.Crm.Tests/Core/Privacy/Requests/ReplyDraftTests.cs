using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Requests;

namespace Cisa.Crm.Tests.Core.Privacy.Requests;

public sealed class ReplyDraftTests
{
    private const string Notified = "We inform those who received your data from us.";

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void DSR_NOTIFY_the_reply_says_recipients_are_told_when_a_kept_contact_is_restricted_instead(bool restrictInstead, bool mentioned)
    {
        var request = new SubjectRequest
        {
            Reference = "DSR-2026-0001", RequesterName = "Marieke Verbiest", RequestText = "Erase.", CreatedById = "p", CreatedByName = "P",
            Rights = RequestedRights.Erasure, Language = ReplyLanguage.English, ReceivedOn = new DateOnly(2026, 3, 1),
        };
        var decision = new RequestDecision
        {
            Category = PersonCategory.PartnerContact, PersonId = 1, Action = DecisionAction.Exempt, Ground = ExemptionGround.CustomerContract,
            RestrictInstead = restrictInstead,
        };

        var reply = ReplyDraft.Compose(request, [decision]);

        Assert.Equal(mentioned, reply.Contains(Notified, StringComparison.Ordinal));
        Assert.Contains("We cannot erase your data as contact person of a customer or supplier: we must be able to contact our customers under contract.", reply, StringComparison.Ordinal);
    }
}

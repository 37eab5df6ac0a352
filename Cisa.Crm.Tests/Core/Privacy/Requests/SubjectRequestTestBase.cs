using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Tests.Core.Privacy.Retention;

namespace Cisa.Crm.Tests.Core.Privacy.Requests;

/// <summary>The retention test data (one assessment per purpose, a prospect company) plus helpers to walk a request through its steps as the privacy officer.</summary>
public abstract class SubjectRequestTestBase : RetentionTestBase
{
    protected SubjectRequestService Requests => Db.Get<SubjectRequestService>();

    protected RequestRecordsService Records => Db.Get<RequestRecordsService>();

    protected static RequestInput Intake(RequestedRights rights = RequestedRights.Erasure, string? email = null, DateOnly? receivedOn = null,
        ReplyLanguage language = ReplyLanguage.Dutch) => new()
    {
        Rights = rights,
        Channel = RequestChannel.Email,
        ReceivedOn = receivedOn,
        RequesterName = "Lies Vermeulen",
        RequesterEmail = email,
        Language = language,
        RequestText = "Please remove all my data from your systems.",
    };

    protected async Task<int> VerifiedRequestAsync(RequestInput input)
    {
        var id = await Requests.CreateAsync(input);
        var request = (await Requests.GetAsync(id)).Request;
        await Requests.VerifyIdentityAsync(id, IdentityMethod.KnownContactDetails, null, request.ConcurrencyStamp);
        return id;
    }

    protected async Task<Guid> VersionAsync(int id) => (await Requests.GetAsync(id)).Request.ConcurrencyStamp;

    protected async Task DecideAsync(int id, PersonRef person, DecisionAction action, ExemptionGround? ground = null, bool restrictInstead = false) =>
        await Records.DecideAsync(id, new DecisionInput { Person = person, Action = action, Ground = ground, RestrictInstead = restrictInstead });

    protected async Task ExecuteAsync(int id) => await Records.ExecuteAsync(id, await VersionAsync(id));
}

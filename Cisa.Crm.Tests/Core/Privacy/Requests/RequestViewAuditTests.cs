using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Core.Privacy.Requests;

public sealed class RequestViewAuditTests : CoreTestBase
{
    [Fact]
    public async Task LOG_ACTIONS_opening_a_request_is_recorded_and_a_reload_after_a_step_is_not_recorded_again()
    {
        ActAs(SettableActor.WithRole(CrmRoles.PrivacyAdmin, "privacy-1", "Annelies Claes"));
        var requests = Db.Get<SubjectRequestService>();
        var id = await requests.CreateAsync(new RequestInput
        {
            Rights = RequestedRights.Access, Channel = RequestChannel.Email, RequesterName = "An Peeters", RequestText = "Inzage.",
        });

        var opened = await requests.GetAsync(id);
        await requests.VerifyIdentityAsync(id, IdentityMethod.InPerson, null, opened.Request.ConcurrencyStamp);
        var reloaded = await requests.GetAsync(id, recordView: false);

        Assert.Equal(RequestStatus.Verified, reloaded.Request.Status);
        await using var db = Db.CreateContext();
        Assert.Equal(
            ["SubjectRequest.Received", "SubjectRequest.Viewed", "SubjectRequest.IdentityVerified"],
            await db.AuditEntries.Where(e => e.EntityType == "SubjectRequest").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }
}

using Cisa.Crm.Core.Common;
using Cisa.Crm.Demo;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Core.Privacy.Requests;

/// <summary>A fresh demo database shows the request workflow: something open, something answered, and one person in two categories.</summary>
public sealed class DemoRequestsTests
{
    [Fact]
    public async Task DSR_FIND_demo_data_has_an_open_request_from_a_prospect_an_answered_one_and_a_person_in_two_categories()
    {
        await using var db = await TestDatabase.CreateAsync(seedDemoData: true);
        db.Actor.Current = DemoStaff.ToActor(DemoStaff.Privacy);
        var requests = db.Get<SubjectRequestService>();

        var all = await requests.ListAsync(openOnly: false, new PageRequest(0, 50));

        Assert.Equal(2, all.TotalCount);
        var open = all.Items[0];
        Assert.Equal((RequestStatus.Received, new DateOnly(2026, 3, 10), 27), (open.Status, open.ReceivedOn, open.DaysLeft));
        Assert.Equal(RequestStatus.Answered, all.Items[1].Status);
        Assert.Equal(["DSR-2026-0001", "DSR-2026-0002"], all.Items.Select(r => r.Reference).Order());

        var details = await requests.GetAsync(open.Id);
        var found = await db.Get<RequestRecordsService>().SearchAsync(open.Id, new FindQuery(details.Request.RequesterEmail, null, null, null));
        Assert.Equal(PersonCategory.Prospect, Assert.Single(found).Found.Person.Category);

        var both = await db.Get<RequestRecordsService>().SearchAsync(open.Id, new FindQuery(DemoRequests.BothPrivateEmail, "0478 12 34 56", DemoRequests.BothFirstName, DemoRequests.BothLastName));
        Assert.Equal([PersonCategory.PartnerContact, PersonCategory.Applicant], both.Select(f => f.Found.Person.Category));
        Assert.Equal(1, both[0].Found.Disclosures);
        Assert.True(both[1].Found.HasCv);
    }
}

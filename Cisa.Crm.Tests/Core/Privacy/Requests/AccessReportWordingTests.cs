using Cisa.Crm.Demo;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Core.Privacy.Requests;

/// <summary>DSR-ACCESS: the report is read by the person, so no value shows as a code name.</summary>
public sealed class AccessReportWordingTests
{
    [Theory]
    [InlineData(ReplyLanguage.English, "Preferred language", "Dutch", "first name, last name, phone, e-mail address, customer's company name")]
    [InlineData(ReplyLanguage.Dutch, "Voorkeurtaal", "Nederlands", "voornaam, familienaam, telefoon, e-mailadres, naam van het klantbedrijf")]
    public async Task DSR_ACCESS_languages_and_disclosed_fields_are_worded_in_the_requesters_language(ReplyLanguage language, string label, string preferred, string fields)
    {
        await using var db = await TestDatabase.CreateAsync(seedDemoData: true);
        db.Actor.Current = DemoStaff.ToActor(DemoStaff.Privacy);
        var requests = db.Get<SubjectRequestService>();
        var records = db.Get<RequestRecordsService>();
        var id = await requests.CreateAsync(new RequestInput
        {
            Rights = RequestedRights.Access, Channel = RequestChannel.Email, RequesterName = "Marieke Verbiest",
            RequesterEmail = DemoRequests.BothPrivateEmail, Language = language, RequestText = "Inzage.",
        });
        var found = await records.SearchAsync(id, new FindQuery(null, DemoRequests.BothMobile, null, null));
        var contact = found.Single(f => f.Found.Person.Category == PersonCategory.PartnerContact).Found.Person;
        await records.ConfirmMatchAsync(id, contact);
        await requests.VerifyIdentityAsync(id, IdentityMethod.KnownContactDetails, null, (await requests.GetAsync(id)).Request.ConcurrencyStamp);

        var report = await requests.AccessReportAsync(id);

        var record = Assert.Single(report.Records);
        Assert.Equal(preferred, record.Entries.Single(e => e.Label == label).Value);
        Assert.Equal(fields, Assert.Single(record.Lists[0].Rows)[2]);
    }
}

using Bunit;
using Cisa.Crm.Demo;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Components.Pages.Privacy.Requests;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Cisa.Crm.Tests.Components;

/// <summary>The request list and the request page against the real core on a real SQLite file (the test clock: 14 March 2026).</summary>
public sealed class SubjectRequestComponentTests : ComponentTestContext
{
    private TestDatabase _db = null!;

    private SubjectRequestService Requests => _db.Get<SubjectRequestService>();

    private RequestRecordsService Records => _db.Get<RequestRecordsService>();

    public override async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(seedDemoData: true);
        _db.Actor.Current = DemoStaff.ToActor(DemoStaff.Privacy);
        Services.AddSingleton(Requests);
        Services.AddSingleton(Records);
        Services.AddSingleton<TimeProvider>(_db.Time);
        SignIn("demo-privacy");
    }

    protected override async Task CleanupAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task DSR_DEADLINE_the_list_puts_overdue_requests_first_and_colours_the_days_left()
    {
        var green = await NewRequestAsync(new DateOnly(2026, 3, 13));  // due 13 April: 30 days
        var red = await NewRequestAsync(new DateOnly(2026, 2, 10));    // due 10 March: 4 days overdue
        var orange = await NewRequestAsync(new DateOnly(2026, 2, 19)); // due 19 March: 5 days

        var list = Render<RequestList>();

        list.WaitForAssertion(() => Assert.Equal(4, list.FindAll("[data-days-left]").Count));
        var rows = list.FindAll("tbody tr").Select(r => (
            Reference: r.QuerySelector("[data-request]")!.TextContent,
            Class: r.QuerySelector("[data-days-left]")!.ClassName,
            Text: r.QuerySelector("[data-days-left]")!.TextContent)).ToList();
        Assert.Equal(
            [
                (red, "days-left overdue", "4 days overdue"),
                (orange, "days-left soon", "5 days left"),
                ("DSR-2026-0002", "days-left ok", "27 days left"), // the open demo request, received 10 March
                (green, "days-left ok", "30 days left"),
            ],
            rows);
    }

    [Fact]
    public async Task DSR_IDENTITY_before_verification_the_page_warns_and_no_decision_or_report_can_be_made()
    {
        var id = await Requests.CreateAsync(new RequestInput
        {
            Rights = RequestedRights.Erasure, Channel = RequestChannel.Letter, RequesterName = "Marieke Verbiest",
            RequesterEmail = DemoRequests.BothPrivateEmail, RequestText = "Wis mijn sollicitatie.",
        });
        var applicant = (await Records.SearchAsync(id, new FindQuery(DemoRequests.BothPrivateEmail, null, null, null))).Single().Found.Person;
        await Records.ConfirmMatchAsync(id, applicant);

        var page = Render<RequestPage>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#identity-notice")));
        Assert.Contains("nothing may be disclosed, changed or erased", page.Find("#identity-notice").TextContent, StringComparison.Ordinal);
        var card = page.Find($"[data-match='Applicant-{applicant.Id}']");
        Assert.All(card.QuerySelectorAll("input[type=radio]"), radio => Assert.True(radio.HasAttribute("disabled")));
        Assert.True(card.QuerySelector("[data-save-decision]")!.HasAttribute("disabled"));
        Assert.Empty(page.FindAll("#open-access-report"));
        Assert.Empty(page.FindAll("#execute-decisions"));
        Assert.Empty(page.FindAll("#mark-answered"));
        Assert.Equal(PersonCategory.Applicant, applicant.Category);
    }

    [Fact]
    public async Task A_request_is_refused_only_with_a_reason_and_then_shows_it_as_closed()
    {
        var reference = await NewRequestAsync(new DateOnly(2026, 3, 12));
        var id = (await Requests.ListAsync(openOnly: true, new(0, 10))).Items.Single(r => r.Reference == reference).Id;
        var dialogs = Render<MudDialogProvider>();
        var page = Render<RequestPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#show-refuse")));

        await page.Find("#show-refuse").ClickAsync(new());
        await page.Find("#refuse-request").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Required.", page.Find("#refuse-form").TextContent, StringComparison.Ordinal));
        Assert.Equal(RequestStatus.Received, (await Requests.GetAsync(id)).Request.Status);

        // Refusing closes the request for good: it asks first, and Cancel leaves it open.
        page.Find("#refuse-reason").Change("The requester did not answer our call-back; identity not proven.");
        var refusing = page.Find("#refuse-request").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains($"{reference} is closed as refused", dialogs.Markup, StringComparison.Ordinal));
        await DialogButton(dialogs, "Cancel").ClickAsync(new());
        await refusing.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(RequestStatus.Received, (await Requests.GetAsync(id)).Request.Status);

        refusing = page.Find("#refuse-request").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains($"{reference} is closed as refused", dialogs.Markup, StringComparison.Ordinal));
        await DialogButton(dialogs, "Refuse").ClickAsync(new());
        await refusing.WaitAsync(TimeSpan.FromSeconds(5));

        page.WaitForAssertion(() => Assert.Contains("Refused on 14/03/2026", page.Find("#refused-on").TextContent, StringComparison.Ordinal));
        Assert.Equal("The requester did not answer our call-back; identity not proven.", page.Find("#outcome").TextContent);
        Assert.Equal("Refused", page.Find("#request-status").TextContent.Trim());
        Assert.Empty(page.FindAll("#identity-notice"));
    }

    private static AngleSharp.Dom.IElement DialogButton(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text);

    private async Task<string> NewRequestAsync(DateOnly receivedOn)
    {
        var id = await Requests.CreateAsync(new RequestInput
        {
            Rights = RequestedRights.Access, Channel = RequestChannel.Email, ReceivedOn = receivedOn, RequesterName = "An Peeters", RequestText = "Inzage.",
        });
        return (await Requests.GetAsync(id)).Request.Reference;
    }
}

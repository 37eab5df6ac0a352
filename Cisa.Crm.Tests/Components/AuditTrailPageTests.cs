using Bunit;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Demo;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Components.Pages.Audit;
using Cisa.Crm.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Components;

/// <summary>
/// LOG-ACTIONS: the privacy officer reads the trail in words, not codes: actions by name, details as text in the
/// page's language, and each record a link to its page while it exists. On a seeded demo database with a sign-in,
/// a logged call and a retention sweep that erased a prospect.
/// </summary>
public sealed class AuditTrailPageTests : ComponentTestContext
{
    private TestDatabase _db = null!;
    private int _calledProspect;
    private int _erasedProspect;

    public override async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(seedDemoData: true);
        var sales = DemoStaff.ToActor(DemoStaff.Sales);
        var privacy = DemoStaff.ToActor(DemoStaff.Privacy);

        // What the web layer writes on every sign-in.
        await _db.Get<AuditTrail>().RecordEventAsync(sales, AuditActions.SignIn, "Session", details: "scheme=Cookies");

        await using (var db = _db.CreateContext())
        {
            _calledProspect = await db.Prospects.Where(p => !p.IsRestricted).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }

        _db.Actor.Current = sales;
        await _db.Get<CallLogService>().LogAsync(_calledProspect, SalesData.Call(new DateTime(2026, 3, 13, 10, 0, 0), CallOutcome.Reached));

        // The demo's prospect past retention goes; its entries stay, without a link.
        await _db.Get<RetentionSweep>().RunAsync(privacy, SweepTrigger.OnDemand);
        await using (var db = _db.CreateContext())
        {
            _erasedProspect = int.Parse((await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.RetentionErased && e.EntityType == "Prospect")).EntityId!,
                System.Globalization.CultureInfo.InvariantCulture);
        }

        _db.Actor.Current = privacy;
        Services.AddSingleton(_db.Get<AuditLog>());
        Services.AddSingleton<TimeProvider>(_db.Time);
        SignIn("demo-privacy");
    }

    protected override async Task CleanupAsync() => await _db.DisposeAsync();

    private IRenderedComponent<AuditTrailPage> RenderPage()
    {
        var page = Render<AuditTrailPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#audit-grid tbody [data-action]")));
        return page;
    }

    private static List<AngleSharp.Dom.IElement> Rows(IRenderedComponent<AuditTrailPage> page, string action) =>
        [.. page.FindAll("#audit-grid tbody tr").Where(r => r.QuerySelector($"[data-action='{action}']") is not null)];

    private static string Row(IRenderedComponent<AuditTrailPage> page, string action) => Assert.Single(Rows(page, action)).TextContent;

    [Fact]
    public void LOG_ACTIONS_the_trail_shows_actions_and_details_in_Dutch_words_not_codes()
    {
        UseCulture(CrmCultures.Dutch);
        var page = RenderPage();

        var signIn = Row(page, AuditActions.SignIn);
        Assert.Contains("Aangemeld", signIn, StringComparison.Ordinal);
        Assert.Contains("Sessie", signIn, StringComparison.Ordinal);
        var call = Row(page, "Call.Logged");
        Assert.Contains("Gesprek genoteerd", call, StringComparison.Ordinal);
        Assert.Contains($"prospect nr. {_calledProspect} · resultaat: Bereikt", call, StringComparison.Ordinal);
        Assert.Contains("37 bedrijven · 3 afwegingen", Row(page, AuditActions.DemoDataSeeded), StringComparison.Ordinal);
        var erased = Assert.Single(Rows(page, AuditActions.RetentionErased), r => r.TextContent.Contains($"Prospect nr. {_erasedProspect}", StringComparison.Ordinal));
        Assert.Contains("regel: Een prospect (RET-PROSPECT)", erased.TextContent, StringComparison.Ordinal);

        // No action code, no key=value pair, no semicolon-separated code list anywhere in the grid.
        var grid = page.Find("#audit-grid tbody").TextContent;
        Assert.DoesNotContain("Session.SignIn", grid, StringComparison.Ordinal);
        Assert.DoesNotContain("Call.Logged", grid, StringComparison.Ordinal);
        Assert.DoesNotContain("scheme", grid, StringComparison.Ordinal);
        Assert.DoesNotContain("=", grid, StringComparison.Ordinal);
        Assert.DoesNotContain(";", grid, StringComparison.Ordinal);
    }

    [Fact]
    public void LOG_ACTIONS_the_trail_reads_in_English_for_an_English_user()
    {
        var page = RenderPage();

        Assert.Contains("Signed in", Row(page, AuditActions.SignIn), StringComparison.Ordinal);
        Assert.Contains($"prospect #{_calledProspect} · outcome: Reached", Row(page, "Call.Logged"), StringComparison.Ordinal);
        Assert.DoesNotContain("=", page.Find("#audit-grid tbody").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LOG_ACTIONS_each_record_that_still_exists_links_to_its_page_and_an_erased_one_does_not()
    {
        var page = RenderPage();

        // A call has no page: its entry leads to the call's prospect.
        var callRow = Assert.Single(Rows(page, "Call.Logged"));
        Assert.Equal($"/prospects/{_calledProspect}", callRow.QuerySelector("a[data-record]")!.GetAttribute("href"));

        var erasedRow = Assert.Single(Rows(page, AuditActions.RetentionErased), r => r.TextContent.Contains($"Prospect #{_erasedProspect}", StringComparison.Ordinal));
        Assert.Null(erasedRow.QuerySelector("a[data-record]"));

        // The sweep's own run opens the retention page; a sign-in has no record to open.
        var runRow = Assert.Single(Rows(page, AuditActions.RetentionRunFinished));
        Assert.Equal("/privacy/retention", runRow.QuerySelector("a[data-record]")!.GetAttribute("href"));
        var signInRow = Assert.Single(Rows(page, AuditActions.SignIn));
        Assert.Null(signInRow.QuerySelector("a[data-record]"));
    }

    [Fact]
    public void The_pager_of_a_Dutch_page_is_Dutch()
    {
        UseCulture(CrmCultures.Dutch);
        var page = RenderPage();

        var pager = page.Find(".mud-table-pagination").TextContent;
        Assert.Contains("Rijen per pagina:", pager, StringComparison.Ordinal);
        Assert.Matches(@"1-\d+ van \d+", pager);
        Assert.DoesNotContain("Rows per page", pager, StringComparison.Ordinal);
        Assert.DoesNotContain(" of ", pager, StringComparison.Ordinal);
        Assert.NotNull(page.Find(".mud-table-pagination-actions button[aria-label='Volgende pagina']"));
    }
}

using Microsoft.AspNetCore.Components;
using Bunit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Components.Pages.Prospects;
using Microsoft.Extensions.DependencyInjection;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Components;

/// <summary>The prospect list's rows, sort and pager (plain markup) against the real core on a real SQLite file.</summary>
public sealed class ProspectTableTests : ComponentTestContext
{
    private TestDatabase _db = null!;
    private SalesData _data = null!;
    private int _company;
    private int _assessment;
    private readonly List<int> _prospects = [];

    public override async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _data = new SalesData(_db);
        _assessment = await _data.AssessmentAsync();
        _company = await _data.CompanyAsync();
        for (var i = 0; i < 30; i++)
        {
            _prospects.Add(await _data.ProspectAsync(_data.Prospect(_company, _assessment)));
        }

        _db.Actor.Current = SalesPeople.Sofie;
        Services.AddSingleton(_db.Get<ProspectService>());
        Services.AddSingleton(_db.Get<CallLogService>());
        Services.AddSingleton<TimeProvider>(_db.Time);
        SignIn("demo-sales");
    }

    protected override async Task CleanupAsync() => await _db.DisposeAsync();

    private IRenderedComponent<ProspectTable> RenderTable(ProspectQuery? filter = null) =>
        Render<ProspectTable>(ps => ps.Add(t => t.Filter, filter ?? new ProspectQuery()).Add(t => t.CanLogCalls, true).Add(t => t.Today, new DateOnly(2026, 3, 14)));

    private static List<int> ShownIds(IRenderedComponent<ProspectTable> table) =>
        [.. table.FindAll("tbody a.prospect-link").Select(a => int.Parse(a.GetAttribute("href")!["/prospects/".Length..], System.Globalization.CultureInfo.InvariantCulture))];

    private async Task<List<int>> CoreIdsAsync(ProspectQuery query, int skip, int take) =>
        [.. (await _db.Get<ProspectService>().SearchAsync(query, new PageRequest(skip, take))).Items.Select(r => r.Id)];

    private static string PagerInfo(IRenderedComponent<ProspectTable> table) => table.Find("#prospect-pager-info").TextContent;

    [Fact]
    public async Task The_pager_walks_the_same_rows_in_the_same_order_as_the_core_and_knows_its_ends()
    {
        var table = RenderTable();
        table.WaitForAssertion(() => Assert.Equal(25, table.FindAll("#prospect-grid tbody tr").Count));

        Assert.Equal(await CoreIdsAsync(new ProspectQuery(), 0, 25), ShownIds(table));
        Assert.Equal("1-25 of 30", PagerInfo(table));
        Assert.True(table.Find("button[aria-label='Previous page']").HasAttribute("disabled"));
        Assert.Equal("ascending", table.Find("th[aria-sort='ascending']").GetAttribute("aria-sort"));
        Assert.Contains("Name", table.Find("th[aria-sort='ascending']").TextContent, StringComparison.Ordinal);

        await table.Find("button[aria-label='Next page']").ClickAsync(new());
        table.WaitForAssertion(() => Assert.Equal(5, table.FindAll("#prospect-grid tbody tr").Count));
        Assert.Equal(await CoreIdsAsync(new ProspectQuery(), 25, 25), ShownIds(table));
        Assert.Equal("26-30 of 30", PagerInfo(table));
        Assert.True(table.Find("button[aria-label='Next page']").HasAttribute("disabled"));
        Assert.True(table.Find("button[aria-label='Last page']").HasAttribute("disabled"));

        await table.Find("button[aria-label='First page']").ClickAsync(new());
        table.WaitForAssertion(() => Assert.Equal("1-25 of 30", PagerInfo(table)));
        await table.Find("#prospect-page-size").ChangeAsync(new() { Value = "50" });
        table.WaitForAssertion(() => Assert.Equal(30, table.FindAll("#prospect-grid tbody tr").Count));
        Assert.Equal("1-30 of 30", PagerInfo(table));
    }

    [Fact]
    public async Task Sorting_turns_the_column_round_says_so_in_aria_sort_and_matches_the_core()
    {
        await _db.Get<CallLogService>().LogAsync(_prospects[3], SalesData.Call(new DateTime(2026, 3, 10, 9, 0, 0)));
        await _db.Get<CallLogService>().LogAsync(_prospects[7], SalesData.Call(new DateTime(2026, 3, 12, 9, 0, 0)));
        var table = RenderTable();
        table.WaitForAssertion(() => Assert.Equal(25, table.FindAll("tbody tr").Count));

        await table.Find("button[data-sort='LastCall']").ClickAsync(new());
        table.WaitForAssertion(() => Assert.Equal("ascending", table.Find("button[data-sort='LastCall']").ParentElement!.GetAttribute("aria-sort")));
        Assert.Equal("none", table.Find("button[data-sort='Name']").ParentElement!.GetAttribute("aria-sort"));
        Assert.Equal(await CoreIdsAsync(new ProspectQuery(Sort: ProspectSort.LastCall), 0, 25), ShownIds(table));

        await table.Find("button[data-sort='LastCall']").ClickAsync(new());
        table.WaitForAssertion(() => Assert.Equal("descending", table.Find("button[data-sort='LastCall']").ParentElement!.GetAttribute("aria-sort")));
        Assert.Equal(await CoreIdsAsync(new ProspectQuery(Sort: ProspectSort.LastCall, Descending: true), 0, 25), ShownIds(table));
        Assert.Equal([_prospects[7], _prospects[3]], ShownIds(table).Take(2));
    }

    [Fact]
    public async Task Paging_and_sorting_keep_the_count_and_only_a_new_filter_counts_again()
    {
        var table = RenderTable();
        table.WaitForAssertion(() => Assert.Equal("1-25 of 30", PagerInfo(table)));

        // Someone else adds prospects: the count walks every matching row, so paging and sorting do not redo it…
        for (var i = 0; i < 40; i++)
        {
            await _data.ProspectAsync(_data.Prospect(_company, _assessment));
        }

        await table.Find("button[aria-label='Next page']").ClickAsync(new());
        // (a full page past the known total only shows that at least these rows are there)
        table.WaitForAssertion(() => Assert.Equal("26-50 of 50", PagerInfo(table)));
        await table.Find("button[data-sort='Company']").ClickAsync(new());
        table.WaitForAssertion(() => Assert.Equal("1-25 of 50", PagerInfo(table)));

        // …while another filter does.
        table.Render(ps => ps.Add(t => t.Filter, new ProspectQuery(IncludeRestricted: true)));
        table.WaitForAssertion(() => Assert.Equal("1-25 of 70", PagerInfo(table)));
    }

    [Fact]
    public async Task A_page_that_came_back_empty_counts_again_and_shows_the_last_page()
    {
        var table = RenderTable();
        table.WaitForAssertion(() => Assert.Equal("1-25 of 30", PagerInfo(table)));

        // Ten prospects leave the default list (restricted elsewhere) while this page is open.
        foreach (var id in _prospects.Take(10))
        {
            await _data.RestrictAsync(id);
        }

        await table.Find("button[aria-label='Next page']").ClickAsync(new());
        table.WaitForAssertion(() => Assert.Equal("1-20 of 20", PagerInfo(table)));
        Assert.Equal(await CoreIdsAsync(new ProspectQuery(), 0, 25), ShownIds(table));
    }

    [Fact]
    public async Task DSR_RESTRICT_restricted_rows_are_shown_only_when_asked_for_marked_and_without_a_call_button()
    {
        var restricted = _prospects[0];
        await _data.RestrictAsync(restricted);

        var table = RenderTable(new ProspectQuery(IncludeRestricted: false));
        table.WaitForAssertion(() => Assert.Equal("1-25 of 29", PagerInfo(table)));
        Assert.DoesNotContain(restricted, ShownIds(table));

        table.Render(ps => ps.Add(t => t.Filter, new ProspectQuery(IncludeRestricted: true)));
        table.WaitForAssertion(() => Assert.Equal("1-25 of 30", PagerInfo(table)));
        await table.Find("#prospect-page-size").ChangeAsync(new() { Value = "50" });
        table.WaitForAssertion(() => Assert.Contains(restricted, ShownIds(table)));

        var row = table.Find($"tbody a[href='/prospects/{restricted}']").Closest("tr")!;
        Assert.Contains("Restricted", row.QuerySelector(".mud-chip")!.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("[data-log-call]"));
        var other = table.Find($"[data-log-call='{_prospects[1]}']");
        Assert.Equal("Log a call", other.GetAttribute("aria-label"));
        Assert.Equal(29, table.FindAll("[data-log-call]").Count);
    }

    [Fact]
    public void An_empty_result_says_so_in_Dutch()
    {
        UseCulture("nl-BE");
        // The table shows what its list gives it for an empty result: the grid passes the shared empty state.
        var table = Render<ProspectTable>(ps => ps.Add(t => t.Filter, new ProspectQuery(Search: "zzz-nobody")).Add(t => t.CanLogCalls, true)
            .Add(t => t.Today, new DateOnly(2026, 3, 14))
            .Add(t => t.Empty, (RenderFragment)(b =>
            {
                b.OpenComponent<Cisa.Crm.Web.Components.Shared.Lists.EmptyList>(0);
                b.AddAttribute(1, nameof(Cisa.Crm.Web.Components.Shared.Lists.EmptyList.Filtered), true);
                b.AddAttribute(2, nameof(Cisa.Crm.Web.Components.Shared.Lists.EmptyList.Text), "");
                b.CloseComponent();
            })));

        table.WaitForAssertion(() => Assert.Contains("Niets gevonden voor deze zoekopdracht of filters.", table.Find("#prospect-grid").TextContent, StringComparison.Ordinal));
        Assert.Empty(table.FindAll("tbody tr"));
        Assert.Contains("Rijen per pagina:", table.Markup, StringComparison.Ordinal);
        Assert.Equal("Volgende pagina", table.Find("button[title='Volgende pagina']").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_search_with_more_than_ten_thousand_matches_says_so_and_its_pager_ends_there()
    {
        await using (var db = _db.CreateContext())
        {
            var now = _db.Time.GetUtcNow().UtcDateTime;
            for (var i = 0; i <= ProspectService.SearchCountLimit; i++)
            {
                db.Prospects.Add(ProspectService.NewProspect(_data.Prospect(_company, _assessment) with { LastName = $"Van Dijck {i}", Email = $"v{i}@example.be" },
                    "kempen ict", SalesPeople.Sofie, now));
            }

            await db.SaveChangesAsync();
        }

        var table = RenderTable(new ProspectQuery(Search: "van"));
        table.WaitForAssertion(() => Assert.Equal("1-25 of more than 10.000", PagerInfo(table)));

        Assert.Contains("More than 10.000 prospects match", table.Find("#prospect-more").TextContent, StringComparison.Ordinal);
        table.Find("button[aria-label='Last page']").Click();
        table.WaitForAssertion(() => Assert.Equal("9.976-10.000 of more than 10.000", PagerInfo(table)));
        Assert.True(table.Find("button[aria-label='Next page']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_source_filter_shows_the_prospects_of_that_source_and_all_again_when_reset()
    {
        var fromEvent = await _data.ProspectAsync(_data.Prospect(_company, _assessment) with { Source = ProspectSource.Event });
        var grid = Render<ProspectGrid>();
        grid.WaitForAssertion(() => Assert.Equal("1-25 of 31", grid.Find("#prospect-pager-info").TextContent));
        Assert.Equal(["All sources", "Event"], grid.FindAll("#prospect-source option").Select(o => o.TextContent).Where(t => t is "All sources" or "Event"));

        grid.Find("#prospect-source").Change(nameof(ProspectSource.Event));
        grid.WaitForAssertion(() => Assert.Equal("1-1 of 1", grid.Find("#prospect-pager-info").TextContent));
        Assert.Equal($"/prospects/{fromEvent}", grid.Find("tbody a.prospect-link").GetAttribute("href"));

        grid.Find("#prospect-source").Change("");
        grid.WaitForAssertion(() => Assert.Equal("1-25 of 31", grid.Find("#prospect-pager-info").TextContent));
    }
}

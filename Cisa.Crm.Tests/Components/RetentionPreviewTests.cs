using Bunit;
using Cisa.Crm.Demo;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Components.Pages.Privacy;
using Cisa.Crm.Web.Components.Pages.Privacy.Retention;
using Cisa.Crm.Web.Localization;
using Cisa.Crm.Web.Retention;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Cisa.Crm.Tests.Components;

/// <summary>
/// The retention preview against the real core on a seeded demo database (one record past retention per rule),
/// on Saturday 14 March 2026.
/// </summary>
public sealed class RetentionPreviewTests : ComponentTestContext
{
    private TestDatabase _db = null!;
    private SweepRunner _runner = null!;

    public override async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(seedDemoData: true);
        _db.Actor.Current = DemoStaff.ToActor(DemoStaff.Privacy);
        // Not started: a sweep asked of it stays in flight until a test starts it.
        _runner = new SweepRunner(_db.Get<RetentionSweep>(), new ListLogger<SweepRunner>());
        Services.AddSingleton(_db.Get<RetentionService>());
        Services.AddSingleton(_runner);
        Services.AddSingleton<TimeProvider>(_db.Time);
        SignIn("demo-privacy");
    }

    protected override async Task CleanupAsync()
    {
        await _runner.StopAsync(CancellationToken.None);
        _runner.Dispose();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task RET_RUN_while_a_sweep_runs_elsewhere_the_page_offers_no_sweep_and_reloads_when_the_runner_reports_its_end()
    {
        // Another session's sweep, in flight before the page opens.
        var elsewhere = _runner.RunOnDemandAsync(DemoStaff.ToActor(DemoStaff.Privacy));
        var page = Render<RetentionPage>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("#preview-table tbody tr").Count));
        Assert.NotNull(page.Find("#sweep-elsewhere"));
        Assert.NotNull(page.Find("#sweep-running"));
        Assert.Empty(page.FindAll("#run-sweep"));

        await _runner.StartAsync(CancellationToken.None);
        Assert.Equal(4, (await elsewhere).Erased);

        // The test clock never moves, so no timer could do this: the runner's event alone brings the page up to date.
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#preview-empty")));
        Assert.NotNull(page.Find("#run-sweep"));
        Assert.Empty(page.FindAll("#sweep-elsewhere"));
        page.WaitForAssertion(() => Assert.Equal("Completed", page.Find("#runs-table tbody tr [data-status]").TextContent.Trim()));
    }

    [Fact]
    public void RET_RUN_the_preview_counts_each_rule_and_lists_the_due_records_with_links_and_Brussels_dates()
    {
        var panel = Render<RetentionPreviewPanel>(p => p.Add(c => c.CanHold, true));

        panel.WaitForAssertion(() => Assert.Equal(4, panel.FindAll("#preview-table tbody tr").Count));
        foreach (var rule in new[] { "RET-APP-CV", "RET-APP-CONTACT", "RET-PROSPECT", "RET-PARTNER" })
        {
            Assert.Equal("1", panel.Find($"#preview-counts tr[data-rule='{rule}'] [data-count='erasable']").TextContent.Trim());
        }

        Assert.Equal("4", panel.Find("#preview-counts tr[data-rule='total'] [data-count='due']").TextContent.Trim());
        var rows = panel.FindAll("#preview-table tbody tr").Select(r => r.TextContent).ToList();
        // Six years after the vacancy closed, five after its end plus the period: due since 14/03/2025.
        Assert.Contains(rows, r => r.Contains("Dirk Goossens", StringComparison.Ordinal) && r.Contains("RET-APP-CONTACT", StringComparison.Ordinal) && r.Contains("14/03/2025", StringComparison.Ordinal));
        // Last called on 14/01/2024 (Brussels): due on 14/01/2026.
        Assert.Contains(rows, r => r.Contains("Hilde Vanderstraeten", StringComparison.Ordinal) && r.Contains("14/01/2026", StringComparison.Ordinal));
        Assert.Matches(@"^/prospects/\d+$", panel.Find("#preview-table a:contains('Hilde Vanderstraeten')").GetAttribute("href"));
        Assert.Matches(@"^/contacts/\d+$", panel.Find("#preview-table a:contains('Ludo Van Gorp')").GetAttribute("href"));
        Assert.Matches(@"^/hr/applicants/\d+$", panel.Find("#preview-table a:contains('Katrien Verlinden')").GetAttribute("href"));
        Assert.Equal(4, panel.FindAll("[data-hold]").Count);
        Assert.NotNull(panel.Find("#preview-held-empty"));
    }

    [Theory]
    [InlineData("31/12/9999", "Choose a day from 01/01/2000 to 14/03/2126.")]
    [InlineData("01/01/0001", "Choose a day from 01/01/2000 to 14/03/2126.")]
    public void RET_RUN_a_typed_preview_day_out_of_its_window_is_said_at_the_field_and_the_page_stays(string typed, string message)
    {
        var panel = Render<RetentionPreviewPanel>(p => p.Add(c => c.CanHold, true));
        panel.WaitForAssertion(() => Assert.Equal(4, panel.FindAll("#preview-table tbody tr").Count));

        panel.Find("#preview-as-of").Change(typed);

        panel.WaitForAssertion(() => Assert.Contains(message, panel.Find(".mud-input-control:has(#preview-as-of)").TextContent, StringComparison.Ordinal));
        Assert.NotNull(panel.Find("#preview-empty"));
        Assert.Empty(panel.FindAll("#preview-counts tbody tr"));
    }

    [Fact]
    public void Without_the_right_to_place_holds_the_preview_offers_no_hold_button()
    {
        var panel = Render<RetentionPreviewPanel>(p => p.Add(c => c.CanHold, false));

        panel.WaitForAssertion(() => Assert.Equal(4, panel.FindAll("#preview-table tbody tr").Count));
        Assert.Empty(panel.FindAll("[data-hold]"));
    }

    [Fact]
    public async Task RET_RUN_a_legal_hold_needs_a_reason_and_moves_the_record_to_the_held_list()
    {
        var dialogs = Render<MudDialogProvider>();
        var panel = Render<RetentionPreviewPanel>(p => p.Add(c => c.CanHold, true));
        panel.WaitForAssertion(() => Assert.Equal(4, panel.FindAll("#preview-table tbody tr").Count));
        var contact = panel.Find("[data-hold^='PartnerContact/']").GetAttribute("data-hold")!;

        // The click's handler waits for the dialog to close, so it completes at the end.
        var holding = panel.Find($"[data-hold='{contact}']").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("No sweep erases Ludo Van Gorp", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.Find("#save-hold").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Required.", dialogs.Find(".mud-input-control:has(#hold-reason)").TextContent, StringComparison.Ordinal));
        Assert.Empty(await _db.Get<RetentionService>().ActiveHoldsAsync());

        dialogs.Find("#hold-reason").Input("Open invoice dispute; keep until the court rules.");
        await dialogs.Find("#save-hold").ClickAsync(new());
        await holding.WaitAsync(TimeSpan.FromSeconds(5));

        panel.WaitForAssertion(() => Assert.Contains("Open invoice dispute; keep until the court rules.", panel.Find($"#preview-held tr[data-held='{contact}']").TextContent, StringComparison.Ordinal));
        Assert.Equal(3, panel.FindAll("#preview-table tbody tr").Count);
        Assert.Equal("1", panel.Find("#preview-counts tr[data-rule='RET-PARTNER'] [data-count='held']").TextContent.Trim());
        Assert.Equal("0", panel.Find("#preview-counts tr[data-rule='RET-PARTNER'] [data-count='erasable']").TextContent.Trim());
        Assert.Equal(HoldKind.LegalHold, Assert.Single(await _db.Get<RetentionService>().ActiveHoldsAsync()).Kind);
    }

    /// <summary>Issue 18, defect 5: a sweep killed mid-run, after the restart.</summary>
    [Theory]
    [InlineData(CrmCultures.Dutch, "Onderbroken")]
    [InlineData(CrmCultures.English, "Interrupted")]
    public async Task RET_RUN_after_a_restart_the_page_shows_a_sweep_killed_mid_run_as_interrupted_not_running(string culture, string interrupted)
    {
        await using (var db = _db.CreateContext())
        {
            db.RetentionRuns.Add(new RetentionRun
            {
                StartedById = "system", StartedByName = "Cisa CRM", Status = RunStatus.Running, AsOf = new DateOnly(2026, 3, 14),
                StartedAtUtc = _db.Time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        await _runner.StartAsync(CancellationToken.None); // the hosted runner starts with the app
        UseCulture(culture);
        var table = Render<RetentionRunsTable>();

        table.WaitForAssertion(() => Assert.Equal(["Interrupted"], table.FindAll("#runs-table tbody tr [data-status]").Select(s => s.GetAttribute("data-status"))));
        Assert.Equal(interrupted, table.Find("#runs-table tbody tr [data-status]").TextContent.Trim());
    }
}

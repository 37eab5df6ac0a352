using Bunit;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Demo;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Components.Pages.Privacy.Retention;
using Cisa.Crm.Web.Localization;
using Cisa.Crm.Web.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace Cisa.Crm.Tests.Components;

/// <summary>Issue 18, defect 5: the retention page's runs after a restart that found a sweep killed mid-run.</summary>
public sealed class RetentionRunsTableTests : ComponentTestContext
{
    private TestDatabase _db = null!;
    private SweepRunner _runner = null!;

    public override async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _db.Actor.Current = DemoStaff.ToActor(DemoStaff.Privacy);
        _runner = new SweepRunner(_db.Get<RetentionSweep>(), new ListLogger<SweepRunner>());
        Services.AddSingleton(_db.Get<RetentionService>());
        SignIn("demo-privacy");
    }

    protected override async Task CleanupAsync()
    {
        await _runner.StopAsync(CancellationToken.None);
        _runner.Dispose();
        await _db.DisposeAsync();
    }

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

        table.WaitForAssertion(() => Assert.Equal("Interrupted", table.Find("#runs-table tbody tr [data-status]").GetAttribute("data-status")));
        Assert.Equal(interrupted, table.Find("#runs-table tbody tr [data-status]").TextContent.Trim());
    }
}

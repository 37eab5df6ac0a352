using Bunit;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Tests.Core.Sales;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Components.Pages.Prospects;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Cisa.Crm.Tests.Components;

/// <summary>The call-log dialog against the real core on a real SQLite file.</summary>
public sealed class CallLogDialogTests : ComponentTestContext
{
    private TestDatabase _db = null!;
    private int _prospectId;

    public override async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var data = new SalesData(_db);
        var assessment = await data.AssessmentAsync();
        var company = await data.CompanyAsync();
        _prospectId = await data.ProspectAsync(data.Prospect(company, assessment));
        _db.Actor.Current = SalesPeople.Sofie;

        Services.AddSingleton(_db.Get<CallLogService>());
        Services.AddSingleton<TimeProvider>(_db.Time);
        SignIn("demo-sales");
    }

    protected override async Task CleanupAsync() => await _db.DisposeAsync();

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<CallLogDialog> { { d => d.ProspectId, _prospectId }, { d => d.ProspectName, "An Peeters" } };
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await dialogs.ShowAsync<CallLogDialog>(string.Empty, parameters));
        return (provider, reference!);
    }

    [Fact]
    public async Task The_dialog_opens_on_now_in_Brussels_with_a_report_counter()
    {
        var (provider, _) = await OpenAsync();

        Assert.Contains("Log a call with An Peeters", provider.Markup, StringComparison.Ordinal);
        // 14 March 2026 09:30 UTC is 10:30 in Brussels (winter time).
        var pickers = provider.FindAll(".mud-picker input").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["14/03/2026", "10:30"], pickers.Take(2));
        Assert.Contains("0 / 500", provider.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_without_an_outcome_shows_the_error_and_saves_nothing()
    {
        var (provider, dialog) = await OpenAsync();

        await provider.Find("#save-call").ClickAsync(new());

        provider.WaitForAssertion(() => Assert.Equal("Required.", provider.Find("#outcome-error").TextContent));
        Assert.Empty(await _db.Get<CallLogService>().TimelineAsync(_prospectId));
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task MINIMISE_a_report_longer_than_500_characters_is_refused_beside_the_field()
    {
        var (provider, _) = await OpenAsync();

        await provider.Find("[data-outcome='Reached']").ClickAsync(new());
        provider.Find("#call-report").Input(new string('x', Call.ReportMaxLength + 1));
        await provider.Find("#save-call").ClickAsync(new());

        provider.WaitForAssertion(() => Assert.Contains("At most 500 characters.", provider.Markup, StringComparison.Ordinal));
        Assert.Empty(await _db.Get<CallLogService>().TimelineAsync(_prospectId));
    }

    [Fact]
    public async Task A_complete_call_is_saved_and_the_dialog_closes()
    {
        var (provider, dialog) = await OpenAsync();

        await provider.Find("[data-outcome='MeetingBooked']").ClickAsync(new());
        provider.Find("#call-report").Input("Demo planned at their office.");
        await provider.Find("#save-call").ClickAsync(new());

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result!.Canceled);
        var call = Assert.Single(await _db.Get<CallLogService>().TimelineAsync(_prospectId));
        Assert.Equal(CallOutcome.MeetingBooked, call.Outcome);
        Assert.Equal("Demo planned at their office.", call.Report);
        Assert.Equal("sales-1", call.LoggedById);
    }
}

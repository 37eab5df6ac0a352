using Bunit;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Components.Pages.Prospects;
using Cisa.Crm.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using Cisa.Crm.Tests.Core.Prospects;

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

    [Fact]
    public async Task The_focus_starts_on_the_first_outcome_when_the_dialog_opens()
    {
        var (provider, _) = await OpenAsync();

        // MudBlazor's focus trap puts the focus on the dialog's first focusable element: the first outcome.
        provider.WaitForAssertion(() => JSInterop.VerifyInvoke("mudElementRef.focusFirst"));
        var first = provider.Find(".mud-dialog-content").QuerySelectorAll("button, input, textarea, select, [tabindex='0']")[0];
        Assert.Equal("Reached", first.GetAttribute("data-outcome"));
    }

    [Fact]
    public async Task Esc_with_nothing_typed_closes_the_dialog_at_once()
    {
        var (provider, dialog) = await OpenAsync();

        await provider.InvokeAsync(() => provider.FindComponent<FormDialog>().Instance.EscapeAsync());

        Assert.True((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
        Assert.DoesNotContain("Discard this call?", provider.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Esc_after_typing_asks_first_and_keep_editing_keeps_what_was_typed()
    {
        var (provider, dialog) = await OpenAsync();
        await provider.Find("[data-outcome='CallBack']").ClickAsync(new());
        provider.Find("#call-report").Input("Asked to call back next week.");

        var escape = provider.InvokeAsync(() => provider.FindComponent<FormDialog>().Instance.EscapeAsync());

        provider.WaitForAssertion(() => Assert.Contains("Discard this call?", provider.Markup, StringComparison.Ordinal));
        Assert.False(dialog.Result.IsCompleted);
        await Button(provider, "Keep editing").ClickAsync(new());
        await escape;
        provider.WaitForAssertion(() => Assert.DoesNotContain("Discard this call?", provider.Markup, StringComparison.Ordinal));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal("Asked to call back next week.", provider.FindComponent<MudTextField<string>>().Instance.GetState(x => x.Value));
    }

    [Fact]
    public async Task Esc_after_typing_then_discard_closes_without_saving()
    {
        var (provider, dialog) = await OpenAsync();
        provider.Find("#call-report").Input("Voicemail left.");

        var escape = provider.InvokeAsync(() => provider.FindComponent<FormDialog>().Instance.EscapeAsync());
        provider.WaitForAssertion(() => Assert.Contains("Discard this call?", provider.Markup, StringComparison.Ordinal));
        await Button(provider, "Discard").ClickAsync(new());
        await escape;

        Assert.True((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
        Assert.Empty(await _db.Get<CallLogService>().TimelineAsync(_prospectId));
    }

    [Fact]
    public async Task A_click_beside_the_dialog_after_choosing_an_outcome_asks_instead_of_throwing_it_away()
    {
        var (provider, dialog) = await OpenAsync();
        await provider.Find("[data-outcome='NoAnswer']").ClickAsync(new());

        // The click is handled once the question is answered.
        var click = provider.Find(".mud-overlay-dialog").ClickAsync(new());

        provider.WaitForAssertion(() => Assert.Contains("Discard this call?", provider.Markup, StringComparison.Ordinal));
        Assert.False(dialog.Result.IsCompleted);
        await Button(provider, "Keep editing").ClickAsync(new());
        await click;
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task A_click_beside_the_untouched_dialog_closes_it()
    {
        var (provider, dialog) = await OpenAsync();

        await provider.Find(".mud-overlay-dialog").ClickAsync(new());

        Assert.True((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
    }

    [Fact]
    public async Task Ctrl_Enter_saves_the_call_and_a_snackbar_confirms_it()
    {
        var (provider, dialog) = await OpenAsync();
        await provider.Find("[data-outcome='Reached']").ClickAsync(new());

        await provider.InvokeAsync(() => provider.FindComponent<FormDialog>().Instance.SubmitAsync());

        Assert.False((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
        Assert.Equal(CallOutcome.Reached, Assert.Single(await _db.Get<CallLogService>().TimelineAsync(_prospectId)).Outcome);
        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Call saved." && s.Severity == Severity.Success);
    }

    [Fact]
    public async Task The_confirmation_speaks_Dutch_to_a_Dutch_user()
    {
        UseCulture(Cisa.Crm.Web.Localization.CrmCultures.Dutch);
        var (provider, dialog) = await OpenAsync();
        await provider.Find("[data-outcome='Voicemail']").ClickAsync(new());
        await provider.Find("#save-call").ClickAsync(new());

        await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Gesprek bewaard.");
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<MudDialogProvider> provider, string text) =>
        provider.FindAll("button").Single(b => b.TextContent.Trim() == text);
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Core.Time;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// Each role's main job, done in the browser as a person does it (clicks, typing, keys; no typed addresses after the
/// first screen), counted by <see cref="CountingUser"/>: clicks, keystrokes, page loads and seconds from the first
/// screen to the result, sign-in excluded. Each test asserts the job's result, in the page and in the database, so it
/// cannot pass without doing the job. The figures go to the test output and to <c>artifacts/main-jobs.tsv</c> (one
/// line per job and run, appended), to compare the screens before and after a change. Desktop size (1366×768), Dutch.
/// Each job is a numbered sequence of the steps a person takes; when a screen changes, change the steps, not the
/// counting.
/// </summary>
public sealed class MainJobsJourneyTests(BrowserFixture browser, ITestOutputHelper output) : JourneyTests(browser)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");
    private static readonly object FiguresFile = new();
    private static readonly string Run = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Sales_logs_a_call_from_the_prospect_list()
    {
        var prospect = await QueryAsync(db => db.Prospects
            .Where(p => !p.IsRestricted && p.OwnerId == "demo-sales" && p.Phone != null)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.FirstName, p.LastName }).FirstAsync());
        var followUp = BrusselsTime.Today(TimeProvider.System).AddDays(7);
        const string report = "Interesse in back-up voor 25 werkplekken; belt terug na overleg met de zaakvoerder.";

        var (page, user) = await StartAsync("demo-sales", "/prospects");
        await Expect(page.Locator("#prospect-grid tbody tr")).ToHaveCountAsync(25);
        var everyone = await page.Locator("#prospect-pager-info").InnerTextAsync();
        user.BeginJob();

        // 1. Find the person: type the surname in the list's search box; the list narrows down.
        await user.TypeAsync(page.Locator("#prospect-search"), prospect.LastName);
        await Expect(page.Locator("#prospect-pager-info")).Not.ToHaveTextAsync(everyone);
        var row = page.Locator("#prospect-grid tbody tr", new() { Has = page.Locator($"a[href='/prospects/{prospect.Id}']") });
        // 2. Click the row's "log a call" icon: the call dialog opens, time preset to now.
        await user.ClickAsync(row.Locator("[data-log-call]"));
        var dialog = page.Locator(".mud-dialog");
        // 3. Click the outcome.
        await user.ClickAsync(dialog.Locator("[data-outcome='CallBack']"));
        // 4. Type the short report.
        await user.TypeAsync(page.Locator("#call-report"), report);
        // 5. The next follow-up, a week from now: open the calendar, turn to next month when needed, click the day.
        await user.ClickAsync(dialog.Locator(".mud-input-control", new() { HasText = Text("Call.FollowUp") }).Locator("input"));
        var calendar = page.Locator(".mud-popover-open .mud-picker-calendar-container");
        if (followUp.Month != BrusselsTime.Today(TimeProvider.System).Month)
        {
            await user.ClickAsync(page.Locator(".mud-popover-open .mud-picker-nav-button-next"));
        }

        await user.ClickAsync(calendar.Locator("button.mud-picker-calendar-day:not(.mud-hidden)",
            new() { HasTextRegex = new Regex($"^\\s*{followUp.Day}\\s*$") }));
        await Expect(page.Locator(".mud-popover-open .mud-picker-calendar-container")).ToHaveCountAsync(0);
        // 6. Save: the dialog closes and the row shows the follow-up.
        await user.ClickAsync(page.Locator("#save-call"));
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(row).ToContainTextAsync(followUp.ToString("d", Dutch));
        user.EndJob();
        await ShotAsync(page, "main-job-1-call-logged");

        var call = await QueryAsync(db => db.Calls.Where(c => c.ProspectId == prospect.Id && c.Report == report).SingleAsync());
        Assert.Equal(CallOutcome.CallBack, call.Outcome);
        Assert.Equal(followUp, call.FollowUpOn);
        Assert.Equal("demo-sales", call.LoggedById);
        await ReportAsync("1 sales: log a call from the list", user);
    }

    [Fact]
    public async Task Sales_adds_a_prospect_at_a_company_the_CRM_does_not_know_yet()
    {
        const string firstName = "Griet", lastName = "Vandenbroucke", company = "Hagelandse Cloudwerken bv";
        const string email = "griet.vandenbroucke@hagelandse-cloudwerken.example";
        var (page, user) = await StartAsync("demo-sales", "/prospects");
        user.BeginJob();

        // 1. New prospect: the form opens.
        await user.ClickAsync(page.Locator("#new-prospect"));
        // 2. Fill it in from the top: first name, last name, then the company...
        await user.TypeAsync(page.Locator("#first-name"), firstName);
        await user.TypeAsync(page.Locator("#last-name"), lastName);
        await user.TypeKeyByKeyAsync(page.Locator("#company"), company);
        // 3. ... which the CRM does not have: the list offers to create it; one click takes that, the form stays.
        var create = page.Locator(".mud-popover-open [data-create-company]");
        await Expect(create).ToHaveTextAsync(Text("Prospect.Company.Create", company));
        await user.OffTheClockAsync(() => ShotAsync(page, "main-job-2-company-offered"));
        await user.ClickAsync(create);
        await Expect(page.Locator("#company")).ToHaveValueAsync(company);
        // 4. The rest of the form: job title, e-mail, phone, source, why this person fits.
        await user.TypeAsync(page.Locator("#job-title"), "IT-verantwoordelijke");
        await user.TypeAsync(page.Locator("#email"), email);
        await user.TypeAsync(page.Locator("#phone"), "016 81 23 45");
        await user.ChooseAsync(page.Field("source"), Text("ProspectSource.CompanyWebsite"));
        await user.TypeAsync(page.Locator("#li-note"), "Beslist over de IT van de vestiging in Tienen.");
        // 5. Save: the prospect's page, and a confirmation that names the new company.
        await user.ClickAsync(page.Locator("#save-prospect"));
        await Expect(page.Locator("h1")).ToHaveTextAsync($"{firstName} {lastName}");
        await Expect(page.Locator("body")).ToContainTextAsync(company);
        await Expect(page.Locator(".mud-snackbar", new() { HasText = Text("Prospect.SavedWithCompany", company) })).ToBeVisibleAsync();
        user.EndJob();
        await ShotAsync(page, "main-job-2-prospect-saved");

        var saved = await QueryAsync(db => db.Prospects.Where(p => p.Email == email).Select(p => new { p.FirstName, Company = p.Company!.Name }).SingleAsync());
        Assert.Equal((firstName, company), (saved.FirstName, saved.Company));
        Assert.Equal(1, await QueryAsync(db => db.Companies.CountAsync(c => c.Name == company)));
        await ReportAsync("2 sales: add a prospect at a new company", user);
    }

    [Fact]
    public async Task Sales_imports_a_prospect_file_of_five_rows_one_of_them_invalid()
    {
        var csv = string.Join("\n",
            "FirstName;LastName;JobTitle;Company;Email;Phone;Language;Source",
            "Bram;Wuyts;IT-manager;Mechelse Datadiensten nv;bram.wuyts@mechelse-datadiensten.example;015 41 22 33;nl;Event",
            "Ilse;De Ridder;CFO;Mechelse Datadiensten nv;ilse.deridder@mechelse-datadiensten.example;015 41 22 34;nl;Event",
            "Kobe;Aerts;Systeembeheerder;Pajottenland Software bv;kobe.aerts@pajottenland-software;;nl;Event",
            "Nina;Goossens;Zaakvoerder;Pajottenland Software bv;nina.goossens@pajottenland-software.example;02 532 11 22;nl;Event",
            "Thomas;Lambrechts;CIO;Pajottenland Software bv;thomas.lambrechts@pajottenland-software.example;;fr;LinkedIn");
        var (page, user) = await StartAsync("demo-sales", "/prospects/import");
        user.BeginJob();

        // 1. Choose the file: the button opens the system's file dialog, the file is picked there.
        await user.PickFileAsync(page.GetByRole(AriaRole.Button, new() { Name = Text("Import.ChooseFile") }), new FilePayload
        {
            Name = "beurs-mechelen.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await Expect(page.Locator("#preview-import")).ToBeEnabledAsync();
        // 2. The one line for the whole batch (the only assessment that may be chosen is preselected).
        await user.TypeAsync(page.Locator("#import-note"), "Bezocht onze stand op de beurs in Mechelen en vroeg om een opvolggesprek.");
        // 3. Preview: four valid rows, one invalid with its reason.
        await user.ClickAsync(page.Locator("#preview-import"));
        await Expect(page.Locator("[data-row-status='Valid']")).ToHaveCountAsync(4);
        await Expect(page.Locator("[data-row-status='Invalid']")).ToContainTextAsync("Kobe Aerts");
        await user.OffTheClockAsync(() => ShotAsync(page, "main-job-3-preview"));
        // 4. Import.
        await user.ClickAsync(page.Locator("#confirm-import"));
        await Expect(page.Locator("#import-summary")).ToHaveTextAsync("4 prospecten geïmporteerd; 1 rij overgeslagen; 2 nieuwe bedrijven.");
        user.EndJob();
        await ShotAsync(page, "main-job-3-imported");

        var imported = await QueryAsync(db => db.Prospects.Where(p => p.Email!.EndsWith("-software.example") || p.Email!.EndsWith("@mechelse-datadiensten.example"))
            .Select(p => p.LastName).OrderBy(n => n).ToListAsync());
        Assert.Equal(["De Ridder", "Goossens", "Lambrechts", "Wuyts"], imported);
        await ReportAsync("3 sales: import a CSV of 5 rows, 1 invalid", user);
    }

    [Fact]
    public async Task HR_adds_an_applicant_with_a_PDF_CV()
    {
        const string email = "sander.peeters@mail.example";
        const string cvName = "cv-sander-peeters.pdf";
        var vacancy = await QueryAsync(db => db.SelectionProcedures.Where(p => p.EndedOn == null && p.Kind == Cisa.Crm.Core.Applicants.ProcedureKind.Vacancy)
            .OrderBy(p => p.Id).Select(p => p.Title).FirstAsync());
        var (page, user) = await StartAsync("demo-hr", "/hr/applicants");
        user.BeginJob();

        // 1. New applicant: the form opens.
        await user.ClickAsync(page.Locator("#new-applicant"));
        // 2. The person: first name, last name, e-mail, phone.
        await user.TypeAsync(page.Locator("#first-name"), "Sander");
        await user.TypeAsync(page.Locator("#last-name"), "Peeters");
        await user.TypeAsync(page.Locator("#email"), email);
        await user.TypeAsync(page.Locator("#phone"), "0486 22 33 44");
        // 3. The vacancy, the source, and why the person fits (the recruitment assessment is preselected).
        await user.ChooseAsync(page.Field("procedure"), vacancy);
        await user.ChooseAsync(page.Field("source"), Text("ApplicantSource.Vacancy"));
        await user.TypeAsync(page.Locator("#li-note"), "Reageerde op de vacature; vijf jaar ervaring met Windows en Linux.");
        // 4. The CV, in the same form: the button opens the system's file dialog, the PDF is picked there.
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        await user.PickFileAsync(page.Locator("#new-cv-choose"), new FilePayload { Name = cvName, MimeType = "application/pdf", Buffer = pdf });
        await Expect(page.Locator("#cv-chosen")).ToContainTextAsync(cvName);
        // 5. Save: the applicant's page, with the CV stored.
        await user.ClickAsync(page.Locator("#save-applicant"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sander Peeters");
        await Expect(page.Locator("#download-cv")).ToHaveTextAsync(cvName);
        user.EndJob();
        await ShotAsync(page, "main-job-4-cv-stored");

        var stored = await QueryAsync(db => db.ApplicantCvs.Where(cv => db.Applicants.Any(a => a.Id == cv.ApplicantId && a.Email == email))
            .Select(cv => new { cv.FileName, cv.SizeBytes }).SingleAsync());
        Assert.Equal((cvName, (long)pdf.Length), (stored.FileName, stored.SizeBytes));
        await ReportAsync("4 hr: add an applicant with a PDF CV", user);
    }

    [Fact]
    public async Task Privacy_officer_takes_an_access_request_from_intake_to_answer()
    {
        // The requester: a prospect the other journeys leave alone (not the first ones, not restricted, with an e-mail).
        var person = await QueryAsync(db => db.Prospects.Where(p => !p.IsRestricted && p.Email != null && p.LastCallAtUtc != null)
            .OrderByDescending(p => p.Id).Skip(3).Select(p => new { p.Id, p.FirstName, p.LastName, Email = p.Email! }).FirstAsync());
        var name = $"{person.FirstName} {person.LastName}";
        var (page, user) = await StartAsync("demo-privacy", "/privacy/requests");
        user.BeginJob();

        // 1. Intake: new request; the right (access), the channel (e-mail), who asks, and what they wrote.
        //    Received today and a Dutch reply are preset.
        await user.ClickAsync(page.Locator("#new-request"));
        await user.ClickAsync(page.Locator("[data-right='Access']"));
        await user.ChooseAsync(page.Field("channel"), Text("Request.Channel.Email"));
        await user.TypeAsync(page.Locator("#requester-name"), name);
        await user.TypeAsync(page.Locator("#requester-email"), person.Email);
        await user.TypeAsync(page.Locator("#request-text"), "Graag een overzicht van alle gegevens die u over mij bewaart.");
        await user.ClickAsync(page.Locator("#save-request"));
        await Expect(page.Locator("#request-status")).ToHaveTextAsync(Text("Request.Status.Received"));
        // 2. Verify the identity: the e-mail came from the address the CRM holds.
        await user.ChooseAsync(page.Field("identity-method"), Text("Request.IdentityMethod.KnownContactDetails"));
        await user.ClickAsync(page.Locator("#verify-identity"));
        await Expect(page.Locator("#request-status")).ToHaveTextAsync(Text("Request.Status.Verified"));
        // 3. Find the person: the search is prefilled from the request; confirm the record that is theirs.
        await user.ClickAsync(page.Locator("#search-records"));
        var found = page.Locator("#find-results [data-category='Prospect'] tr", new() { HasText = name });
        await user.ClickAsync(found.Locator("[data-confirm]"));
        await Expect(found).ToContainTextAsync(Text("Find.Confirmed"));
        // 4. The access report: open it (a new tab), print it to send along, close the tab.
        var report = await user.ClickOpeningTabAsync(page.Locator("#open-access-report"));
        await Expect(report.Locator("#access-report")).ToContainTextAsync(person.Email);
        await user.ClickAsync(report.Locator("#print-report"));
        await user.CloseTabAsync(report);
        // 5. The answer: draft it (in the requester's language), read it, mark the request answered.
        await user.ClickAsync(page.Locator("#draft-reply"));
        await Expect(page.Locator("#reply-text")).ToHaveValueAsync(new Regex($"{Regex.Escape(name)}"));
        await user.ClickAsync(page.Locator("#mark-answered"));
        // 6. Closing cannot be undone: confirm it.
        await user.ClickAsync(page.Locator(".mud-dialog button", new() { HasText = Text("Answer.MarkAnswered") }));
        await Expect(page.Locator("#request-status")).ToHaveTextAsync(Text("Request.Status.Answered"));
        user.EndJob();
        await ShotAsync(page, "main-job-5-answered");

        var request = await QueryAsync(db => db.SubjectRequests.Where(r => r.RequesterEmail == person.Email).Select(r => new { r.Id, r.Status, r.Rights }).SingleAsync());
        Assert.Equal((RequestStatus.Answered, RequestedRights.Access), (request.Status, request.Rights));
        Assert.True(await QueryAsync(db => db.RequestMatches.AnyAsync(m => m.RequestId == request.Id && m.Category == PersonCategory.Prospect && m.PersonId == person.Id)));
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "SubjectRequest.AccessReportGenerated" && e.EntityId == request.Id.ToString(CultureInfo.InvariantCulture))));
        await ReportAsync("5 privacy: access request from intake to answer", user);
    }

    /// <summary>Signs in (not counted) and lands on the job's first screen, at desktop size in Dutch.</summary>
    private async Task<(IPage Page, CountingUser User)> StartAsync(string demoUser, string firstScreen)
    {
        // Its own context rather than BrowserFixture.NewPageAsync: this measurement is fixed at 1366×768.
        var context = await Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Browser.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "nl-BE",
            TimezoneId = "Europe/Brussels",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.SignInAsAsync(demoUser, firstScreen);
        return (page, new CountingUser(page));
    }

    /// <summary>A full-page screenshot from the top, so the fixed app bar stays on top.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(name);
    }

    private async Task ReportAsync(string job, CountingUser user)
    {
        var seconds = user.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        output.WriteLine($"{job}: {user.Clicks} clicks, {user.Keystrokes} keystrokes, {user.PageLoads} page loads, {seconds} s");
        var path = Path.Combine(RepositoryRoot.Path, "artifacts", "main-jobs.tsv");
        lock (FiguresFile)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
            {
                File.WriteAllText(path, "job\tclicks\tkeystrokes\tseconds\tpage_loads\trun\n");
            }

            File.AppendAllText(path, $"{job}\t{user.Clicks}\t{user.Keystrokes}\t{seconds}\t{user.PageLoads}\t{Run}\n");
        }

        await user.Page.Context.CloseAsync();
    }

    /// <summary>A UI text as the Dutch page shows it, from the app's own resources, so a reworded label does not break the script.</summary>
    private string Text(string key, params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Dutch;
        try
        {
            var localizer = Browser.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
            return arguments.Length == 0 ? localizer[key] : localizer[key, arguments];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

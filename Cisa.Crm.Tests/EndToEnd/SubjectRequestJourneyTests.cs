using System.Text.RegularExpressions;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// The privacy officer's data-subject requests, end to end. The demo data holds one person, Marieke
/// Verbiest, who is both a customer's contact person (shared once with a subcontractor) and a job
/// applicant; only this journey touches her, so the other journeys on the shared database are unaffected.
/// </summary>
public sealed partial class SubjectRequestJourneyTests(BrowserFixture browser) : JourneyTests(browser)
{
    [Fact]
    public async Task DSR_FIND_DSR_EXEMPT_privacy_officer_handles_a_request_from_intake_to_answer()
    {
        var subcontractor = await QueryAsync(db => db.Companies.Where(c => c.Type == CompanyType.Subcontractor).OrderBy(c => c.Id).Select(c => c.Name).FirstAsync());

        var page = await SignedInPageAsync("demo-privacy", "/privacy/requests", "en-BE");
        await Expect(page.Locator("#request-grid")).ToContainTextAsync("DSR-");
        await ShotAsync(page, "dsr-list");

        // Intake: access and erasure, by e-mail, today, the reply in English.
        await page.Locator("#new-request").ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.Locator("#save-request").ClickAsync();
        await Expect(page.Locator("#rights-error")).ToHaveTextAsync("Choose at least one right.");
        await Expect(page.Field("requester-name")).ToContainTextAsync("Required.");
        await Expect(page.Field("channel")).ToContainTextAsync("Required.");
        await page.Locator("[data-right='Access']").CheckAsync();
        await page.Locator("[data-right='Erasure']").CheckAsync();
        await page.ChooseAsync("channel", "E-mail");
        await page.Locator("[data-language='English']").CheckAsync();
        await page.Locator("#requester-name").FillAsync($"{DemoRequests.BothFirstName} {DemoRequests.BothLastName}");
        await page.Locator("#requester-email").FillAsync(DemoRequests.BothPrivateEmail);
        await page.Locator("#requester-phone").FillAsync("0478 12 34 56");
        await page.Locator("#request-text").FillAsync("I applied for a job with you and I also work for one of your customers. Please send me what you hold about me and erase my application.");
        await ShotAsync(page, "dsr-intake");
        await page.Locator("#save-request").ClickAsync();

        // DSR-IDENTITY: before verification, a clear notice; nothing to disclose or decide yet.
        await Expect(page.Locator("h1")).ToHaveTextAsync(Reference());
        await Expect(page.Locator("#request-status")).ToHaveTextAsync("Received");
        await Expect(page.Locator("#days-left")).ToHaveTextAsync(DaysLeft());
        await Expect(page.Locator("#identity-notice")).ToContainTextAsync("nothing may be disclosed, changed or erased");
        await Expect(page.Locator("#step-access")).ToContainTextAsync("Available once the identity is verified");
        await Expect(page.Locator("#open-access-report")).ToHaveCountAsync(0);

        // DSR-FIND: one search, prefilled from the request, finds her in two categories.
        await Expect(page.Locator("#find-email")).ToHaveValueAsync(DemoRequests.BothPrivateEmail);
        await page.Locator("#search-records").ClickAsync();
        var contactRow = page.Locator("#find-results [data-category='PartnerContact'] tr", new() { HasText = "Marieke Verbiest" });
        var applicantRow = page.Locator("#find-results [data-category='Applicant'] tr", new() { HasText = "Marieke Verbiest" });
        await Expect(contactRow).ToContainTextAsync("phone");
        await Expect(contactRow).ToContainTextAsync("1 disclosure");
        await Expect(applicantRow).ToContainTextAsync("e-mail");
        await Expect(applicantRow).ToContainTextAsync("CV");
        await ShotAsync(page, "dsr-find");
        await contactRow.Locator("[data-confirm]").ClickAsync();
        await Expect(contactRow).ToContainTextAsync("Confirmed");
        await applicantRow.Locator("[data-confirm]").ClickAsync();
        await Expect(applicantRow).ToContainTextAsync("Confirmed");

        var contactCard = page.Locator("[data-match^='PartnerContact-']");
        var applicantCard = page.Locator("[data-match^='Applicant-']");
        await Expect(page.Locator("#decide-after-identity")).ToBeVisibleAsync();
        await Expect(applicantCard.Locator("[data-save-decision]")).ToBeDisabledAsync();
        await ShotAsync(page, "dsr-before-identity");

        // DSR-IDENTITY: verified through contact details the CRM already holds.
        await page.ChooseAsync("identity-method", "Came from contact details the CRM holds");
        await page.Locator("#identity-note").FillAsync("Sent from the private address the applicant record holds.");
        await page.Locator("#verify-identity").ClickAsync();
        await Expect(page.Locator("#identity-verified")).ToContainTextAsync("Annelies Claes");
        await Expect(page.Locator("#request-status")).ToHaveTextAsync("Identity verified");

        // DSR-ACCESS: the printable report, made before anything is erased, in the requester's language.
        var reportUrl = await page.Locator("#open-access-report").GetAttributeAsync("href");
        var report = await page.Context.NewPageAsync();
        await report.GotoAsync(reportUrl!);
        await Expect(report.Locator("#access-report h1")).ToHaveTextAsync("Overview of your personal data");
        await Expect(report.Locator("#access-report")).ToContainTextAsync("Job applicant");
        await Expect(report.Locator("#access-report")).ToContainTextAsync("Contact person at a customer or supplier");
        await Expect(report.Locator("#access-report")).ToContainTextAsync(subcontractor);
        await Expect(report.Locator("#access-report")).ToContainTextAsync("Belgian Data Protection Authority");
        await ShotAsync(report, "dsr-access-report");
        await report.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(report.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(report.Locator("#print-report")).ToBeHiddenAsync();
        await ShotAsync(report, "dsr-access-report-print");
        await report.CloseAsync();

        // Decisions: erase the applicant; keep the contact for the customer contract (DSR-EXEMPT) and restrict it instead.
        await applicantCard.Locator("[data-action='Erase']").CheckAsync();
        await applicantCard.Locator("[data-save-decision]").ClickAsync();
        await Expect(applicantCard.Locator("[data-saved-decision='Erase']")).ToHaveTextAsync("Decision saved");
        await contactCard.Locator("[data-action='Exempt']").CheckAsync();
        await contactCard.Locator(".mud-input-control", new() { HasText = "Legal ground" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Needed to contact a customer under contract" }).ClickAsync();
        await contactCard.Locator("[data-field='RestrictInstead']").CheckAsync();
        await contactCard.Locator("[data-save-decision]").ClickAsync();
        await Expect(contactCard.Locator("[data-saved-decision='Exempt']")).ToHaveTextAsync("Decision saved");
        await ShotAsync(page, "dsr-decisions");

        await page.Locator("#execute-decisions").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Carry out", Exact = true }).ClickAsync();
        await Expect(page.Locator("#request-status")).ToHaveTextAsync("Carried out");
        await Expect(applicantCard).ToContainTextAsync("No longer in the CRM");
        await Expect(page.Locator("#find-closed")).ToContainTextAsync("2 records confirmed");
        await Expect(applicantCard.Locator("[data-result]")).ToContainTextAsync("1 CV erased");
        await Expect(contactCard.Locator("[data-result]")).ToContainTextAsync("Kept: Needed to contact a customer under contract");
        await Expect(contactCard.Locator("[data-result]")).ToContainTextAsync("restricted");
        await Expect(contactCard.Locator("[data-restricted]")).ToBeVisibleAsync();

        // DSR-NOTIFY: the subcontractor her contact details were shared with is to be told of the restriction.
        var recipient = page.Locator("#recipients tr", new() { HasText = subcontractor });
        await Expect(recipient).ToContainTextAsync("Restriction");
        await ShotAsync(page, "dsr-carried-out");
        await recipient.Locator("[data-notify]").ClickAsync();
        await Expect(recipient.Locator("[data-notified]")).ToContainTextAsync("Annelies Claes");

        // The answer, drafted in English, then the request is closed.
        await page.Locator("#draft-reply").ClickAsync();
        await Expect(page.Locator("#reply-text")).ToHaveValueAsync(new Regex("^Dear Marieke Verbiest,"));
        await Expect(page.Locator("#reply-text")).ToHaveValueAsync(new Regex("We cannot erase your data as contact person of a customer or supplier"));
        await Expect(page.Locator("#reply-text")).ToHaveValueAsync(new Regex("We inform those who received your data from us."));
        await Expect(page.Locator("#reply-text")).ToHaveValueAsync(new Regex("Belgian Data Protection Authority"));
        await ShotAsync(page, "dsr-reply");
        // Closing cannot be undone: the page asks first.
        await page.Locator("#mark-answered").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("is closed with this reply");
        await ShotAsync(page, "dsr-answer-confirm");
        await page.Locator(".mud-dialog button", new() { HasText = "Mark answered" }).ClickAsync();
        await Expect(page.Locator("#request-status")).ToHaveTextAsync("Answered");
        await Expect(page.Locator("#outcome")).ToContainTextAsync("Your data as job applicant have been erased.");
        await ShotAsync(page, "dsr-answered");

        // The contact page shows the restriction the exemption brought.
        var requestUrl = page.Url;
        var contactId = (await contactCard.GetAttributeAsync("data-match"))!.Split('-')[1];
        await page.GotoAsync($"/contacts/{contactId}");
        await Expect(page.Locator("#restricted-banner")).ToBeVisibleAsync();

        // DSR-RESTRICT: later, she consents; lifting the restriction takes a reason from the list and is audited.
        await page.GotoInteractiveAsync(requestUrl);
        await contactCard.Locator("[data-lift-restriction]").ClickAsync();
        await contactCard.Locator(".mud-input-control", new() { HasText = "Why?" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "The person withdrew the request or consented" }).ClickAsync();
        await contactCard.Locator("[data-confirm-lift]").ClickAsync();
        await Expect(contactCard.Locator("[data-restricted]")).ToHaveCountAsync(0);
        await page.GotoAsync($"/contacts/{contactId}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Marieke Verbiest");
        await Expect(page.Locator("#restricted-banner")).ToHaveCountAsync(0);
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Restriction.Lifted" && e.EntityId == contactId && e.Details!.Contains("reason=PersonConsented"))));

        // The closed request in Dutch: every step worded, no code names.
        await page.GotoInteractiveAsync(requestUrl);
        await page.Locator("#language-nl").ClickAsync();
        await Expect(page.Locator("#request-status")).ToHaveTextAsync("Beantwoord");
        await Expect(applicantCard.Locator("[data-result]")).ToContainTextAsync("1 sollicitatie gewist");
        await ShotAsync(page, "dsr-answered-nl");
        await page.GotoInteractiveAsync("/audit");
        await Expect(page.Locator("body")).ToContainTextAsync("Inzageoverzicht gemaakt");
        await ShotAsync(page, "dsr-audit-nl");
    }

    [Fact]
    public async Task DSR_DEADLINE_privacy_officer_extends_the_open_demo_request_in_Dutch()
    {
        var page = await SignedInPageAsync("demo-privacy", "/", "nl-BE");
        await Expect(page.Locator("#requests-dashboard")).ToBeVisibleAsync();
        await ShotAsync(page, "dsr-dashboard-nl");

        await page.Locator("nav a[href='/privacy/requests']").ClickAsync();
        var open = page.Locator("#request-grid tbody tr", new() { HasText = "Bezwaar tegen verwerking" });
        await Expect(open).ToContainTextAsync("Inzage");
        await Expect(open.Locator(".days-left.ok")).ToHaveTextAsync(new Regex(@"^nog \d+ dagen$"));
        await ShotAsync(page, "dsr-list-nl");

        await open.Locator("a").ClickAsync();
        await Expect(page.Locator("#request-status")).ToHaveTextAsync("Ontvangen");
        await Expect(page.Locator("#identity-notice")).ToContainTextAsync("Identiteit nog niet gecontroleerd");
        await page.Locator("#extend-deadline").ClickAsync();
        await page.Locator("[data-months='2']").CheckAsync();
        await page.Locator("#extension-reason").FillAsync("Ook bezwaar en vragen over gesprekken van meerdere jaren; navraag bij de verkopers.");
        await page.Locator("#save-extension").ClickAsync();
        await Expect(page.Locator("#extended-due-on")).ToContainTextAsync("navraag bij de verkopers");
        await Expect(page.Locator("#extend-deadline")).ToHaveCountAsync(0);
        await ShotAsync(page, "dsr-request-nl");
    }

    /// <summary>A full-page screenshot from the top (so the fixed app bar stays on top), transitions finished.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
        });
    }

    private static Regex Reference() => ReferencePattern();

    /// <summary>Received today: one calendar month to go (28 to 31 days).</summary>
    private static Regex DaysLeft() => new(@"^(28|29|30|31) days left$");

    [GeneratedRegex(@"^DSR-\d{4}-\d{4}$")]
    private static partial Regex ReferencePattern();
}

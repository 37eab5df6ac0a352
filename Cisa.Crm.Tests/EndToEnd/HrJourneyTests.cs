using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

public sealed class HrJourneyTests(BrowserFixture browser) : JourneyTests(browser)
{
    [Fact]
    public async Task RET_APP_CV_HR_opens_a_vacancy_adds_an_agency_applicant_with_a_CV_closes_it_and_sees_both_expiry_dates()
    {
        var page = await SignedInPageAsync("demo-hr", "/hr/procedures", "en-BE");

        await page.Locator("#open-procedure").ClickAsync();
        await page.Locator("#procedure-title").FillAsync("Network engineer");
        await page.Locator("#procedure-department").FillAsync("Infrastructure");
        await page.Locator("#save-procedure").ClickAsync();
        await Expect(page.Locator("#procedure-table")).ToContainTextAsync("Network engineer");
        await page.ScreenshotAsync("procedures");

        await page.Locator("nav a[href='/hr/applicants']").ClickAsync();
        await page.Locator("#new-applicant").ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.Locator("#first-name").FillAsync("Elise");
        await page.Locator("#last-name").FillAsync("Mertens");
        await page.Locator("#email").FillAsync("elise.mertens@mail.example");
        await page.Locator("#phone").FillAsync("0495 12 34 56");
        await page.ChooseAsync("procedure", "Network engineer");
        await page.ChooseAsync("source", "Sent by a recruitment agency");
        await page.Field("agency").ClickAsync();
        await page.GetByRole(AriaRole.Option).First.ClickAsync();
        await page.Field("agency-contact").ClickAsync();
        await page.GetByRole(AriaRole.Option).First.ClickAsync();
        await page.Locator("#li-note").FillAsync("Sent for the network engineer vacancy; profile fits.");
        await page.ScreenshotAsync("applicant-form");
        await page.Locator("#save-applicant").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Elise Mertens");
        await Expect(page.Locator("#applicant-source")).ToContainTextAsync("Sent by a recruitment agency");
        await Expect(page.Locator("#no-expiry")).ToBeVisibleAsync();

        // Rectify a detail.
        await page.Locator("#edit-applicant").ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.Locator("#phone").FillAsync("0495 65 43 21");
        await page.Locator("#save-applicant").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Elise Mertens");
        await Expect(page.Locator("body")).ToContainTextAsync("0495 65 43 21");

        // A CV whose content is a PDF.
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        await page.ChooseFileAsync(new FilePayload { Name = "cv-elise-mertens.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Expect(page.Locator("#download-cv")).ToHaveTextAsync("cv-elise-mertens.pdf");

        // Short HR notes on the application.
        await page.Locator("[data-edit-notes]").First.ClickAsync();
        await page.Locator("#application-notes").FillAsync("First interview went well; strong on networking.");
        await page.Locator("#save-notes").ClickAsync();
        await Expect(page.Locator("#applications")).ToContainTextAsync("First interview went well");

        // Close the vacancy with an outcome: the expiry dates appear.
        await page.Locator("nav a[href='/hr/procedures']").ClickAsync();
        var row = page.Locator("#procedure-table tbody tr", new() { HasText = "Network engineer" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await page.Locator(".outcome-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Kept for future procedures" }).ClickAsync();
        await page.ScreenshotAsync("close-procedure");
        await page.Locator("#confirm-close").ClickAsync();
        await Expect(row).ToContainTextAsync("Reopen");

        await page.Locator("nav a[href='/hr/applicants']").ClickAsync();
        await page.Locator("#applicant-search").FillAsync("Mertens");
        // As a person does: the found applicant is clicked once the list shows the search's result.
        await page.WaitForURLAsync(url => url.Contains("q=Mertens", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Link, new() { Name = "Elise Mertens" }).ClickAsync();
        await Expect(page.Locator("#cv-until")).ToBeVisibleAsync();
        await Expect(page.Locator("#contact-until")).ToBeVisibleAsync();
        var today = DateOnly.FromDateTime(Cisa.Crm.Core.Time.BrusselsTime.FromUtc(DateTime.UtcNow));
        var culture = System.Globalization.CultureInfo.GetCultureInfo("en-BE");
        await Expect(page.Locator("#cv-until")).ToHaveTextAsync(today.AddYears(2).ToString("d", culture));
        await Expect(page.Locator("#contact-until")).ToHaveTextAsync(today.AddYears(5).ToString("d", culture));
        await page.ScreenshotAsync("applicant-page");
    }

    [Fact]
    public async Task Sales_finds_no_trace_of_applicants_anywhere()
    {
        var applicantEmail = await QueryAsync(db => db.Applicants.OrderBy(a => a.Id).Select(a => a.Email!).FirstAsync());
        var page = await SignedInPageAsync("demo-sales", "/", "en-BE");
        await Expect(page.Locator("nav a[href='/hr/applicants']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#hr-dashboard")).ToHaveCountAsync(0);

        await page.GotoAsync("/hr/applicants");
        await Expect(page.Locator("#access-denied")).ToBeVisibleAsync();

        await page.GotoInteractiveAsync("/prospects");
        await page.Locator("#prospect-search").FillAsync(applicantEmail);
        await Expect(page.Locator("#prospect-grid")).ToContainTextAsync("Nothing matches this search or these filters.");
        await page.GotoInteractiveAsync("/contacts");
        await page.Locator("#contact-search").FillAsync(applicantEmail);
        await Expect(page.Locator("#contact-grid")).ToContainTextAsync("Nothing matches this search or these filters.");
    }
}

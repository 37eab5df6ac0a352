using Cisa.Crm.Core.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

public sealed class PartnerJourneyTests(BrowserFixture browser) : JourneyTests(browser)
{
    [Fact]
    public async Task SHARE_MIN_Sales_adds_a_customer_contact_and_records_disclosures_to_a_subcontractor()
    {
        var subcontractor = await QueryAsync(db => db.Companies.Where(c => c.Type == CompanyType.Subcontractor).OrderBy(c => c.Id).Select(c => c.Name).FirstAsync());

        var page = await SignedInPageAsync("demo-sales", "/companies", "en-BE");

        // A customer company to attach the contact to.
        await page.Locator("#new-company").ClickAsync();
        await page.Locator("#company-name").FillAsync("Grote Nete Brouwerij nv");
        await page.ChooseAsync("company-type", "Customer");
        await page.Locator("#save-company").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Grote Nete Brouwerij nv");

        // The contact: two e-mail addresses and a phone number.
        await page.Locator("#new-company-contact").ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.Locator("#first-name").FillAsync("Jef");
        await page.Locator("#last-name").FillAsync("Van Looy");
        await page.Locator("#job-function").FillAsync("Technisch directeur");
        await page.Locator("#email-0").FillAsync("Jef.VanLooy@GroteNete.example");
        await page.Locator("#add-email").ClickAsync();
        await page.Locator("#email-1").FillAsync("techniek@grotenete.example");
        await page.Locator("#phone-0").FillAsync("014 30 20 10");
        await page.ScreenshotAsync("contact-form");
        await page.Locator("#save-contact").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Jef Van Looy");
        await Expect(page.Locator("#contact-facts")).ToContainTextAsync("jef.vanlooy@grotenete.example");
        await Expect(page.Locator("#contact-facts")).ToContainTextAsync("techniek@grotenete.example");
        await Expect(page.Locator("#contact-facts")).ToContainTextAsync("014 30 20 10");
        await Expect(page.Locator("#retention-date")).ToContainTextAsync("As long as the relationship");

        // A disclosure with only the minimal fields is recorded and listed.
        await page.Locator("#record-disclosure").ClickAsync();
        await ChooseRecipientAsync(page, subcontractor);
        await page.Locator("#disclosure-assignment").FillAsync("Fibre link to the new bottling hall");
        await page.ScreenshotAsync("disclosure-dialog");
        await page.Locator("#save-disclosure").ClickAsync();
        await Expect(page.Locator("#disclosures")).ToContainTextAsync("Fibre link to the new bottling hall");
        await Expect(page.Locator("#disclosures")).ToContainTextAsync("Customer's company name");

        // One more field and no justification: refused, with a message.
        await page.Locator("#record-disclosure").ClickAsync();
        await ChooseRecipientAsync(page, subcontractor);
        await page.Locator("#disclosure-assignment").FillAsync("Site survey");
        await page.Locator("[data-field='PostalAddress']").CheckAsync();
        await page.Locator("#save-disclosure").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("need a written justification");
        await page.ScreenshotAsync("disclosure-refused");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.Locator("#disclosures tbody tr")).ToHaveCountAsync(1);

        await Expect(page.Locator("#contact-history")).ToContainTextAsync("Shared with a subcontractor");
        await page.ScreenshotAsync("contact-page");
    }

    private static async Task ChooseRecipientAsync(IPage page, string name)
    {
        await page.Locator("#disclosure-recipient").FillAsync(name[..6]);
        await page.GetByRole(AriaRole.Option, new() { Name = name }).ClickAsync();
        await Expect(page.Locator("#disclosure-recipient")).ToHaveValueAsync(name);
    }

    [Fact]
    public async Task Sales_finds_contacts_by_phone_number_in_any_format()
    {
        var page = await SignedInPageAsync("demo-sales", "/contacts", "nl-BE");
        await Expect(page.Locator("#contact-grid tbody tr").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("contacts-dutch");

        var firstEmail = await page.Locator("#contact-grid tbody tr .cell-sub").Last.InnerTextAsync();
        await page.Locator("#contact-search").FillAsync(firstEmail.Trim());
        await Expect(page.Locator("#contact-grid tbody tr")).ToHaveCountAsync(1);
    }
}

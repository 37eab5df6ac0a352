using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

public sealed class SalesJourneyTests(BrowserFixture browser) : JourneyTests(browser)
{
    [Fact]
    public async Task LI_NOTE_Sales_creates_a_company_and_a_prospect_logs_a_call_and_sees_it_on_the_timeline_and_dashboard()
    {
        var page = await SignedInPageAsync("demo-sales", "/companies", "en-BE");
        await page.ScreenshotAsync("companies");

        // A company, with a Belgian enterprise number typed the way people do.
        await page.Locator("#new-company").ClickAsync();
        await page.Locator("#company-name").FillAsync("Dijlevallei Data bv");
        await page.Locator("#company-kbo").FillAsync("BE0860244894");
        await page.Locator("#company-postcode").FillAsync("3000");
        await page.Locator("#company-city").FillAsync("Leuven");
        await page.ScreenshotAsync("company-dialog");
        await page.Locator("#save-company").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dijlevallei Data bv");
        await Expect(page.Locator("#company-kbo-value")).ToHaveTextAsync("0860.244.894");

        // A prospect: saving without the legitimate-interest line is refused with a message beside the field.
        await page.GetByRole(AriaRole.Link, new() { Name = "New prospect" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.Locator("#first-name").FillAsync("Lotte");
        await page.Locator("#last-name").FillAsync("Vermeulen");
        await page.Locator("#job-title").FillAsync("IT-manager");
        await page.Locator("#email").FillAsync("Lotte.Vermeulen@Dijlevallei.example");
        await page.Locator("#phone").FillAsync("016 12 34 56");
        await page.ChooseAsync("source", "Company website");
        await page.Locator("#save-prospect").ClickAsync();
        await Expect(page.Field("li-note")).ToContainTextAsync("Write why this person fits the assessment.");
        await page.ScreenshotAsync("prospect-form-refused");

        await page.Locator("#li-note").FillAsync("Decides on the IT infrastructure of the Leuven office.");
        await page.Locator("#save-prospect").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lotte Vermeulen");
        await Expect(page.Locator("#prospect-source")).ToContainTextAsync("Company website");
        await Expect(page.Locator("#privacy-basis")).ToContainTextAsync("Decides on the IT infrastructure");
        await Expect(page.Locator("body")).ToContainTextAsync("lotte.vermeulen@dijlevallei.example");
        await Expect(page.Locator("body")).ToContainTextAsync("016 12 34 56");

        // Log a call: outcome in one click, a short report with a visible counter.
        await page.Locator("#log-call").ClickAsync();
        await page.Locator("[data-outcome='MeetingBooked']").ClickAsync();
        await page.Locator("#call-report").FillAsync("Demo of managed back-up planned at their office.");
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("48 / 500");
        await page.ScreenshotAsync("call-dialog");
        await page.Locator("#save-call").ClickAsync();
        await Expect(page.Locator("#call-timeline")).ToContainTextAsync("Meeting booked");
        await Expect(page.Locator("#call-timeline")).ToContainTextAsync("Demo of managed back-up planned");
        await page.ScreenshotAsync("prospect-page");

        // The dashboard counts the call this week.
        await page.Locator("nav a[href='/']").ClickAsync();
        await Expect(page.Locator("#sales-dashboard")).ToBeVisibleAsync();
        var thisWeek = int.Parse(await page.Locator("[data-figure='calls-this-week']").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(thisWeek >= 1);
        await page.ScreenshotAsync("home-sales-dashboard");

        await page.Locator("nav a[href='/prospects']").ClickAsync();
        await page.Locator("#prospect-search").FillAsync("vermeulen");
        await Expect(page.Locator("#prospect-grid tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#prospect-grid")).ToContainTextAsync("Lotte Vermeulen");
        await page.Locator("#prospect-search").FillAsync("");
        await Expect(page.Locator("#prospect-grid tbody tr")).ToHaveCountAsync(25);
        await page.ScreenshotAsync("prospects");

        // The source filter (a native select) and the "mine only" switch (plain markup) filter like the MudBlazor ones did.
        var everyone = await page.Locator("#prospect-pager-info").InnerTextAsync();
        await page.Locator("#prospect-source").SelectOptionAsync("Referral");
        await Expect(page.Locator("#prospect-pager-info")).Not.ToHaveTextAsync(everyone);
        await page.Locator("label[for='prospects-mine']").ClickAsync();
        await Expect(page.Locator("#prospects-mine")).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(page.Locator("#prospect-pager-info")).Not.ToHaveTextAsync(everyone);
        await page.WaitForTimeoutAsync(300); // the switch's thumb slides for 150 ms; only the screenshot waits for it
        await page.ScreenshotAsync("prospects-filtered");
        await page.Locator("label[for='prospects-mine']").ClickAsync();
        await page.Locator("#prospect-source").SelectOptionAsync("");
        await Expect(page.Locator("#prospect-pager-info")).ToHaveTextAsync(everyone);
    }

    [Fact]
    public async Task Sales_sees_follow_ups_due_in_my_work()
    {
        var page = await SignedInPageAsync("demo-sales", "/my-work", "en-BE");

        await Expect(page.Locator("#follow-ups")).ToBeVisibleAsync();
        await Expect(page.Locator("#recent-calls")).ToBeVisibleAsync();
        await page.ScreenshotAsync("my-work");
    }
}

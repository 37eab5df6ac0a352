using System.Text;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Privacy.Suppression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class ImportJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task DSR_OBJECT_an_import_reports_the_invalid_and_the_suppressed_row_and_imports_the_rest()
    {
        // Someone objected earlier: only the keyed hash of their address is on file.
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            await scope.ServiceProvider.GetRequiredService<SuppressionList>()
                .AddAsync(db, ContactNormaliser.NormaliseEmail("an.objector@kempen-it.example"), null, "REQ-2026-001", default);
        }

        var csv = string.Join("\n",
            "FirstName;LastName;JobTitle;Company;Email;Phone;Language;Source",
            "Wout;Hendrickx;CIO;Kempische Koel bv;wout.hendrickx@kempische-koel.example;014 21 43 65;nl;LinkedIn",
            "Nele;Smets;IT-manager;Kempische Koel bv;not-an-address;;nl;LinkedIn",
            "An;Objector;Netwerkbeheerder;Kempen IT bv;AN.OBJECTOR@kempen-it.example;;nl;Event",
            "Ruben;Claeys;Systeembeheerder;Netevallei Media nv;ruben.claeys@netevallei.example;0478 11 22 33;fr;CompanyWebsite");

        var page = await browser.NewPageAsync("en-BE");
        await page.SignInAsAsync("demo-sales", "/prospects/import");
        await page.ChooseFileAsync(new FilePayload
        {
            Name = "beurs-leads.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await Expect(page.Locator("#preview-import")).ToBeEnabledAsync();
        await page.Locator("#import-note").FillAsync("Visited our stand and asked for a follow-up call.");
        await page.Locator("#preview-import").ClickAsync();

        await Expect(page.Locator("[data-row-status='Invalid']")).ToContainTextAsync("Not a valid e-mail address.");
        await Expect(page.Locator("[data-row-status='Suppressed']")).ToContainTextAsync("An Objector");
        await Expect(page.Locator("[data-row-status='Valid']")).ToHaveCountAsync(2);
        await page.ScreenshotAsync("import-preview");

        await page.Locator("#confirm-import").ClickAsync();
        await Expect(page.Locator("#import-summary")).ToContainTextAsync("2 prospects imported; 2 rows skipped; 2 new companies.");
        await page.ScreenshotAsync("import-done");

        await page.GotoAsync("/prospects");
        await page.WaitForInteractiveAsync();
        await page.Locator("#prospect-search").FillAsync("Hendrickx");
        await Expect(page.Locator("#prospect-grid tbody tr")).ToHaveCountAsync(1);
        await page.Locator("#prospect-search").FillAsync("objector");
        await Expect(page.Locator("#prospect-grid")).ToContainTextAsync("Nothing matches this search or these filters.");
        await page.Context.CloseAsync();
    }
}

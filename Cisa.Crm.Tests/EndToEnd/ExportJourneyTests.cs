using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// Every export button, clicked as Sales: a CSV file arrives and holds what the list showed. Before issue 16 each button
/// sent its unused filters as empty values and the user landed on the error page instead of a download.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportJourneyTests(BrowserFixture browser)
{
    public static TheoryData<string, int, int> Screens => ListAddressJourneyTests.Screens;

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Sales_exports_the_prospects_as_listed_unfiltered_by_source_and_on_a_company_page(string culture, int width, int height)
    {
        var screen = $"{culture}-{width}";
        var page = await OpenAsync(culture, width, height, "/prospects");

        var all = await DownloadAsync(page, "#export-prospects", "prospects-", ProspectImportService.Columns, $"export-prospects-{screen}");
        Assert.Equal(await QueryAsync(db => db.Prospects.CountAsync(p => !p.IsRestricted)), all.Count);

        await page.Locator("#prospect-source").SelectOptionAsync(nameof(ProspectSource.LinkedIn));
        await Expect(page.Locator("#export-prospects")).ToHaveAttributeAsync("href", "/prospects/export.csv?source=LinkedIn");
        var linkedIn = await DownloadAsync(page, "#export-prospects", "prospects-", ProspectImportService.Columns, $"export-prospects-linkedin-{screen}");
        Assert.NotEmpty(linkedIn);
        Assert.All(linkedIn, row => Assert.Equal("LinkedIn", row["Source"]));
        Assert.Equal(await QueryAsync(db => db.Prospects.CountAsync(p => !p.IsRestricted && p.Source == ProspectSource.LinkedIn)), linkedIn.Count);

        var company = await QueryAsync(db => db.Companies.Where(c => c.Type == CompanyType.Prospect && db.Prospects.Count(p => p.CompanyId == c.Id && !p.IsRestricted) > 1)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).FirstAsync());
        await page.GotoAsync($"/companies/{company.Id}");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("#export-prospects")).ToHaveAttributeAsync("href", $"/prospects/export.csv?companyId={company.Id}");
        var ofCompany = await DownloadAsync(page, "#export-prospects", "prospects-", ProspectImportService.Columns, $"export-company-prospects-{screen}");
        Assert.All(ofCompany, row => Assert.Equal(company.Name, row["Company"]));
        Assert.Equal(await QueryAsync(db => db.Prospects.CountAsync(p => !p.IsRestricted && p.CompanyId == company.Id)), ofCompany.Count);
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Sales_exports_the_contacts_as_listed_unfiltered_searched_and_on_a_company_page(string culture, int width, int height)
    {
        var screen = $"{culture}-{width}";
        var page = await OpenAsync(culture, width, height, "/contacts");

        var all = await DownloadAsync(page, "#export-contacts", "contacts-", PartnerContactCsvService.Columns, $"export-contacts-{screen}");
        Assert.Equal(await QueryAsync(db => db.PartnerContacts.CountAsync(p => !p.IsRestricted)), all.Count);

        var email = await QueryAsync(db => db.PartnerContactEmails.Where(e => !db.PartnerContacts.Single(p => p.Id == e.PartnerContactId).IsRestricted)
            .OrderBy(e => e.Id).Select(e => e.Address).FirstAsync());
        await page.Locator("#contact-search").FillAsync(email);
        await Expect(page.Locator("#export-contacts")).ToHaveAttributeAsync("href", $"/contacts/export.csv?search={email}");
        var found = await DownloadAsync(page, "#export-contacts", "contacts-", PartnerContactCsvService.Columns, $"export-contacts-search-{screen}");
        var match = Assert.Single(found);
        Assert.Contains(email, new[] { match["Email"], match["Email2"] });

        var company = await QueryAsync(db => db.Companies.Where(c => c.Type == CompanyType.Customer && db.PartnerContacts.Any(p => p.CompanyId == c.Id && !p.IsRestricted))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).FirstAsync());
        await page.GotoAsync($"/companies/{company.Id}");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("#export-contacts")).ToHaveAttributeAsync("href", $"/contacts/export.csv?companyId={company.Id}");
        var ofCompany = await DownloadAsync(page, "#export-contacts", "contacts-", PartnerContactCsvService.Columns, $"export-company-contacts-{screen}");
        Assert.NotEmpty(ofCompany);
        Assert.All(ofCompany, row => Assert.Equal(company.Name, row["Company"]));
        Assert.Equal(await QueryAsync(db => db.PartnerContacts.CountAsync(p => !p.IsRestricted && p.CompanyId == company.Id)), ofCompany.Count);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenAsync(string culture, int width, int height, string path)
    {
        var page = await browser.NewPageAsync(culture);
        await page.SetViewportSizeAsync(width, height);
        await page.SignInAsAsync("demo-sales", path);
        return page;
    }

    /// <summary>Clicks an export button as a user does and reads the file the browser saved.</summary>
    private static async Task<List<Dictionary<string, string>>> DownloadAsync(IPage page, string button, string fileNameStart, IReadOnlyList<string> columns, string screenshot)
    {
        await page.Locator(button).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(screenshot);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(button).ClickAsync());

        Assert.StartsWith(fileNameStart, download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Null(await download.FailureAsync());
        return CsvRows.Read(await File.ReadAllBytesAsync((await download.PathAsync())!), columns);
    }

    private async Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}

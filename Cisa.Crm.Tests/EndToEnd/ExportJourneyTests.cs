using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// Every export button, clicked as Sales: a CSV file arrives and holds what the list showed. Before issue 16 each button
/// sent its unused filters as empty values and the user landed on the error page instead of a download.
/// </summary>
public sealed class ExportJourneyTests(BrowserFixture browser) : JourneyTests(browser)
{
    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Sales_exports_the_prospects_as_listed_unfiltered_by_source_and_on_a_company_page(string culture, int width, int height)
    {
        var screen = $"{culture}-{width}";
        var page = await SignedInPageAsync("demo-sales", "/prospects", culture, width, height);

        var all = await DownloadAsync(page, ProspectExport, $"export-prospects-{screen}");
        Assert.Equal(await QueryAsync(db => db.Prospects.CountAsync(p => !p.IsRestricted)), all.Count);

        await page.Locator("#prospect-source").SelectOptionAsync(nameof(ProspectSource.LinkedIn));
        await Expect(page.Locator("#export-prospects")).ToHaveAttributeAsync("href", "/prospects/export.csv?source=LinkedIn");
        var linkedIn = await DownloadAsync(page, ProspectExport, $"export-prospects-linkedin-{screen}");
        Assert.NotEmpty(linkedIn);
        Assert.All(linkedIn, row => Assert.Equal("LinkedIn", row["Source"]));
        Assert.Equal(await QueryAsync(db => db.Prospects.CountAsync(p => !p.IsRestricted && p.Source == ProspectSource.LinkedIn)), linkedIn.Count);

        var company = await QueryAsync(db => db.Companies.Where(c => c.Type == CompanyType.Prospect && db.Prospects.Count(p => p.CompanyId == c.Id && !p.IsRestricted) > 1)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).FirstAsync());
        var ofCompany = await DownloadOfCompanyAsync(page, ProspectExport, company.Id, $"export-company-prospects-{screen}");
        Assert.All(ofCompany, row => Assert.Equal(company.Name, row["Company"]));
        Assert.Equal(await QueryAsync(db => db.Prospects.CountAsync(p => !p.IsRestricted && p.CompanyId == company.Id)), ofCompany.Count);
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Sales_exports_the_contacts_as_listed_unfiltered_searched_and_on_a_company_page(string culture, int width, int height)
    {
        var screen = $"{culture}-{width}";
        var page = await SignedInPageAsync("demo-sales", "/contacts", culture, width, height);

        var all = await DownloadAsync(page, ContactExport, $"export-contacts-{screen}");
        Assert.Equal(await QueryAsync(db => db.PartnerContacts.CountAsync(p => !p.IsRestricted)), all.Count);

        var email = await QueryAsync(db => db.PartnerContactEmails.Where(e => !db.PartnerContacts.Single(p => p.Id == e.PartnerContactId).IsRestricted)
            .OrderBy(e => e.Id).Select(e => e.Address).FirstAsync());
        await page.Locator("#contact-search").FillAsync(email);
        await Expect(page.Locator("#export-contacts")).ToHaveAttributeAsync("href", $"/contacts/export.csv?search={email}");
        var found = await DownloadAsync(page, ContactExport, $"export-contacts-search-{screen}");
        var match = Assert.Single(found);
        Assert.Contains(email, new[] { match["Email"], match["Email2"] });

        var company = await QueryAsync(db => db.Companies.Where(c => c.Type == CompanyType.Customer && db.PartnerContacts.Any(p => p.CompanyId == c.Id && !p.IsRestricted))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).FirstAsync());
        var ofCompany = await DownloadOfCompanyAsync(page, ContactExport, company.Id, $"export-company-contacts-{screen}");
        Assert.NotEmpty(ofCompany);
        Assert.All(ofCompany, row => Assert.Equal(company.Name, row["Company"]));
        Assert.Equal(await QueryAsync(db => db.PartnerContacts.CountAsync(p => !p.IsRestricted && p.CompanyId == company.Id)), ofCompany.Count);
    }

    /// <summary>An export button and what it gives: the address it downloads, the file's name and its columns.</summary>
    private sealed record ExportButton(string Selector, string Address, string FileNameStart, IReadOnlyList<string> Columns);

    private static readonly ExportButton ProspectExport = new("#export-prospects", "/prospects/export.csv", "prospects-", ProspectImportService.Columns);

    private static readonly ExportButton ContactExport = new("#export-contacts", "/contacts/export.csv", "contacts-", PartnerContactCsvService.Columns);

    /// <summary>Clicks an export button as a user does and reads the file the browser saved.</summary>
    private static async Task<List<Dictionary<string, string>>> DownloadAsync(IPage page, ExportButton export, string screenshot)
    {
        await page.Locator(export.Selector).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(screenshot);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(export.Selector).ClickAsync());

        Assert.StartsWith(export.FileNameStart, download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Null(await download.FailureAsync());
        return CsvRows.Read(await File.ReadAllBytesAsync((await download.PathAsync())!), export.Columns);
    }

    /// <summary>On a company's page the same button exports the people of that company only.</summary>
    private static async Task<List<Dictionary<string, string>>> DownloadOfCompanyAsync(IPage page, ExportButton export, int companyId, string screenshot)
    {
        await page.GotoInteractiveAsync($"/companies/{companyId}");
        await Expect(page.Locator(export.Selector)).ToHaveAttributeAsync("href", $"{export.Address}?companyId={companyId}");
        return await DownloadAsync(page, export, screenshot);
    }
}

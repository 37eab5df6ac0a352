using System.Globalization;
using System.Text;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Web;
using Cisa.Crm.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

public sealed class ImportJourneyTests(BrowserFixture browser) : JourneyTests(browser)
{
    [Fact]
    public async Task DSR_OBJECT_an_import_reports_the_invalid_and_the_suppressed_row_and_imports_the_rest()
    {
        // Someone objected earlier: only the keyed hash of their address is on file.
        await using (var scope = Browser.Factory.Services.CreateAsyncScope())
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

        var page = await SignedInPageAsync("demo-sales", "/prospects/import", "en-BE");
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

        await page.GotoInteractiveAsync("/prospects");
        await page.Locator("#prospect-search").FillAsync("Hendrickx");
        await Expect(page.Locator("#prospect-grid tbody tr")).ToHaveCountAsync(1);
        await page.Locator("#prospect-search").FillAsync("objector");
        await Expect(page.Locator("#prospect-grid")).ToContainTextAsync(new Texts(Browser, "en-BE")["Common.EmptyFiltered"]);
    }

    /// <summary>
    /// Issue 16, defect 4, for prospects: the template downloads with the import's header; an unknown source names the
    /// values to use (with their meaning); a person already in the CRM shows as a duplicate, not as invalid; a missing
    /// batch note is shown once, at the note field, and refuses the import until written; the summary counts in proper
    /// plurals; the rejected rows download with their reasons after the preview and after the import, and stay on screen.
    /// </summary>
    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Sales_imports_prospects_sees_batch_problems_at_the_note_and_each_row_in_words_and_downloads_the_rejected_rows(string culture, int width, int height)
    {
        var text = new Texts(Browser, culture);
        var run = $"{culture[..2]}{width}";
        var existing = await QueryAsync(db => db.Prospects.Where(p => !p.IsRestricted && p.Email != null).OrderBy(p => p.Id)
            .Select(p => new { p.FirstName, p.LastName, p.Email, Company = p.Company!.Name }).FirstAsync());
        var header = "FirstName;LastName;JobTitle;Company;Email;Language;Source";
        var csv = string.Join("\n", header,
            $"Lien;Vervoort;IT-manager;Importtest {run} bv;lien.vervoort.{run}@importtest.example;nl;Event",
            $"Jens;Wouters;CIO;Importtest {run} bv;jens.wouters.{run}@importtest.example;nl;Beurs",
            $"{existing.FirstName};{existing.LastName};CIO;{existing.Company};{existing.Email!.ToUpperInvariant()};nl;LinkedIn");

        var page = await OpenImportAsync(culture, width, height, "prospects", ProspectImportService.Columns);
        // Beside the picker: each coded column with its values and their meaning.
        await Expect(page.Locator("[data-coded-column='Source']")).ToContainTextAsync($"{nameof(ProspectSource.CompanyWebsite)} ({text["ProspectSource.CompanyWebsite"]})");
        await Expect(page.Locator("[data-coded-column='Language']")).ToContainTextAsync($"fr ({text["Language.French"]})");
        await Expect(page.Locator("#import-columns")).ToContainTextAsync("FirstName*; LastName*; JobTitle; Company*;");
        await ScreenshotAsync(page, $"import-prospects-format-{run}");

        // The file, previewed without the batch note.
        await PreviewAsync(page, $"beurs-{run}.csv", csv);
        await Expect(page.Field("import-note")).ToContainTextAsync(text["Validation.BatchNoteRequired"]);
        await Expect(page.Locator("#import-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("#import-preview")).Not.ToContainTextAsync(text["Validation.BatchNoteRequired"]);
        await Expect(page.Locator("[data-row-status='Valid']")).ToContainTextAsync("Lien Vervoort");
        var sources = string.Join(", ", Enum.GetValues<ProspectSource>().Select(s => text.Explained(s.ToString(), $"ProspectSource.{s}")));
        var unknownSource = $"{text["Field.Source"]}: {text.Format("Validation.ValueUnknown", "Beurs", sources)}";
        await Expect(page.Locator("[data-row-status='Invalid']")).ToContainTextAsync(unknownSource);
        var duplicate = page.Locator("[data-row-status='Duplicate']");
        await Expect(duplicate).ToContainTextAsync($"{existing.FirstName} {existing.LastName}");
        await Expect(duplicate).ToContainTextAsync(text["Import.Status.DuplicateInCrm"]);
        await Expect(page.Locator("#confirm-import")).ToBeDisabledAsync();
        await Expect(page.Locator("#import-batch-blocked")).ToHaveTextAsync(text["Import.FixBatch"]);
        await CheckScreenAsync(page, width, $"import-prospects-preview-{run}");

        var afterPreview = await DownloadAsync(page, "#download-rejected");
        AssertRejected(afterPreview.Bytes, header, text, ("Jens", unknownSource), (existing.FirstName, text["Validation.DuplicateInCrm"]));
        Assert.Equal($"beurs-{run}-{text["Import.Rejected.FileSuffix"]}.csv", afterPreview.Name);

        // The note written, the import goes ahead.
        await page.Locator("#import-note").FillAsync("Bezocht onze stand op de beurs en vroeg om een offerte.");
        await Expect(page.Field("import-note")).Not.ToContainTextAsync(text["Validation.BatchNoteRequired"]);
        await page.Locator("#confirm-import").ClickAsync();
        await Expect(page.Locator("#import-summary")).ToHaveTextAsync(culture == "nl-BE"
            ? "1 prospect geïmporteerd; 2 rijen overgeslagen; 1 nieuw bedrijf."
            : "1 prospect imported; 2 rows skipped; 1 new company.");
        await Expect(page.Locator("#import-rejected")).ToContainTextAsync(unknownSource);
        await Expect(page.Locator("#import-rejected [data-row-status]")).ToHaveCountAsync(2);
        await CheckScreenAsync(page, width, $"import-prospects-done-{run}");

        var afterImport = await DownloadAsync(page, "#download-rejected");
        AssertRejected(afterImport.Bytes, header, text, ("Jens", unknownSource), (existing.FirstName, text["Validation.DuplicateInCrm"]));
        Assert.Equal(1, await QueryAsync(db => db.Prospects.CountAsync(p => p.Email == $"lien.vervoort.{run}@importtest.example")));
        Assert.Equal(0, await QueryAsync(db => db.Prospects.CountAsync(p => p.Email == $"jens.wouters.{run}@importtest.example")));
    }

    /// <summary>The same for partner contacts: an unknown lawful basis names the bases to use; a contact already in the CRM shows as a duplicate.</summary>
    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Sales_imports_contacts_sees_each_row_in_words_and_downloads_the_rejected_rows(string culture, int width, int height)
    {
        var text = new Texts(Browser, culture);
        var run = $"{culture[..2]}{width}";
        var company = await QueryAsync(db => db.Companies.Where(c => c.Type == CompanyType.Customer).OrderBy(c => c.Id).Select(c => c.Name).FirstAsync());
        var existing = await QueryAsync(db => db.PartnerContacts.Where(p => !p.IsRestricted && db.PartnerContactEmails.Any(e => e.PartnerContactId == p.Id))
            .OrderBy(p => p.Id).Select(p => new
            {
                p.FirstName,
                p.LastName,
                Company = p.Company!.Name,
                Email = db.PartnerContactEmails.Where(e => e.PartnerContactId == p.Id).OrderBy(e => e.Id).Select(e => e.Address).First(),
            }).FirstAsync());
        var header = "FirstName;LastName;JobFunction;Company;Email;Language;LawfulBasis";
        var csv = string.Join("\n", header,
            $"Tine;Goris;Aankoper;{company};tine.goris.{run}@importtest.example;nl;Contract",
            $"Pieter;Bosmans;Boekhouder;{company};pieter.bosmans.{run}@importtest.example;nl;Klant",
            $"{existing.FirstName};{existing.LastName};Aankoper;{existing.Company};{existing.Email};nl;Contract");

        var page = await OpenImportAsync(culture, width, height, "contacts", PartnerContactCsvService.Columns);
        await Expect(page.Locator("[data-coded-column='LawfulBasis']")).ToContainTextAsync($"{nameof(PartnerLawfulBasis.Contract)} ({text["LawfulBasis.Contract"]})");
        await Expect(page.Locator("[data-coded-column='Country']")).ToContainTextAsync(text["Import.Format.Country"]);
        await ScreenshotAsync(page, $"import-contacts-format-{run}");

        await PreviewAsync(page, $"contacten-{run}.csv", csv);
        await Expect(page.Locator("[data-row-status='Valid']")).ToContainTextAsync("Tine Goris");
        var bases = string.Join(", ", Enum.GetValues<PartnerLawfulBasis>().Select(b => text.Explained(b.ToString(), $"LawfulBasis.{b}")));
        var unknownBasis = $"{text["Field.LawfulBasis"]}: {text.Format("Validation.ValueUnknown", "Klant", bases)}";
        await Expect(page.Locator("[data-row-status='Invalid']")).ToContainTextAsync(unknownBasis);
        await Expect(page.Locator("[data-row-status='Duplicate']")).ToContainTextAsync(text["Import.Status.DuplicateInCrm"]);
        await CheckScreenAsync(page, width, $"import-contacts-preview-{run}");
        var afterPreview = await DownloadAsync(page, "#download-rejected");
        AssertRejected(afterPreview.Bytes, header, text, ("Pieter", unknownBasis), (existing.FirstName, text["Validation.DuplicateInCrm"]));

        await page.Locator("#confirm-import").ClickAsync();
        await Expect(page.Locator("#import-summary")).ToHaveTextAsync(culture == "nl-BE"
            ? "1 contactpersoon geïmporteerd; 2 rijen overgeslagen."
            : "1 contact imported; 2 rows skipped.");
        await Expect(page.Locator("#import-rejected [data-row-status]")).ToHaveCountAsync(2);
        await CheckScreenAsync(page, width, $"import-contacts-done-{run}");
        var afterImport = await DownloadAsync(page, "#download-rejected");
        AssertRejected(afterImport.Bytes, header, text, ("Pieter", unknownBasis), (existing.FirstName, text["Validation.DuplicateInCrm"]));
        Assert.Equal(1, await QueryAsync(db => db.PartnerContactEmails.CountAsync(e => e.Address == $"tine.goris.{run}@importtest.example")));
    }

    /// <summary>
    /// The rejected rows' file: the uploaded file's header plus the reason column, one row per rejected row with its cells
    /// as uploaded, and each reason in the user's language.
    /// </summary>
    private static void AssertRejected(byte[] bytes, string header, Texts text, params (string FirstName, string Reason)[] expected)
    {
        var reasonColumn = text["Import.Rejected.ReasonColumn"];
        Assert.Equal($"{header};{reasonColumn}", FirstLine(bytes));
        var rows = PersonImport.Read(new MemoryStream(bytes), []);
        Assert.Equal(expected.Length, rows.Count);
        foreach (var (firstName, reason) in expected)
        {
            var row = Assert.Single(rows, r => r["firstname"] == firstName);
            Assert.Contains(reason, row[reasonColumn.ToLowerInvariant()], StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Sales on the import page of a list ("prospects", "contacts"). Its template is the first thing checked: the
    /// import's own header, and one example row the import reads.
    /// </summary>
    private async Task<IPage> OpenImportAsync(string culture, int width, int height, string list, IReadOnlyList<string> columns)
    {
        var page = await SignedInPageAsync("demo-sales", $"/{list}/import", culture, width, height);
        var template = await DownloadAsync(page, "#download-template");
        Assert.Equal($"{list}-template.csv", template.Name);
        Assert.Equal(string.Join(';', columns), FirstLine(template.Bytes));
        return page;
    }

    /// <summary>Chooses the CSV file in the picker and asks for the preview, before anything is imported.</summary>
    private static async Task PreviewAsync(IPage page, string fileName, string csv)
    {
        await page.ChooseFileAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.Locator("#preview-import").ClickAsync();
    }

    /// <summary>Clicks a download button or link as a user does and reads the file the browser saved.</summary>
    private static async Task<(string Name, byte[] Bytes)> DownloadAsync(IPage page, string selector)
    {
        await page.Locator(selector).ScrollIntoViewIfNeededAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(selector).ClickAsync());
        Assert.Null(await download.FailureAsync());
        // Still the import page: a link the router took over would show the not-found page instead.
        Assert.EndsWith("/import", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        return (download.SuggestedFilename, await File.ReadAllBytesAsync((await download.PathAsync())!));
    }

    private static string FirstLine(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n")[0];

    /// <summary>A screenshot, and the page must fit: nothing cut off (on a phone the rows' table may scroll sideways in its card).</summary>
    private static async Task CheckScreenAsync(IPage page, int width, string name)
    {
        await ScreenChecks.SettleAsync(page);
        await ScreenshotAsync(page, name);
        Assert.Empty(await ScreenChecks.FindCutOffAsync(page, sidewaysScrollAllowed: width < 600));
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        await ScreenChecks.SettleAsync(page);
        await page.ScreenshotAsync(name);
    }

    /// <summary>The app's own texts in one culture, to expect on the page what the user of that language reads.</summary>
    private sealed class Texts(BrowserFixture browser, string culture)
    {
        public string this[string key] => UiTexts.Get(browser, culture, key);

        /// <summary>A code with its meaning, "CompanyWebsite (Website van het bedrijf)"; a code that is its own meaning ("LinkedIn", "Event" in English) alone.</summary>
        public string Explained(string code, string key) => this[key] is var meaning && !meaning.Equals(code, StringComparison.OrdinalIgnoreCase) ? $"{code} ({meaning})" : code;

        public string Format(string key, params object[] arguments) => UiTexts.Get(browser, culture, key, arguments);
    }
}

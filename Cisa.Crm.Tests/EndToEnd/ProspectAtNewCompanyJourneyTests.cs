using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// Issue 16, defect 3: a prospect at a company the CRM does not have yet. Before, the typed company name was wiped on
/// save ("Verplicht") and the user had to leave the form, create the company and type everything again. Now the
/// company field offers to create it, keeps what was typed, and says at the field what to do when nothing was chosen.
/// As Sales, in Dutch and English, on a laptop and a phone.
/// </summary>
public sealed class ProspectAtNewCompanyJourneyTests(BrowserFixture browser) : JourneyTests(browser)
{
    [Theory]
    [MemberData(nameof(Screens))]
    public async Task A_prospect_at_a_company_the_CRM_does_not_have_is_saved_with_that_company_created_once(string culture, int width, int height)
    {
        var size = SizeName(width);
        // Names of their own per language and size: the four runs share one database.
        var company = $"Kempense Zonnedaken {Tag(culture, width)} bv";
        var (firstName, lastName) = ("Wout", $"Claessens{Tag(culture, width)}");
        Assert.Equal(0, await QueryAsync(db => db.Companies.CountAsync(c => c.Name == company)));

        var page = await NewProspectFormAsync(culture, width, height, firstName, lastName);

        // The list offers to create the company the CRM does not have, under what was typed.
        await page.Locator("#company").PressSequentiallyAsync(company);
        var create = page.Locator(".mud-popover-open [data-create-company]");
        await Expect(create).ToHaveTextAsync(UiTexts.Get(Browser, culture, "Prospect.Company.Create", company));
        await page.ScreenshotAsync($"prospect-new-company-offered-{culture}-{size}");
        await create.ClickAsync();
        await Expect(page.Locator("#company")).ToHaveValueAsync(company);
        await Expect(page.Field("company")).ToContainTextAsync(UiTexts.Get(Browser, culture, "Prospect.Company.New"));

        // The rest of what the form requires: an e-mail or phone, the source, why this person fits (the one assessment that may be chosen is preselected).
        await page.Locator("#email").FillAsync($"wout.claessens@{Tag(culture, width).ToLowerInvariant()}.zonnedaken.example");
        await Expect(page.Locator("#assessment")).Not.ToHaveValueAsync("");
        await page.ChooseAsync("source", UiTexts.Get(Browser, culture, "ProspectSource.Event"));
        await page.Locator("#li-note").FillAsync("Sprak ons aan op de beurs in Geel over zonnepanelen op bedrijfsdaken.");
        await page.Locator("#save-prospect").ClickAsync();

        await WithScreenshotOnFailureAsync(page, $"prospect-new-company-failed-{culture}-{size}",
            () => Expect(page.Locator("h1")).ToHaveTextAsync($"{firstName} {lastName}"));
        await Expect(page.Locator("body")).ToContainTextAsync(company);
        await Expect(Snackbar(page, UiTexts.Get(Browser, culture, "Prospect.SavedWithCompany", company))).ToBeVisibleAsync();
        await page.ScreenshotAsync($"prospect-new-company-saved-{culture}-{size}");

        // Created once, as a prospect company, and the prospect sits at it.
        var created = await QueryAsync(db => db.Companies.Where(c => c.Name == company).Select(c => new { c.Id, c.Type, c.AccountOwnerId }).ToListAsync());
        var only = Assert.Single(created);
        Assert.Equal((Cisa.Crm.Core.Companies.CompanyType.Prospect, "demo-sales"), (only.Type, only.AccountOwnerId));
        Assert.Equal(only.Id, await QueryAsync(db => db.Prospects.Where(p => p.LastName == lastName).Select(p => p.CompanyId).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task An_unknown_company_not_chosen_is_said_at_the_field_and_nothing_typed_is_lost_and_an_existing_name_is_that_company(string culture, int width, int height)
    {
        var size = SizeName(width);
        var unknown = $"Netelandse Koeltechniek {Tag(culture, width)}";
        var (firstName, lastName, jobTitle) = ("Fien", $"Mertens{Tag(culture, width)}", "Aankoper");
        var email = $"fien.mertens@{Tag(culture, width).ToLowerInvariant()}.koeltechniek.example";
        const string note = "Vroeg via de website naar onderhoud van koelinstallaties.";

        var page = await NewProspectFormAsync(culture, width, height, firstName, lastName);
        await page.Locator("#company").PressSequentiallyAsync(unknown);
        await Expect(page.Locator(".mud-popover-open [data-create-company]")).ToBeVisibleAsync();

        // The person goes on without choosing from the list: a click beside it closes the list, the text stays.
        await page.Locator("h1").ClickAsync();
        await Expect(page.Locator(".mud-popover-open [data-create-company]")).ToHaveCountAsync(0);
        await WithScreenshotOnFailureAsync(page, $"prospect-company-left-failed-{culture}-{size}",
            () => Expect(page.Locator("#company")).ToHaveValueAsync(unknown));

        // The rest of the form, and save. (Each field's change re-rendered the form, and that wiped the company's text.)
        await page.Locator("#job-title").ClickAsync();
        await page.Locator("#job-title").FillAsync(jobTitle);
        await page.Locator("#email").FillAsync(email);
        await page.ChooseAsync("source", UiTexts.Get(Browser, culture, "ProspectSource.CompanyWebsite"));
        await page.Locator("#li-note").FillAsync(note);
        await page.Locator("#save-prospect").ClickAsync();

        // Refused, said at the company field in the person's language, and every typed letter is still there.
        await WithScreenshotOnFailureAsync(page, $"prospect-company-not-chosen-failed-{culture}-{size}",
            () => Expect(page.Field("company")).ToContainTextAsync(UiTexts.Get(Browser, culture, "Prospect.Company.NotChosen", unknown)));
        await Expect(page.Locator("#form-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("#company")).ToHaveValueAsync(unknown);
        await Expect(page.Locator("#first-name")).ToHaveValueAsync(firstName);
        await Expect(page.Locator("#last-name")).ToHaveValueAsync(lastName);
        await Expect(page.Locator("#job-title")).ToHaveValueAsync(jobTitle);
        await Expect(page.Locator("#email")).ToHaveValueAsync(email);
        await Expect(page.Locator("#li-note")).ToHaveValueAsync(note);
        await page.ScreenshotAsync($"prospect-company-not-chosen-{culture}-{size}");
        Assert.Equal(0, await QueryAsync(db => db.Companies.CountAsync(c => c.Name == unknown)));
        Assert.Equal(0, await QueryAsync(db => db.Prospects.CountAsync(p => p.LastName == lastName)));

        // The exact name of a company the CRM has, typed and not chosen, is that company: no "create", no second company.
        var existing = await QueryAsync(db => db.Companies.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).FirstAsync());
        var companiesBefore = await QueryAsync(db => db.Companies.CountAsync());
        await page.Locator("#company").FillAsync("");
        await page.Locator("#company").PressSequentiallyAsync(existing.Name);
        await Expect(page.Locator(".mud-popover-open .mud-list-item", new() { HasText = existing.Name }).First).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-popover-open [data-create-company]")).ToHaveCountAsync(0);
        await page.Locator("h1").ClickAsync();
        await Expect(page.Locator("#company")).ToHaveValueAsync(existing.Name);
        await page.Locator("#save-prospect").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync($"{firstName} {lastName}");
        await Expect(page.Locator("body")).ToContainTextAsync(existing.Name);
        await Expect(Snackbar(page, UiTexts.Get(Browser, culture, "Prospect.Saved"))).ToBeVisibleAsync();
        await page.ScreenshotAsync($"prospect-existing-company-typed-{culture}-{size}");
        Assert.Equal(existing.Id, await QueryAsync(db => db.Prospects.Where(p => p.LastName == lastName).Select(p => p.CompanyId).SingleAsync()));
        Assert.Equal(companiesBefore, await QueryAsync(db => db.Companies.CountAsync()));
        Assert.Equal(1, await QueryAsync(db => db.Companies.CountAsync(c => c.Name == existing.Name)));
    }

    /// <summary>Sales opens a new prospect's form from the list, as a person does, and types the name.</summary>
    private async Task<IPage> NewProspectFormAsync(string culture, int width, int height, string firstName, string lastName)
    {
        var page = await SignedInPageAsync("demo-sales", "/prospects", culture, width, height);
        await page.Locator("#new-prospect").ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.Locator("#first-name").FillAsync(firstName);
        await page.Locator("#last-name").FillAsync(lastName);
        return page;
    }

    /// <summary>What the screen showed when an expectation failed, to look at.</summary>
    private static async Task WithScreenshotOnFailureAsync(IPage page, string name, Func<Task> expectation)
    {
        try
        {
            await expectation();
        }
        catch (PlaywrightException)
        {
            await page.ScreenshotAsync(name);
            throw;
        }
    }

    /// <summary>A short mark of the run's language and size, so its names are its own.</summary>
    private static string Tag(string culture, int width) => $"{culture[..2].ToUpperInvariant()}{(width < 600 ? "P" : "D")}";

    private static ILocator Snackbar(IPage page, string text) => page.Locator(".mud-snackbar", new() { HasText = text });
}

using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cisa.Crm.Tests.EndToEnd;

/// <summary>
/// HR's procedures as Jonas works them (issue 16, defects 5, 7, 8 and 11), in both languages, on a desktop and a phone:
/// a procedure's own page and its applicants, the applicant list filtered by procedure and status and kept in the
/// address, an applicant added with a CV from the form (a refused file said at the field), and a procedure closed with
/// "all remaining: rejected", the errors at each applicant and a confirmation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HrProcedureJourneyTests(BrowserFixture browser)
{
    public static TheoryData<string, int, int> Screens => ListAddressJourneyTests.Screens;

    private sealed record Texts(
        string Pool, string OtherPool, string InProcedure, string Rejected, string Hired, string RefusedCv, string OutcomeRequired,
        string SavedWithCv, string Closed, string Vacancy, string Opened, string Added);

    private static Texts For(string culture) => culture == "nl-BE"
        ? new("Spontane sollicitaties", "Spontaneous applications", "Lopend", "Afgewezen", "Aangeworven",
            "Alleen PDF- of Word-bestanden (DOCX) worden aanvaard", "Kies een resultaat.", "Sollicitant en cv bewaard.", "is afgesloten", "Reageerde op een vacature",
            "Procedure geopend.", "Aan de procedure toegevoegd.")
        : new("Spontaneous applications", "Spontane sollicitaties", "In procedure", "Rejected", "Hired",
            "Only PDF or Word (DOCX) files are accepted", "Choose an outcome.", "Applicant and CV saved.", "is closed", "Answered a vacancy",
            "Procedure opened.", "Added to the procedure.");

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task HR_follows_a_procedure_to_its_applicants_filters_the_list_adds_an_applicant_with_a_CV_and_closes_the_procedure(string culture, int width, int height)
    {
        var text = For(culture);
        var size = width < 600 ? "phone" : "desktop";
        var tag = $"{culture[..2]}-{size}";
        var vacancy = $"Testvacature {tag}";
        var page = await browser.NewPageAsync(culture, width, height);
        await page.SignInAsAsync("demo-hr", "/hr/procedures");

        // A vacancy of this run's own, to add an applicant to and to close.
        await page.Locator("#open-procedure").ClickAsync();
        await page.Locator("#procedure-title").FillAsync(vacancy);
        await page.Locator("#save-procedure").ClickAsync();
        await Expect(Snackbar(page, text.Opened)).ToBeVisibleAsync();
        await Expect(page.Locator("#procedure-table")).ToContainTextAsync(vacancy);

        // The spontaneous pool is named in the page's language, whatever title it was stored with (Dutch in the demo).
        await Expect(page.Locator("#procedure-table")).Not.ToContainTextAsync(text.OtherPool);
        await page.Locator("#procedure-table a.procedure-link", new() { HasText = text.Pool }).ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/hr/procedures/\d+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(text.Pool);
        await Expect(page.Locator("#procedure-status[data-open='true']")).ToBeVisibleAsync();
        await Expect(page.Locator("#procedure-applicants [data-status='InProcedure']").First).ToHaveTextAsync(text.InProcedure);
        await Expect(page.Locator("#main-content")).Not.ToContainTextAsync(text.OtherPool);
        await FitsAsync(page, width, $"hr-procedure-page-{tag}");

        // From the procedure to one of its applicants, who is then added to this run's vacancy.
        var firstApplicant = page.Locator("#procedure-applicants tr[data-restricted='false'] a.applicant-link").First;
        var name = (await firstApplicant.InnerTextAsync()).Trim();
        await firstApplicant.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("#applications a.procedure-link", new() { HasText = text.Pool })).ToBeVisibleAsync();
        await page.Field("add-to-procedure").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = vacancy }).ClickAsync();
        await page.Locator("#add-application").ClickAsync();
        await Expect(page.Locator("#applications")).ToContainTextAsync(vacancy);
        await Expect(Snackbar(page, text.Added)).ToBeVisibleAsync();

        // The procedure page links to the applicant list filtered on it; then the status narrows it, and both survive a reload.
        var poolLink = page.Locator("#applications a.procedure-link", new() { HasText = text.Pool });
        var poolAddress = await poolLink.GetAttributeAsync("href");
        await poolLink.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(text.Pool);
        var poolId = poolAddress!.Split('/')[^1];
        await page.Locator("#procedure-in-list").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"?procedure={poolId}", StringComparison.Ordinal));
        await Expect(page.Locator("#applicant-grid")).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Field("filter-procedure")).ToContainTextAsync(text.Pool);
        await page.Field("filter-status").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = text.InProcedure, Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = text.InProcedure, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("status=InProcedure", StringComparison.Ordinal));
        var grid = page.Locator("#applicant-grid");
        await Expect(grid.Locator("a.applicant-link", new() { HasText = name })).ToBeVisibleAsync();
        var rows = await grid.Locator("a.applicant-link").AllInnerTextsAsync();
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Field("filter-procedure")).ToContainTextAsync(text.Pool);
        await Expect(page.Field("filter-status")).ToContainTextAsync(text.InProcedure);
        await Expect(grid.Locator("a.applicant-link")).ToHaveCountAsync(rows.Count);
        Assert.Equal(rows, await grid.Locator("a.applicant-link").AllInnerTextsAsync());
        await FitsAsync(page, width, $"hr-applicants-filtered-{tag}");

        // Rejected in the pool: nobody, and the empty list says the filters are the reason.
        await page.Field("filter-status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = text.Rejected, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("status=Rejected", StringComparison.Ordinal));
        await Expect(page.Locator("#applicants-empty[data-empty='filtered']")).ToBeVisibleAsync();

        // A new applicant with a CV from the form: first a file that only says it is a PDF, then a real one.
        await page.Locator("#new-applicant").ClickAsync();
        await page.WaitForInteractiveAsync();
        var lastName = $"Cvtest{tag.Replace("-", "", StringComparison.Ordinal)}";
        await page.Locator("#first-name").FillAsync("Lotte");
        await page.Locator("#last-name").FillAsync(lastName);
        await page.Locator("#email").FillAsync($"lotte.{lastName.ToLowerInvariant()}@mail.example");
        await page.Field("procedure").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = vacancy }).ClickAsync();
        await page.Field("source").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = text.Vacancy }).ClickAsync();
        await page.Locator("#li-note").FillAsync("Reageerde op de testvacature; profiel past.");
        await ChooseCvAsync(page, "#new-cv", new FilePayload { Name = "cv-lotte.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("MZ this is a program, not a PDF") });
        var cvField = page.Locator("#new-cv");
        await Expect(cvField.Locator("#cv-error")).ToContainTextAsync(text.RefusedCv);
        await Expect(cvField.Locator("#cv-chosen")).ToHaveCountAsync(0);
        await Expect(page.Locator("#last-name")).ToHaveValueAsync(lastName);
        await Expect(page.Locator("#form-error")).ToHaveCountAsync(0);
        await FitsAsync(page, width, $"hr-new-applicant-refused-cv-{tag}");

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        await ChooseCvAsync(page, "#new-cv", new FilePayload { Name = "cv-lotte.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Expect(cvField.Locator("#cv-chosen")).ToContainTextAsync("cv-lotte.pdf");
        await Expect(cvField.Locator("#cv-error")).ToHaveCountAsync(0);
        await FitsAsync(page, width, $"hr-new-applicant-with-cv-{tag}");
        await page.Locator("#save-applicant").ClickAsync();
        await page.ScreenshotAsync($"hr-new-applicant-saved-{tag}");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Lotte {lastName}");
        await Expect(Snackbar(page, text.SavedWithCv)).ToBeVisibleAsync();
        await Expect(page.Locator("#download-cv")).ToHaveTextAsync("cv-lotte.pdf");

        // A refused file on the applicant's page is said at the CV field too, and the stored CV stays.
        await page.WaitForInteractiveAsync();
        await ChooseCvAsync(page, "#upload-cv", new FilePayload { Name = "cv.exe", MimeType = "application/octet-stream", Buffer = [0x4d, 0x5a, 0x90, 0x00] });
        await Expect(page.Locator("#applicant-cv #cv-error")).ToContainTextAsync(text.RefusedCv);
        await Expect(page.Locator("#applicant-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("#download-cv")).ToHaveTextAsync("cv-lotte.pdf");

        // Close this run's vacancy from its page: without outcomes the error is at each applicant, once.
        await page.Locator("#applications a.procedure-link", new() { HasText = vacancy }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(vacancy);
        await page.WaitForInteractiveAsync();
        await page.Locator("#close-this-procedure").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.Locator("[data-applicant-row]")).ToHaveCountAsync(2);
        await dialog.Locator("#confirm-close").ClickAsync();
        foreach (var row in await dialog.Locator("[data-applicant-row]").AllAsync())
        {
            await Expect(row.Locator(".mud-input-helper-text")).ToHaveTextAsync(text.OutcomeRequired);
        }

        // Said once per applicant, nowhere else.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(await dialog.InnerTextAsync(), System.Text.RegularExpressions.Regex.Escape(text.OutcomeRequired)));

        await Expect(dialog.Locator("#close-error")).ToHaveCountAsync(0);
        await FitsAsync(page, width, $"hr-close-errors-{tag}");

        // Lotte is hired by hand; "set all remaining to Rejected" does the rest.
        await dialog.Locator("[data-applicant-row]", new() { HasText = lastName }).Locator(".outcome-select").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = text.Hired, Exact = true }).ClickAsync();
        await Expect(dialog.Locator("[data-applicant-row]", new() { HasText = lastName }).Locator(".mud-input-helper-text")).ToHaveCountAsync(0);
        await dialog.Locator("#set-remaining button").ClickAsync();
        await page.Locator($"[data-set-remaining='Rejected']").ClickAsync();
        await Expect(dialog.Locator(".mud-input-helper-text.mud-input-error")).ToHaveCountAsync(0);
        await Expect(dialog.Locator("[data-applicant-row]", new() { HasText = name })).ToContainTextAsync(text.Rejected);
        await ExpectNoTruncatedLabelAsync(page);
        await FitsAsync(page, width, $"hr-close-all-remaining-{tag}");
        await dialog.Locator("#confirm-close").ClickAsync();

        await Expect(Snackbar(page, text.Closed)).ToBeVisibleAsync();
        await Expect(page.Locator("#procedure-status[data-open='false']")).ToBeVisibleAsync();
        await Expect(page.Locator($"#procedure-applicants tr:has-text('{lastName}') [data-status='Hired']")).ToHaveTextAsync(text.Hired);
        await Expect(page.Locator($"#procedure-applicants tr:has-text('{name}') [data-status='Rejected']")).ToHaveTextAsync(text.Rejected);
        await FitsAsync(page, width, $"hr-procedure-closed-{tag}");

        // Back to the list by its link, then the closed vacancy's cancel path: reopening asks first, and Cancel keeps it closed.
        await page.Locator("#back-to-procedures").ClickAsync();
        await page.WaitForInteractiveAsync();
        var listRow = page.Locator("#procedure-table tbody tr", new() { HasText = vacancy });
        await listRow.Locator("[data-reopen-procedure]").ClickAsync();
        await page.Locator(".mud-message-box button", new() { HasText = culture == "nl-BE" ? "Annuleren" : "Cancel" }).ClickAsync();
        await Expect(listRow.Locator("[data-reopen-procedure]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("nl-BE")]
    [InlineData("en-BE")]
    public async Task The_privacy_officer_reads_a_procedure_page_without_any_way_to_change_it(string culture)
    {
        var text = For(culture);
        var page = await browser.NewPageAsync(culture);
        await page.SignInAsAsync("demo-privacy", "/hr/procedures");
        await page.Locator("#procedure-table a.procedure-link", new() { HasText = text.Pool }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(text.Pool);
        await Expect(page.Locator("#procedure-applicants a.applicant-link").First).ToBeVisibleAsync();
        await Expect(page.Locator("#close-this-procedure")).ToHaveCountAsync(0);
        await page.ScreenshotAsync($"hr-procedure-page-privacy-{culture}");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Chooses a file in a CV field once Blazor's InputFile script has taken its input over. After a choice the upload
    /// component adds a fresh input for the next one, so the newest (last) input is the one a person's click opens.
    /// </summary>
    private static async Task ChooseCvAsync(IPage page, string field, FilePayload file)
    {
        await page.WaitForFunctionAsync("field => { const inputs = document.querySelectorAll(field + ' input[type=file]'); return inputs.length > 0 && '_blazorInputFileNextFileId' in inputs[inputs.length - 1]; }", field);
        await page.Locator($"{field} input[type=file]").Last.SetInputFilesAsync(file);
    }

    /// <summary>The confirmation with this text (an earlier one may still be showing beside it).</summary>
    private static ILocator Snackbar(IPage page, string text) => page.Locator(".mud-snackbar", new() { HasText = text });

    /// <summary>The page fits the window with nothing cut off; the screenshot is for a person to look at.</summary>
    private static async Task FitsAsync(IPage page, int width, string screenshot)
    {
        await ScreenChecks.SettleAsync(page);
        await page.ScreenshotAsync(screenshot);
        Assert.Empty(await ScreenChecks.FindCutOffAsync(page, sidewaysScrollAllowed: width < 600));
    }

    /// <summary>Every outcome shows its whole label: the field's text is not wider than the field.</summary>
    private static async Task ExpectNoTruncatedLabelAsync(IPage page)
    {
        var cut = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.mud-dialog .outcome-select input, .mud-dialog .outcome-select .mud-select-input, .mud-dialog .close-outcome-name, .mud-dialog .mud-dialog-title')]
                .filter(el => el.scrollWidth > el.clientWidth + 1)
                .map(el => `${el.className}: ${el.value ?? el.textContent} (${el.scrollWidth} > ${el.clientWidth})`)
            """);
        Assert.Empty(cut);
    }
}

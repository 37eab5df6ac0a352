namespace Cisa.Crm.Tests.EndToEnd.Crawl;

/// <summary>
/// The crawl's reading of a page's text, on texts written out here: what it must catch (issue 16's "Rows per page",
/// "1-25 of 27", "Session.SignIn", "prospect=32;outcome=Reached") and what it must leave alone (the page's own language,
/// a Dutch job title typed by a user on an English page).
/// </summary>
public sealed class AppTextsTests
{
    private static readonly AppTexts Texts = AppTexts.Instance;
    private static readonly string[] NoUserTexts = [];

    [Fact]
    public void MudBlazors_English_pager_is_found_on_a_Dutch_page()
    {
        var found = Texts.FindOtherLanguage("Prospecten\nRows per page: 25 1-25 of 27", "nl", NoUserTexts);

        Assert.Contains("Rows per page", found, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("1-25 of 27", found);
    }

    [Fact]
    public void The_pages_own_language_is_not_a_finding()
    {
        var dutchPager = Texts.Text("Common.RowsPerPage", "nl") + " 25 1-25 van 27";
        var englishPager = Texts.Text("Common.RowsPerPage", "en") + " 25 1-25 of 27";

        Assert.Empty(Texts.FindOtherLanguage(dutchPager + " " + Texts.Text("Error.Title", "nl"), "nl", NoUserTexts));
        Assert.Empty(Texts.FindOtherLanguage(englishPager + " " + Texts.Text("Error.Title", "en"), "en", NoUserTexts));
    }

    [Fact]
    public void A_text_of_the_app_in_the_other_language_is_found_in_both_directions()
    {
        Assert.Contains(Texts.Text("Error.Title", "nl"), Texts.FindOtherLanguage($"Home {Texts.Text("Error.Title", "nl")}.", "en", NoUserTexts));
        Assert.Contains(Texts.Text("Error.Title", "en"), Texts.FindOtherLanguage($"Start {Texts.Text("Error.Title", "en")}.", "nl", NoUserTexts));
    }

    [Fact]
    public void Dutch_typed_by_a_user_is_not_the_apps_wording_on_an_English_page()
    {
        const string page = "Jens Claes ICT-verantwoordelijke Last call";

        Assert.NotEmpty(Texts.FindOtherLanguage(page, "en", NoUserTexts));
        Assert.Empty(Texts.FindOtherLanguage(page, "en", ["ICT-verantwoordelijke"]));
    }

    [Theory]
    [InlineData("Aangemeld Session.SignIn door Sofie", "Session.SignIn")]
    [InlineData("scheme=Cookies", "scheme=C")]
    [InlineData("prospect=32;outcome=Reached", "prospect=3")]
    [InlineData("Uitkomst: NoAnswer", "NoAnswer")]
    [InlineData("Uitkomst: MeetingBooked", "MeetingBooked")]
    public void Raw_keys_details_and_enum_codes_are_found(string text, string expected)
    {
        Assert.Contains(expected, Texts.FindRawCodes(text));
    }

    [Fact]
    public void Words_and_names_are_not_raw_codes()
    {
        Assert.Empty(Texts.FindRawCodes("Sofie Verhaegen belde Jan Peeters (LinkedIn) om 10.30 u. Volgende stap: bellen. jan.peeters@vlaskouter.example"));
    }
}

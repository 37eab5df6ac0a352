using System.Net;
using Cisa.Crm.Tests.EndToEnd;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Integration;

/// <summary>
/// Issue 18, defect 4: the inputs a hostile tester found answering 500 get a clear answer instead: a 404 page, a safe local
/// address, or a 400 page that says what happened.
/// </summary>
public sealed class ClearAnswerTests(LocalAppFixture app) : IClassFixture<LocalAppFixture>
{
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("99999")]
    [InlineData("2147483647")]
    public async Task The_CV_download_of_an_unknown_applicant_is_the_not_found_page(string id)
    {
        var response = await app.Factory.GetAsAsync("demo-hr", $"/hr/applicants/{id}/cv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("id=\"not-found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CV_download_of_an_applicant_without_a_CV_is_the_not_found_page_and_records_no_download()
    {
        var withoutCv = await app.Factory.QueryAsync(db => db.Applicants.Where(a => !db.ApplicantCvs.Any(c => c.ApplicantId == a.Id)).Select(a => a.Id).FirstAsync());

        var response = await app.Factory.GetAsAsync("demo-hr", $"/hr/applicants/{withoutCv}/cv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await app.Factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Cv.Downloaded" && e.EntityId == withoutCv.ToString())));
    }

    [Theory]
    [InlineData("/culture/set?culture=en-BE&returnUrl=")]
    [InlineData("/authentication/login?returnUrl=")]
    [InlineData("/authentication/local?returnUrl=")]
    public async Task A_return_url_with_control_characters_is_reduced_to_the_home_page(string address)
    {
        foreach (var control in new[] { "%2Faudit%0D%0ALocation%3A%20https%3A%2F%2Fevil.example", "%2F%01", "%2F%7F", "%2Fa%09b" })
        {
            var response = await app.Factory.GetAnonymouslyAsync(address + control);

            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{address}{control}: {response.StatusCode}");
            // A redirect goes home (or to the sign-in page that then goes home); the sign-in page's form goes home.
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.Headers.Location is null || response.Headers.Location.OriginalString is "/" or "/authentication/local?returnUrl=%2F",
                $"{address}{control}: {response.Headers.Location}");
            Assert.True(response.Headers.Location is not null || html.Contains("name=\"returnUrl\" value=\"/\"", StringComparison.Ordinal), html);
        }
    }

    [Fact]
    public async Task A_sign_in_form_posted_with_a_control_character_in_its_return_url_signs_in_and_goes_home()
    {
        using var client = app.Factory.CreateBrowserLikeClient();
        var token = CrmAppFactory.AntiforgeryTokenIn(await client.GetStringAsync("/authentication/local"));

        var response = await client.PostAsync("/authentication/local", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userId"] = "demo-sales",
            ["returnUrl"] = "/prospects\r\nX: 1",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("%00")]
    [InlineData("%FF%FE")]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8%2B%2F%3D%3D%3D")]
    public async Task A_sign_out_with_a_malformed_antiforgery_token_is_a_400_page_that_says_so_and_the_session_stays(string token)
    {
        using var client = await app.Factory.SignedInClientAsync("demo-sales");

        var response = await client.PostAsync("/authentication/logout", new StringContent($"__RequestVerificationToken={token}",
            System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        var html = await response.Content.ReadAsStringAsync();
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"sign-out-refused\"", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(UiTexts.Get(app.Factory.Services, CrmCultures.Dutch, "SignOutRefused.Text")), html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Theory]
    [InlineData("/prospects/new?companyId=abc")]
    [InlineData("/prospects/new?companyId=2147483648")]
    [InlineData("/contacts/new?companyId=%00")]
    [InlineData("/contacts/new?companyId=-1")]
    public async Task A_form_opened_with_a_company_id_that_is_no_number_is_the_form_without_a_company(string address)
    {
        var response = await app.Factory.GetAsAsync("demo-sales", address);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("id=\"page-error\"", html, StringComparison.Ordinal);
    }
}

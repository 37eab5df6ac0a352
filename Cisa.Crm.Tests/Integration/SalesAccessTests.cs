using System.Net;
using System.Text;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Integration;

public sealed class SalesAccessTests(LocalAppFixture app) : IClassFixture<LocalAppFixture>
{
    [Fact]
    public async Task Sales_downloads_the_prospect_list_as_csv_with_the_import_columns()
    {
        var (csv, _) = await (await app.Factory.GetAsAsync("demo-sales", "/prospects/export.csv?mine=true")).ReadCsvDownloadAsync();

        Assert.StartsWith("FirstName;LastName;JobTitle;Company;EnterpriseNumber;Email;Phone;Mobile;Language;Source;SourceDetail;Note", csv, StringComparison.Ordinal);
        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1);
    }

    [Theory]
    [InlineData("demo-hr")]
    [InlineData("demo-norole")]
    [InlineData("demo-privacy")]
    public async Task Other_roles_cannot_export_prospects(string demoUserId)
    {
        var response = await app.Factory.GetAsAsync(demoUserId, "/prospects/export.csv");

        response.AssertRedirectedTo("/access-denied");
    }

    [Theory]
    [InlineData("/prospects/1")]
    [InlineData("/prospects/1/edit")]
    [InlineData("/companies/1")]
    [InlineData("/contacts/1")]
    [InlineData("/contacts/1/edit")]
    [InlineData("/contacts/export.csv")]
    public async Task HR_is_refused_on_sales_pages_with_an_id(string path)
    {
        var response = await app.Factory.GetAsAsync("demo-hr", path);

        response.AssertRedirectedTo("/access-denied");
    }

    [Fact]
    public async Task HR_sees_no_sales_entry_in_the_menu()
    {
        using var client = await app.Factory.SignedInClientAsync("demo-hr");

        var html = await client.GetStringAsync("/");

        Assert.DoesNotContain("href=\"/prospects\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/companies\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/my-work\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/contacts\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sales_downloads_the_contacts_as_csv_and_the_privacy_officer_may_not()
    {
        using var sales = await app.Factory.SignedInClientAsync("demo-sales");
        using var privacy = await app.Factory.SignedInClientAsync("demo-privacy");

        var csv = await sales.GetStringAsync("/contacts/export.csv");
        var refused = await privacy.GetAsync("/contacts/export.csv");

        Assert.StartsWith("FirstName;LastName;JobFunction;Company;Email;Email2", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Theory]
    [InlineData("demo-sales")]
    [InlineData("demo-norole")]
    public async Task CAT_APPLICANT_only_HR_and_the_privacy_officer_reach_applicant_pages_and_CVs(string demoUserId)
    {
        using var client = await app.Factory.SignedInClientAsync(demoUserId);

        foreach (var path in new[] { "/hr/applicants", "/hr/applicants/1", "/hr/procedures", "/hr/applicants/1/cv" })
        {
            (await client.GetAsync(path)).AssertRedirectedTo("/access-denied");
        }
    }

    [Fact]
    public async Task LOG_ACTIONS_HR_downloads_a_decrypted_CV_and_the_download_is_recorded()
    {
        var response = await app.Factory.GetAsAsync("demo-hr", "/hr/applicants/1/cv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.True(await RecordedAsync("Cv.Downloaded", "demo-hr"));
    }

    [Fact]
    public async Task LOG_ACTIONS_opening_a_prospect_page_records_the_view()
    {
        var response = await app.Factory.GetAsAsync("demo-privacy", "/prospects/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await RecordedAsync("Prospect.Viewed", "demo-privacy"));
    }

    /// <summary>Whether the audit trail holds the action on record 1 by that user.</summary>
    private Task<bool> RecordedAsync(string action, string actorId) =>
        app.Factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == action && e.EntityId == "1" && e.ActorId == actorId));
}

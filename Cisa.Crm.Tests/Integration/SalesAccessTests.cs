using System.Net;
using System.Text;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Integration;

public sealed class SalesAccessTests(LocalAppFixture app) : IClassFixture<LocalAppFixture>
{
    [Fact]
    public async Task Sales_downloads_the_prospect_list_as_csv_with_the_import_columns()
    {
        using var client = await app.Factory.SignedInClientAsync("demo-sales");

        var response = await client.GetAsync("/prospects/export.csv?mine=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("FirstName;LastName;JobTitle;Company;EnterpriseNumber;Email;Phone;Mobile;Language;Source;SourceDetail;Note", csv, StringComparison.Ordinal);
        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1);
    }

    [Theory]
    [InlineData("demo-hr")]
    [InlineData("demo-norole")]
    [InlineData("demo-privacy")]
    public async Task Other_roles_cannot_export_prospects(string demoUserId)
    {
        using var client = await app.Factory.SignedInClientAsync(demoUserId);

        var response = await client.GetAsync("/prospects/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
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
        using var client = await app.Factory.SignedInClientAsync("demo-hr");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
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
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LOG_ACTIONS_HR_downloads_a_decrypted_CV_and_the_download_is_recorded()
    {
        using var client = await app.Factory.SignedInClientAsync("demo-hr");

        var response = await client.GetAsync("/hr/applicants/1/cv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "Cv.Downloaded" && e.EntityId == "1" && e.ActorId == "demo-hr"));
    }

    [Fact]
    public async Task LOG_ACTIONS_opening_a_prospect_page_records_the_view()
    {
        using var client = await app.Factory.SignedInClientAsync("demo-privacy");

        var response = await client.GetAsync("/prospects/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "Prospect.Viewed" && e.EntityId == "1" && e.ActorId == "demo-privacy"));
    }
}

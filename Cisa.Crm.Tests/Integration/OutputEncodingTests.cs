using System.Net;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Integration;

/// <summary>
/// ASVS 5.3.3: stored values are shown as text, whatever path brought them in. The core refuses control and format
/// characters but not angle brackets (a company may well be called "A&lt;B"), so markup in a name must be encoded by
/// the page, not run.
/// </summary>
public sealed class OutputEncodingTests(LocalAppFixture app) : IClassFixture<LocalAppFixture>
{
    private const string Markup = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task Markup_in_a_stored_name_is_shown_as_text_in_the_record_page_and_its_title()
    {
        var id = await app.Factory.QueryAsync(db => db.Prospects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        await app.Factory.QueryAsync(db => db.Prospects.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastName, Markup)));
        using var client = await app.Factory.SignedInClientAsync("demo-sales");

        var response = await client.GetAsync($"/prospects/{id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Markup, html, StringComparison.Ordinal);
    }
}

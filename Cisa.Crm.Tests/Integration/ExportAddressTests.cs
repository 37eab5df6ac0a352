using System.Net;
using System.Text;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Integration;

/// <summary>
/// The export endpoints read the addresses the list pages build. Before issue 16 every export button sent its
/// unused filters as empty values (<c>source=&amp;companyId=</c>), the endpoint could not bind them and the user
/// landed on the error page.
/// </summary>
public sealed class ExportAddressTests(LocalAppFixture app) : IClassFixture<LocalAppFixture>
{
    [Theory]
    [InlineData("/prospects/export.csv?search=&source=&mine=False&companyId=")]
    [InlineData("/prospects/export.csv?search=&source=&mine=&companyId=")]
    [InlineData("/prospects/export.csv?search=&source=LinkedIn&mine=False&companyId=")]
    [InlineData("/prospects/export.csv?search=&source=&mine=False&companyId=1")]
    public async Task An_empty_prospect_filter_value_means_no_filter(string address)
    {
        using var client = await app.Factory.SignedInClientAsync("demo-sales");

        var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await CsvAsync(response);
        Assert.StartsWith(string.Join(';', ProspectImportService.Columns), csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/contacts/export.csv?search=&companyId=")]
    [InlineData("/contacts/export.csv?search=&companyId=2")]
    public async Task An_empty_contact_filter_value_means_no_filter(string address)
    {
        using var client = await app.Factory.SignedInClientAsync("demo-sales");

        var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(string.Join(';', PartnerContactCsvService.Columns), await CsvAsync(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/prospects/export.csv?source=Fax")]
    [InlineData("/prospects/export.csv?companyId=abc")]
    [InlineData("/prospects/export.csv?mine=perhaps")]
    [InlineData("/contacts/export.csv?companyId=abc")]
    public async Task A_filter_value_that_means_nothing_is_a_bad_request_not_a_wider_export(string address)
    {
        using var client = await app.Factory.SignedInClientAsync("demo-sales");

        var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<string> CsvAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
    }
}

using System.Net;
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
    public async Task An_empty_prospect_filter_value_means_no_filter(string address) =>
        await AssertExportStartsWithAsync(address, ProspectImportService.Columns);

    [Theory]
    [InlineData("/contacts/export.csv?search=&companyId=")]
    [InlineData("/contacts/export.csv?search=&companyId=2")]
    public async Task An_empty_contact_filter_value_means_no_filter(string address) =>
        await AssertExportStartsWithAsync(address, PartnerContactCsvService.Columns);

    [Theory]
    [InlineData("/prospects/export.csv?source=Fax")]
    [InlineData("/prospects/export.csv?companyId=abc")]
    [InlineData("/prospects/export.csv?mine=perhaps")]
    [InlineData("/contacts/export.csv?companyId=abc")]
    public async Task A_filter_value_that_means_nothing_is_a_bad_request_not_a_wider_export(string address)
    {
        var response = await app.Factory.GetAsAsync("demo-sales", address);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Sales downloads the export, and it starts with the header of the import's columns.</summary>
    private async Task AssertExportStartsWithAsync(string address, IReadOnlyList<string> columns)
    {
        var (csv, _) = await (await app.Factory.GetAsAsync("demo-sales", address)).ReadCsvDownloadAsync();

        Assert.StartsWith(string.Join(';', columns), csv, StringComparison.Ordinal);
    }
}

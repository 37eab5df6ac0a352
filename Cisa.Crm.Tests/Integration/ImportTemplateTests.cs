using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Integration;

/// <summary>
/// The template of each import is a real download for whoever may run that import, and refused to everyone else.
/// The template is read back by the import's own reader, so a template the import would refuse fails here.
/// </summary>
public sealed class ImportTemplateTests(LocalAppFixture app) : IClassFixture<LocalAppFixture>
{
    public static TheoryData<string, string> Templates => new()
    {
        { "/prospects/import/template.csv", string.Join(';', ProspectImportService.Columns) },
        { "/contacts/import/template.csv", string.Join(';', PartnerContactCsvService.Columns) },
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Sales_downloads_the_template_with_the_import_header_and_one_example_row(string address, string header)
    {
        var (csv, bytes) = await (await app.Factory.GetAsAsync("demo-sales", address)).ReadCsvDownloadAsync();

        Assert.Equal(header, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[0]);
        Assert.Single(CsvRows.Read(bytes, header.Split(';')));
    }

    [Theory]
    [InlineData("demo-hr", "/prospects/import/template.csv")]
    [InlineData("demo-privacy", "/prospects/import/template.csv")]
    [InlineData("demo-norole", "/prospects/import/template.csv")]
    [InlineData("demo-hr", "/contacts/import/template.csv")]
    [InlineData("demo-privacy", "/contacts/import/template.csv")]
    [InlineData("demo-norole", "/contacts/import/template.csv")]
    public async Task Other_roles_are_refused_the_template(string demoUserId, string address)
    {
        var response = await app.Factory.GetAsAsync(demoUserId, address);

        response.AssertRedirectedTo("/access-denied");
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in_not_given_the_template()
    {
        var response = await app.Factory.GetAnonymouslyAsync("/prospects/import/template.csv");

        response.AssertRedirectedTo("/authentication/login");
    }
}

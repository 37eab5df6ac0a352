using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Partners;

namespace Cisa.Crm.Tests.Core.Partners;

public sealed class PartnerSearchTests : PartnerTestBase
{
    private int _katrien;
    private int _jan;
    private int _sanne;
    private int _supplier;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _supplier = await Data.CompanyAsync("Hardware Groothandel", CompanyType.Supplier);
        _katrien = await CreateContactAsync(NewContact() with
        {
            FirstName = "Katrien", LastName = "Wouters", Emails = ["katrien.wouters@herentals-bouw.be"],
            Phones = [new PhoneInput(PhoneKind.Office, "014 85 37 97")],
        });
        _jan = await CreateContactAsync(NewContact() with
        {
            FirstName = "Jan", LastName = "Geërts", Emails = ["jg@herentals-bouw.be", "jan.prive@example.be"],
            Phones = [new PhoneInput(PhoneKind.Office, "014 21 34 56"), new PhoneInput(PhoneKind.Mobile, "0478 12 34 56")],
        });
        _sanne = await CreateContactAsync(NewContact(_supplier) with
        {
            FirstName = "Sanne", LastName = "Aerts", Emails = ["sanne@hwgroothandel.be"],
            Phones = [new PhoneInput(PhoneKind.Mobile, "0499 11 22 33")],
        });
    }

    private async Task<List<int>> FindAsync(string search) =>
        (await Contacts.SearchAsync(new PartnerContactQuery(Search: search), new PageRequest(0, 50))).Items.Select(r => r.Id).ToList();

    /// <summary>
    /// Prefixes of a last or first name (any case, with or without accents), of any of the e-mail addresses, and of any of
    /// the numbers in local or international format; never the middle of a word, address or number.
    /// </summary>
    [Theory]
    [InlineData("wou", "Katrien")]
    [InlineData("GEERTS", "Jan")]
    [InlineData("geë", "Jan")]
    [InlineData("san", "Sanne")]
    [InlineData("outers", null)]
    [InlineData("Katrien.W", "Katrien")]
    [InlineData("katrien.wouters@herentals", "Katrien")]
    [InlineData("jg@", "Jan")]
    [InlineData("@herentals-bouw.be", null)]
    [InlineData("014 85 37 97", "Katrien")]
    [InlineData("+32 14 85 37 97", "Katrien")]
    [InlineData("0478/12.34.56", "Jan")]
    [InlineData("014213456", "Jan")]
    [InlineData("0470 00 00 00", null)]
    public async Task Search_by_name_email_or_phone_prefix_ignores_case_accents_and_number_format(string search, string? found)
    {
        int[] expected = found switch
        {
            "Katrien" => [_katrien],
            "Jan" => [_jan],
            "Sanne" => [_sanne],
            _ => [],
        };

        Assert.Equal(expected, await FindAsync(search));
    }

    [Fact]
    public async Task Search_by_company_name_prefix()
    {
        var result = await Contacts.SearchAsync(new PartnerContactQuery(Search: "hardware"), new PageRequest(0, 50));

        var row = Assert.Single(result.Items);
        Assert.Equal(_sanne, row.Id);
        Assert.Equal("Hardware Groothandel", row.CompanyName);
        Assert.Equal(CompanyType.Supplier, row.CompanyType);
        Assert.Equal("sanne@hwgroothandel.be", row.Email);
        Assert.Equal("+32499112233", row.Phone);
        Assert.Equal(1, result.TotalCount);
        Assert.Equal(new[] { _jan, _katrien }.Order(), (await FindAsync("herentals b")).Order());
    }

    [Fact]
    public async Task The_list_is_sorted_by_name_and_paged_on_the_server()
    {
        var first = await Contacts.SearchAsync(new PartnerContactQuery(), new PageRequest(0, 2));
        var second = await Contacts.SearchAsync(new PartnerContactQuery(), new PageRequest(2, 2));
        var byCompany = await Contacts.SearchAsync(new PartnerContactQuery(Sort: PartnerContactSort.Company), new PageRequest(0, 10));

        Assert.Equal(3, first.TotalCount);
        Assert.Equal([_sanne, _jan], first.Items.Select(r => r.Id));
        Assert.Equal([_katrien], second.Items.Select(r => r.Id));
        Assert.Equal(_sanne, byCompany.Items[0].Id);
    }

    [Fact]
    public async Task The_list_can_be_limited_to_one_company()
    {
        var result = await Contacts.SearchAsync(new PartnerContactQuery(CompanyId: _supplier), new PageRequest(0, 10));

        Assert.Equal([_sanne], result.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task The_row_shows_the_first_email_and_phone_of_the_contact()
    {
        var row = Assert.Single((await Contacts.SearchAsync(new PartnerContactQuery(Search: "Jan"), new PageRequest(0, 10))).Items);

        Assert.Equal("jg@herentals-bouw.be", row.Email);
        Assert.Equal("+3214213456", row.Phone);
        Assert.Equal("Herentals Bouw", row.CompanyName);
    }
}

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

    [Fact]
    public async Task Search_by_last_or_first_name_prefix_ignores_case_and_accents()
    {
        Assert.Equal([_katrien], await FindAsync("wou"));
        Assert.Equal([_jan], await FindAsync("GEERTS"));
        Assert.Equal([_jan], await FindAsync("geë"));
        Assert.Equal([_sanne], await FindAsync("san"));
        Assert.Empty(await FindAsync("outers"));
    }

    [Fact]
    public async Task Search_by_email_prefix_finds_any_of_the_addresses()
    {
        Assert.Equal([_katrien], await FindAsync("Katrien.W"));
        Assert.Equal([_katrien], await FindAsync("katrien.wouters@herentals"));
        Assert.Equal([_jan], await FindAsync("jg@"));
        Assert.Empty(await FindAsync("@herentals-bouw.be"));
    }

    [Fact]
    public async Task Search_by_phone_in_local_or_international_format_finds_any_of_the_numbers()
    {
        Assert.Equal([_katrien], await FindAsync("014 85 37 97"));
        Assert.Equal([_katrien], await FindAsync("+32 14 85 37 97"));
        Assert.Equal([_jan], await FindAsync("0478/12.34.56"));
        Assert.Equal([_jan], await FindAsync("014213456"));
        Assert.Empty(await FindAsync("0470 00 00 00"));
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

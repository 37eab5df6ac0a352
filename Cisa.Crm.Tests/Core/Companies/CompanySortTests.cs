using System.Text;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Import;
using Microsoft.EntityFrameworkCore;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Companies;

/// <summary>
/// The list sorted by company runs on each prospect's copy of its company's name key: it must follow the company
/// through every way a prospect or a company changes.
/// </summary>
public sealed class CompanySortTests : SalesTestBase
{
    [Fact]
    public async Task Sorting_by_company_orders_by_company_then_name_across_page_boundaries_both_ways()
    {
        // The base class's company is "Kempen ICT".
        var zuid = await Data.CompanyAsync("Zuiderkempen Data");
        var alfa = await Data.CompanyAsync("Ålfa Bouw");
        var zuidWouters = await CreateProspectAsync(NewProspect() with { CompanyId = zuid, LastName = "Wouters" });
        var kempenMaes = await CreateProspectAsync(NewProspect() with { LastName = "Maes" });
        var alfaPeeters = await CreateProspectAsync(NewProspect() with { CompanyId = alfa, LastName = "Peeters", FirstName = "Lien" });
        var zuidAerts = await CreateProspectAsync(NewProspect() with { CompanyId = zuid, LastName = "Aerts" });
        var alfaAn = await CreateProspectAsync(NewProspect() with { CompanyId = alfa, LastName = "Peeters", FirstName = "An" });
        var restricted = await CreateProspectAsync(NewProspect() with { CompanyId = alfa, LastName = "Claes" });
        await Data.RestrictAsync(restricted);

        var query = new ProspectQuery(Sort: ProspectSort.Company);
        Assert.Equal([alfaAn, alfaPeeters, kempenMaes, zuidAerts, zuidWouters], await AllPagesAsync(query));
        // Descending by company; within a company still A to Z.
        Assert.Equal([zuidAerts, zuidWouters, kempenMaes, alfaAn, alfaPeeters], await AllPagesAsync(query with { Descending = true }));
        Assert.Equal([restricted, alfaAn, alfaPeeters, kempenMaes, zuidAerts, zuidWouters], await AllPagesAsync(query with { IncludeRestricted = true }));
    }

    [Fact]
    public async Task Renaming_a_company_re_sorts_its_prospects_without_touching_them()
    {
        var alfa = await Data.CompanyAsync("Alfa Bouw");
        var inAlfa = await CreateProspectAsync(NewProspect() with { CompanyId = alfa });
        var inKempen = await CreateProspectAsync();
        var query = new ProspectQuery(Sort: ProspectSort.Company);
        Assert.Equal([inAlfa, inKempen], await AllPagesAsync(query));
        var before = await Data.ProspectRowAsync(inAlfa);
        var company = await Companies.GetAsync(alfa);
        Db.Time.Advance(TimeSpan.FromDays(1));

        await Companies.UpdateAsync(alfa, company.Input with { Name = "Zonnebloem Bouw" }, company.Version);

        Assert.Equal([inKempen, inAlfa], await AllPagesAsync(query));
        var after = await Data.ProspectRowAsync(inAlfa);
        Assert.Equal("zonnebloem bouw", after.CompanyNameKey);
        // A company's rename is no edit of its prospects: retention (UpdatedAtUtc) and the edit version stay.
        Assert.Equal(before.UpdatedAtUtc, after.UpdatedAtUtc);
        Assert.Equal(before.ConcurrencyStamp, after.ConcurrencyStamp);
    }

    [Fact]
    public async Task Moving_a_prospect_to_another_company_moves_it_in_the_company_sort()
    {
        var alfa = await Data.CompanyAsync("Alfa Bouw");
        var moving = await CreateProspectAsync(NewProspect() with { CompanyId = alfa });
        var staying = await CreateProspectAsync();
        var details = await Prospects.GetAsync(moving);

        await Prospects.UpdateAsync(moving, details.Input with { CompanyId = await Data.CompanyAsync("Zonnebloem Bouw") }, details.Version);

        Assert.Equal([staying, moving], await AllPagesAsync(new ProspectQuery(Sort: ProspectSort.Company)));
        Assert.Equal("zonnebloem bouw", (await Data.ProspectRowAsync(moving)).CompanyNameKey);
    }

    [Fact]
    public async Task Imported_prospects_carry_their_companys_key_also_when_found_by_enterprise_number_under_another_name()
    {
        await Data.CompanyAsync("Cisa", enterpriseNumber: "0860.244.894");
        const string csv = """
            FirstName;LastName;JobTitle;Company;EnterpriseNumber;Email;Phone;Mobile;Language;Source;SourceDetail;Note
            Lotte;Janssens;CIO;Nieuw Bedrijf;;lotte.janssens@nieuwbedrijf.be;;;nl;LinkedIn;;
            Bart;Claes;CTO;Kempen ICT;;bart.claes@kempen-ict.be;;;nl;LinkedIn;;
            Wim;Smets;CISO;CISA Software bv;0860244894;wim.smets@cisa.example;;;nl;LinkedIn;;
            """;

        var summary = await Db.Get<ProspectImportService>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ImportBatch(AssessmentId, SalesData.Note));

        Assert.Equal(3, summary.Imported);
        await using var context = Db.CreateContext();
        var keys = await context.Prospects.AsNoTracking().OrderBy(p => p.LastNameKey)
            .Select(p => new { p.LastName, p.CompanyNameKey, CompanyKey = p.Company!.NameKey }).ToListAsync();
        Assert.Equal(["kempen ict", "nieuw bedrijf", "cisa"], keys.Select(k => k.CompanyNameKey));
        Assert.All(keys, k => Assert.Equal(k.CompanyKey, k.CompanyNameKey));
    }

    private async Task<List<int>> AllPagesAsync(ProspectQuery query)
    {
        var ids = new List<int>();
        for (var skip = 0; ; skip += 2)
        {
            var page = await Prospects.SearchAsync(query, new PageRequest(skip, 2));
            ids.AddRange(page.Items.Select(r => r.Id));
            if (page.Items.Count < 2)
            {
                return ids;
            }
        }
    }
}

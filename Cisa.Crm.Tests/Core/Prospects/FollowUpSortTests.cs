using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Prospects;

/// <summary>The list sorted by follow-up: dated ones first by date, then those without, page after page.</summary>
public sealed class FollowUpSortTests : SalesTestBase
{
    [Fact]
    public async Task Sorting_by_follow_up_puts_the_earliest_first_and_those_without_last_across_page_boundaries()
    {
        var late = await CreateProspectAsync();
        var none1 = await CreateProspectAsync();
        var early = await CreateProspectAsync();
        var none2 = await CreateProspectAsync();
        var middle = await CreateProspectAsync();
        await Calls.LogAsync(late, SalesData.Call(followUpOn: Today.AddDays(30)));
        await Calls.LogAsync(early, SalesData.Call(followUpOn: Today.AddDays(2)));
        await Calls.LogAsync(middle, SalesData.Call(followUpOn: Today.AddDays(10)));
        var query = new ProspectQuery(Sort: ProspectSort.FollowUp);

        var pages = new List<int>();
        for (var skip = 0; skip < 6; skip += 2)
        {
            var page = await Prospects.SearchAsync(query, new PageRequest(skip, 2));
            Assert.Equal(5, page.TotalCount);
            pages.AddRange(page.Items.Select(r => r.Id));
        }

        Assert.Equal([early, middle, late, none1, none2], pages);
        var descending = await Prospects.SearchAsync(query with { Descending = true }, new PageRequest(0, 3));
        Assert.Equal([late, middle, early], descending.Items.Select(r => r.Id));
    }
}

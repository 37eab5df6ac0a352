using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Prospects;

/// <summary>Paging the list with the total the caller already holds: the same rows, and no count.</summary>
public sealed class ProspectPagingTests : SalesTestBase
{
    [Theory]
    [InlineData(ProspectSort.Name, false)]
    [InlineData(ProspectSort.Company, true)]
    [InlineData(ProspectSort.LastCall, true)]
    [InlineData(ProspectSort.FollowUp, false)]
    public async Task A_known_total_gives_the_same_rows_in_the_same_order_and_is_returned_as_given(ProspectSort sort, bool descending)
    {
        for (var i = 0; i < 5; i++)
        {
            var id = await CreateProspectAsync();
            if (i % 2 == 0)
            {
                await Calls.LogAsync(id, SalesData.Call(followUpOn: Today.AddDays(10 - i)));
            }
        }

        var query = new ProspectQuery(Sort: sort, Descending: descending);
        for (var skip = 0; skip < 6; skip += 2)
        {
            var counted = await Prospects.SearchAsync(query, new PageRequest(skip, 2));
            var paged = await Prospects.SearchAsync(query, new PageRequest(skip, 2), knownTotal: counted.TotalCount);
            Assert.Equal(5, counted.TotalCount);
            Assert.Equal(counted.Items, paged.Items);
            Assert.Equal(counted.TotalCount, paged.TotalCount);
        }

        // The known total is trusted, not recounted: that is what saves the walk over every matching row.
        Assert.Equal(7, (await Prospects.SearchAsync(query, new PageRequest(0, 2), knownTotal: 7)).TotalCount);
        Assert.Equal(5, (await Prospects.SearchAsync(query, new PageRequest(0, 2), knownTotal: null)).TotalCount);
    }
}

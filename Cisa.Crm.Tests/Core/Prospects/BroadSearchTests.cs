using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Prospects;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Core.Prospects;

/// <summary>
/// A search that matches more than ten thousand prospects is counted up to ten thousand ("more than") and its pages are
/// read in name order off the name index: the same rows, in the same order, as the planner's own plan gives.
/// </summary>
public sealed class BroadSearchTests : SalesTestBase
{
    /// <summary>About 10,100 prospects whose surname starts with "Van", interleaved in name order with some that do not match.</summary>
    private async Task<List<(string Last, string First, int Id, bool Restricted)>> ManyVansAsync()
    {
        await using (var db = Db.CreateContext())
        {
            var now = Db.Time.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 11_100; i++)
            {
                var input = NewProspect() with
                {
                    FirstName = $"Jan {i % 7}",
                    LastName = i % 13 == 0 ? $"Baert {i:D5}" : $"Van Dijck {i % 500:D4}",
                    Email = $"p{i}@example.be",
                };
                var prospect = ProspectService.NewProspect(input, "kempen ict", SalesPeople.Sofie, now);
                if (i % 97 == 0)
                {
                    prospect.Restrict(now);
                }

                db.Prospects.Add(prospect);
            }

            await db.SaveChangesAsync();
        }

        await using var read = Db.CreateContext();
        return (await read.Prospects.Select(p => new { p.LastNameKey, p.FirstNameKey, p.Id, p.IsRestricted }).ToListAsync())
            .Select(p => (p.LastNameKey, p.FirstNameKey, p.Id, p.IsRestricted)).ToList();
    }

    [Fact]
    public async Task A_broad_search_says_more_than_ten_thousand_and_pages_in_the_same_order_both_ways_with_and_without_restricted()
    {
        var all = await ManyVansAsync();
        foreach (var (descending, includeRestricted) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var matching = all.Where(p => p.Last.StartsWith("van", StringComparison.Ordinal) && (includeRestricted || !p.Restricted));
            var expected = (descending
                    ? matching.OrderByDescending(p => p.Last, StringComparer.Ordinal).ThenByDescending(p => p.First, StringComparer.Ordinal).ThenBy(p => p.Id)
                    : matching.OrderBy(p => p.Last, StringComparer.Ordinal).ThenBy(p => p.First, StringComparer.Ordinal).ThenBy(p => p.Id))
                .Select(p => p.Id).ToList();
            Assert.True(expected.Count > ProspectService.SearchCountLimit);
            var query = new ProspectQuery(Search: "van", Descending: descending, IncludeRestricted: includeRestricted);

            var first = await Prospects.SearchAsync(query, new PageRequest(0, 50));
            var deep = await Prospects.SearchAsync(query, new PageRequest(9_950, 50), knownTotal: first.TotalCount);

            Assert.Equal((ProspectService.SearchCountLimit, true), (first.TotalCount, first.MoreThanTotal));
            Assert.Equal(expected.Take(50), first.Items.Select(r => r.Id));
            Assert.Equal(expected.Skip(9_950).Take(50), deep.Items.Select(r => r.Id));
        }
    }

    [Fact]
    public async Task A_narrow_search_is_counted_exactly()
    {
        await ManyVansAsync();

        var found = await Prospects.SearchAsync(new ProspectQuery(Search: "baert 010"), new PageRequest(0, 50));

        Assert.Equal((8, false), (found.TotalCount, found.MoreThanTotal));
    }
}

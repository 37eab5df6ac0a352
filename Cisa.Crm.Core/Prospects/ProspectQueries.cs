using Cisa.Crm.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Prospects;

/// <summary>The list's filter, search and sort, shared by the grid and the CSV export.</summary>
internal static class ProspectQueries
{
    public static IQueryable<Prospect> Filter(IQueryable<Prospect> prospects, IQueryable<Companies.Company> companies, ProspectQuery query)
    {
        if (!query.IncludeRestricted)
        {
            // An equality with a parameter ("IsRestricted = @p"), not "NOT IsRestricted": only the
            // equality lets SQLite read the page straight off the (IsRestricted, name) index.
            var restricted = false;
            prospects = prospects.Where(p => p.IsRestricted == restricted);
        }

        if (query.CompanyId is { } companyId)
        {
            prospects = prospects.Where(p => p.CompanyId == companyId);
        }

        if (query.Source is { } source)
        {
            prospects = prospects.Where(p => p.Source == source);
        }

        if (!string.IsNullOrEmpty(query.OwnerId))
        {
            prospects = prospects.Where(p => p.OwnerId == query.OwnerId);
        }

        return string.IsNullOrWhiteSpace(query.Search) ? prospects : Search(prospects, companies, query.Search);
    }

    /// <summary>
    /// The search box: a phone number matches exactly (after normalisation), an e-mail address by
    /// prefix, a name or company by prefix of its accent-free key. Every branch is an index range,
    /// never a scan of the table.
    /// </summary>
    private static IQueryable<Prospect> Search(IQueryable<Prospect> prospects, IQueryable<Companies.Company> companies, string search)
    {
        var phone = ContactNormaliser.NormalisePhone(search);
        if (phone is not null)
        {
            return prospects.Where(p => p.Phone == phone || p.Mobile == phone);
        }

        var term = search.Trim().ToLowerInvariant();
        if (term.Contains('@', StringComparison.Ordinal))
        {
            var upper = term + "\uffff";
            return prospects.Where(p => string.Compare(p.Email, term) >= 0 && string.Compare(p.Email, upper) < 0);
        }

        var key = ContactNormaliser.SearchKey(search);
        var keyUpper = key + "\uffff";

        // Every branch of the OR is an indexed range (the company branch through an IN over the company
        // name index), so SQLite answers it with its multi-index OR plan instead of scanning the table.
        var companyIds = companies.Where(c => string.Compare(c.NameKey, key) >= 0 && string.Compare(c.NameKey, keyUpper) < 0).Select(c => c.Id);
        return prospects.Where(p =>
            (string.Compare(p.LastNameKey, key) >= 0 && string.Compare(p.LastNameKey, keyUpper) < 0)
            || (string.Compare(p.FirstNameKey, key) >= 0 && string.Compare(p.FirstNameKey, keyUpper) < 0)
            || (string.Compare(p.Email, key) >= 0 && string.Compare(p.Email, keyUpper) < 0)
            || companyIds.Contains(p.CompanyId));
    }

    /// <summary>
    /// The prospects read in name order off the name index, whatever the planner would choose: for a broad search,
    /// where nearly any walk in name order meets matches at once. Restricted ones shown too: the index without them.
    /// </summary>
    public static IQueryable<Prospect> InNameOrder(DbSet<Prospect> prospects, bool includeRestricted) =>
        prospects.FromSqlRaw(includeRestricted
            ? "SELECT * FROM \"Prospects\" INDEXED BY \"IX_Prospects_LastNameKey_FirstNameKey\""
            : "SELECT * FROM \"Prospects\" INDEXED BY \"IX_Prospects_IsRestricted_LastNameKey_FirstNameKey\"");

    public static IQueryable<Prospect> Sort(IQueryable<Prospect> prospects, ProspectQuery query) => (query.Sort, query.Descending) switch
    {
        // On the prospect's own copy of the company's key, which an index holds (the joined name made SQLite sort every prospect).
        (ProspectSort.Company, false) => prospects.OrderBy(p => p.CompanyNameKey).ThenBy(p => p.LastNameKey).ThenBy(p => p.FirstNameKey).ThenBy(p => p.Id),
        (ProspectSort.Company, true) => prospects.OrderByDescending(p => p.CompanyNameKey).ThenBy(p => p.LastNameKey).ThenBy(p => p.FirstNameKey).ThenBy(p => p.Id),
        (ProspectSort.LastCall, false) => prospects.OrderBy(p => p.LastCallAtUtc).ThenBy(p => p.Id),
        (ProspectSort.LastCall, true) => prospects.OrderByDescending(p => p.LastCallAtUtc).ThenBy(p => p.Id),
        (ProspectSort.FollowUp, false) => prospects.OrderBy(p => p.FollowUpOn == null).ThenBy(p => p.FollowUpOn).ThenBy(p => p.Id),
        (ProspectSort.FollowUp, true) => prospects.OrderByDescending(p => p.FollowUpOn).ThenBy(p => p.Id),
        (ProspectSort.Updated, false) => prospects.OrderBy(p => p.UpdatedAtUtc).ThenBy(p => p.Id),
        (ProspectSort.Updated, true) => prospects.OrderByDescending(p => p.UpdatedAtUtc).ThenBy(p => p.Id),
        (_, true) => prospects.OrderByDescending(p => p.LastNameKey).ThenByDescending(p => p.FirstNameKey).ThenBy(p => p.Id),
        _ => prospects.OrderBy(p => p.LastNameKey).ThenBy(p => p.FirstNameKey).ThenBy(p => p.Id),
    };

    /// <summary>
    /// The company name comes from a subquery per row of the page rather than a join: with a join
    /// SQLite may walk the companies first and sort every prospect; this way it reads the page off the
    /// sort index and looks up 50 names.
    /// </summary>
    public static IQueryable<ProspectRow> ToRows(IQueryable<Prospect> prospects, IQueryable<Companies.Company> companies) =>
        prospects.Select(p => new ProspectRow(p.Id, p.FirstName, p.LastName, p.JobTitle, p.CompanyId,
            companies.Where(c => c.Id == p.CompanyId).Select(c => c.Name).First(),
            p.Email, p.Phone, p.Mobile, p.LastCallAtUtc, p.FollowUpOn, p.OwnerName, p.IsRestricted));
}

using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Partners;

/// <summary>The contact list's filter, search and sort, shared by the grid and the CSV export.</summary>
internal static class PartnerContactQueries
{
    public static IQueryable<PartnerContact> Filter(CrmDbContext db, PartnerContactQuery query)
    {
        var contacts = db.PartnerContacts.AsNoTracking();
        if (!query.IncludeRestricted)
        {
            var restricted = false; // an equality with a parameter lets SQLite use the (IsRestricted, name) index
            contacts = contacts.Where(p => p.IsRestricted == restricted);
        }

        if (query.CompanyId is { } companyId)
        {
            contacts = contacts.Where(p => p.CompanyId == companyId);
        }

        if (string.IsNullOrWhiteSpace(query.Search))
        {
            return contacts;
        }

        // Same shape as the prospect search: every branch an index range or an indexed IN.
        var phone = ContactNormaliser.NormalisePhone(query.Search);
        if (phone is not null)
        {
            var byPhone = db.PartnerContactPhones.Where(p => p.Number == phone).Select(p => p.PartnerContactId);
            return contacts.Where(p => byPhone.Contains(p.Id));
        }

        var term = query.Search.Trim().ToLowerInvariant();
        var termUpper = term + "\uffff";
        var byEmail = db.PartnerContactEmails.Where(e => string.Compare(e.Address, term) >= 0 && string.Compare(e.Address, termUpper) < 0).Select(e => e.PartnerContactId);
        if (term.Contains('@', StringComparison.Ordinal))
        {
            return contacts.Where(p => byEmail.Contains(p.Id));
        }

        var key = ContactNormaliser.SearchKey(query.Search);
        var keyUpper = key + "\uffff";
        var companyIds = db.Companies.Where(c => string.Compare(c.NameKey, key) >= 0 && string.Compare(c.NameKey, keyUpper) < 0).Select(c => c.Id);
        return contacts.Where(p =>
            (string.Compare(p.LastNameKey, key) >= 0 && string.Compare(p.LastNameKey, keyUpper) < 0)
            || (string.Compare(p.FirstNameKey, key) >= 0 && string.Compare(p.FirstNameKey, keyUpper) < 0)
            || byEmail.Contains(p.Id)
            || companyIds.Contains(p.CompanyId));
    }

    public static IQueryable<PartnerContact> Sort(IQueryable<PartnerContact> contacts, PartnerContactQuery query) => (query.Sort, query.Descending) switch
    {
        (PartnerContactSort.Company, false) => contacts.OrderBy(p => p.Company!.NameKey).ThenBy(p => p.LastNameKey),
        (PartnerContactSort.Company, true) => contacts.OrderByDescending(p => p.Company!.NameKey).ThenBy(p => p.LastNameKey),
        (PartnerContactSort.Updated, false) => contacts.OrderBy(p => p.UpdatedAtUtc).ThenBy(p => p.Id),
        (PartnerContactSort.Updated, true) => contacts.OrderByDescending(p => p.UpdatedAtUtc).ThenBy(p => p.Id),
        (_, true) => contacts.OrderByDescending(p => p.LastNameKey).ThenByDescending(p => p.FirstNameKey).ThenBy(p => p.Id),
        _ => contacts.OrderBy(p => p.LastNameKey).ThenBy(p => p.FirstNameKey).ThenBy(p => p.Id),
    };

    public static IQueryable<PartnerContactRow> ToRows(CrmDbContext db, IQueryable<PartnerContact> contacts) =>
        contacts.Select(p => new PartnerContactRow(p.Id, p.FirstName, p.LastName, p.JobFunction, p.CompanyId,
            db.Companies.Where(c => c.Id == p.CompanyId).Select(c => c.Name).First(),
            db.Companies.Where(c => c.Id == p.CompanyId).Select(c => c.Type).First(),
            db.PartnerContactEmails.Where(e => e.PartnerContactId == p.Id).OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefault(),
            db.PartnerContactPhones.Where(e => e.PartnerContactId == p.Id).OrderBy(e => e.Id).Select(e => e.Number).FirstOrDefault(),
            p.IsRestricted));
}

using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>What the privacy officer searches with; filled from the request's details by default.</summary>
public sealed record FindQuery(string? Email, string? Phone, string? FirstName, string? LastName);

[Flags]
public enum MatchedOn
{
    None = 0,
    Email = 1,
    Phone = 2,
    Name = 4,
}

/// <summary>One record that may be the requester, with the records that point at it.</summary>
public sealed record FoundPerson(
    PersonRef Person,
    string Name,
    string? Context,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    MatchedOn MatchedOn,
    int Calls,
    int Disclosures,
    int Applications,
    bool HasCv,
    bool IsRestricted);

/// <summary>
/// DSR-FIND: one search over every category by normalised e-mail, phone and name. Each criterion is an
/// equality or prefix on an indexed, normalised column (never a LIKE scan), so it stays fast with hundreds
/// of thousands of people.
/// </summary>
public static class PersonFinder
{
    private const int PerCategoryLimit = 50;

    public static async Task<IReadOnlyList<FoundPerson>> FindAsync(CrmDbContext db, FindQuery query, CancellationToken cancellationToken)
    {
        var email = ContactNormaliser.NormaliseEmail(query.Email);
        var phone = ContactNormaliser.NormalisePhone(query.Phone);
        var last = ContactNormaliser.SearchKey(query.LastName);
        var first = ContactNormaliser.SearchKey(query.FirstName);
        var firstUpper = first + "\uffff";
        var byName = last.Length > 0;
        if (email is null && phone is null && !byName)
        {
            return [];
        }

        var found = new List<FoundPerson>();

        // Prospects: e-mail, office and mobile number on the row itself.
        var prospectIds = new Dictionary<int, MatchedOn>();
        if (email is not null)
        {
            Add(prospectIds, await db.Prospects.Where(p => p.Email == email).Select(p => p.Id).Take(PerCategoryLimit).ToListAsync(cancellationToken), MatchedOn.Email);
        }

        if (phone is not null)
        {
            Add(prospectIds, await db.Prospects.Where(p => p.Phone == phone || p.Mobile == phone).Select(p => p.Id).Take(PerCategoryLimit).ToListAsync(cancellationToken), MatchedOn.Phone);
        }

        if (byName)
        {
            Add(prospectIds, await db.Prospects.Where(p => p.LastNameKey == last && string.Compare(p.FirstNameKey, first) >= 0 && string.Compare(p.FirstNameKey, firstUpper) < 0)
                .Select(p => p.Id).Take(PerCategoryLimit).ToListAsync(cancellationToken), MatchedOn.Name);
        }

        var ids = prospectIds.Keys.ToList();
        var prospects = ids.Count == 0 ? [] : await db.Prospects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.FirstName, p.LastName, Company = p.Company!.Name, p.Email, p.Phone, p.Mobile, p.IsRestricted,
                Calls = db.Calls.Count(c => c.ProspectId == p.Id),
            })
            .ToListAsync(cancellationToken);
        found.AddRange(prospects.Select(p => new FoundPerson(new PersonRef(PersonCategory.Prospect, p.Id), $"{p.FirstName} {p.LastName}", p.Company,
            Present(p.Email), Present(p.Phone, p.Mobile), prospectIds[p.Id], p.Calls, 0, 0, false, p.IsRestricted)));

        // Partner contacts: e-mails and numbers in their own indexed tables.
        var contactIds = new Dictionary<int, MatchedOn>();
        if (email is not null)
        {
            Add(contactIds, await db.PartnerContactEmails.Where(e => e.Address == email).Select(e => e.PartnerContactId).Take(PerCategoryLimit).ToListAsync(cancellationToken), MatchedOn.Email);
        }

        if (phone is not null)
        {
            Add(contactIds, await db.PartnerContactPhones.Where(e => e.Number == phone).Select(e => e.PartnerContactId).Take(PerCategoryLimit).ToListAsync(cancellationToken), MatchedOn.Phone);
        }

        if (byName)
        {
            Add(contactIds, await db.PartnerContacts.Where(p => p.LastNameKey == last && string.Compare(p.FirstNameKey, first) >= 0 && string.Compare(p.FirstNameKey, firstUpper) < 0)
                .Select(p => p.Id).Take(PerCategoryLimit).ToListAsync(cancellationToken), MatchedOn.Name);
        }

        ids = contactIds.Keys.ToList();
        var contacts = ids.Count == 0 ? [] : await db.PartnerContacts.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.FirstName, p.LastName, Company = p.Company!.Name, p.IsRestricted,
                Emails = p.Emails.Select(e => e.Address).ToList(),
                Phones = p.Phones.Select(e => e.Number).ToList(),
                Disclosures = db.Disclosures.Count(d => d.PartnerContactId == p.Id),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        found.AddRange(contacts.Select(p => new FoundPerson(new PersonRef(PersonCategory.PartnerContact, p.Id), $"{p.FirstName} {p.LastName}", p.Company,
            p.Emails, p.Phones, contactIds[p.Id], 0, p.Disclosures, 0, false, p.IsRestricted)));

        // Applicants.
        var applicantIds = new Dictionary<int, MatchedOn>();
        if (email is not null)
        {
            Add(applicantIds, await db.Applicants.Where(p => p.Email == email).Select(p => p.Id).Take(PerCategoryLimit).ToListAsync(cancellationToken), MatchedOn.Email);
        }

        if (phone is not null)
        {
            Add(applicantIds, await db.Applicants.Where(p => p.Phone == phone).Select(p => p.Id).Take(PerCategoryLimit).ToListAsync(cancellationToken), MatchedOn.Phone);
        }

        if (byName)
        {
            Add(applicantIds, await db.Applicants.Where(p => p.LastNameKey == last && string.Compare(p.FirstNameKey, first) >= 0 && string.Compare(p.FirstNameKey, firstUpper) < 0)
                .Select(p => p.Id).Take(PerCategoryLimit).ToListAsync(cancellationToken), MatchedOn.Name);
        }

        ids = applicantIds.Keys.ToList();
        var applicants = ids.Count == 0 ? [] : await db.Applicants.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.FirstName, p.LastName, p.Email, p.Phone, p.IsRestricted,
                Applications = p.Applications.Count,
                HasCv = db.ApplicantCvs.Any(c => c.ApplicantId == p.Id),
            })
            .ToListAsync(cancellationToken);
        found.AddRange(applicants.Select(p => new FoundPerson(new PersonRef(PersonCategory.Applicant, p.Id), $"{p.FirstName} {p.LastName}", null,
            Present(p.Email), Present(p.Phone), applicantIds[p.Id], 0, 0, p.Applications, p.HasCv, p.IsRestricted)));

        // Strongest evidence first: e-mail and phone matches before a name alone.
        return found.OrderBy(f => f.Person.Category).ThenByDescending(f => (int)(f.MatchedOn & (MatchedOn.Email | MatchedOn.Phone)) != 0).ThenBy(f => f.Name, StringComparer.CurrentCulture).ToList();
    }

    private static void Add(Dictionary<int, MatchedOn> ids, IEnumerable<int> found, MatchedOn how)
    {
        foreach (var id in found)
        {
            ids[id] = ids.GetValueOrDefault(id) | how;
        }
    }

    /// <summary>The values that are there (a person may have no e-mail or no phone).</summary>
    internal static List<string> Present(params string?[] values) => values.Where(v => v is not null).Select(v => v!).ToList();
}

using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Privacy;

namespace Cisa.Crm.Core.People;

/// <summary>What the search box's text is taken to mean: a phone number, (the start of) an e-mail address, and/or names.</summary>
internal sealed record PersonSearchCriteria(string? Phone, string? EmailPrefix, IReadOnlyList<NameRange> Names)
{
    private const int MaxWords = 4;

    public static PersonSearchCriteria? Parse(string? term)
    {
        var trimmed = term?.Trim() ?? "";
        if (trimmed.Length < PersonSearchService.MinimumLength)
        {
            return null;
        }

        if (ContactNormaliser.NormalisePhone(trimmed) is { } phone)
        {
            return new PersonSearchCriteria(phone, null, []);
        }

        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            return new PersonSearchCriteria(null, trimmed.ToLowerInvariant(), []);
        }

        var key = ContactNormaliser.SearchKey(trimmed);
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        key = string.Join(' ', words);

        // One surname as typed ("van den broe"), one first name ("jan"), and every way to cut the words into a first
        // name and a surname, in either order ("jan peet", "peeters ja", "anne marie de sm"). As in any search box,
        // the words before the last are whole words and only the last one may be unfinished: so the front part is an
        // equality and the index seeks straight to "jan" + "peet…" instead of walking every "jan…" or "peeters…".
        // (A first name of several words is only looked up when typed alone as one word: "anne-marie".)
        var names = new List<NameRange> { new(null, key) };
        if (words.Length == 1)
        {
            names.Add(new NameRange(key, null));
        }

        for (var cut = 1; cut < words.Length && words.Length <= MaxWords; cut++)
        {
            var front = string.Join(' ', words[..cut]);
            var back = string.Join(' ', words[cut..]);
            names.Add(new NameRange(front, back, FirstIsWhole: true));
            names.Add(new NameRange(back, front, LastIsWhole: true));
        }

        // One word with a dot, underscore or digit is also taken as the start of an e-mail address ("lies.verm");
        // names have none of those, so plain names cost no e-mail lookups.
        var mayBeEmail = words.Length == 1 && trimmed.Any(c => c is '.' or '_' || char.IsAsciiDigit(c));
        return new PersonSearchCriteria(null, mayBeEmail ? trimmed.ToLowerInvariant() : null, names);
    }
}

/// <summary>A first name and/or a surname on the accent-free keys: each a prefix, or the whole key when the user typed it whole.</summary>
internal sealed record NameRange(string? FirstName, string? LastName, bool FirstIsWhole = false, bool LastIsWhole = false);

/// <summary>One row of the search's single query, whatever table it came from.</summary>
internal sealed class PersonSearchRow
{
    public int Category { get; init; }
    public int Id { get; init; }
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string? Company { get; init; }
    public bool IsRestricted { get; init; }
}

/// <summary>
/// Builds the search as one UNION ALL of small index walks, each with its own LIMIT: a name prefix walks the
/// (LastNameKey, ...) or FirstNameKey index from the prefix on and stops after <c>limit</c> rows; e-mail and phone
/// are equalities or prefixes on their own indexes. So a broad prefix ("van") costs the same as a narrow one.
/// Prefixes are ranges (<c>key &gt;= p AND key &lt; p + U+FFFF</c>), which SQLite reads straight off an index.
/// </summary>
internal static class PersonSearchQuery
{
    private const string Highest = "\uffff";

    public static IQueryable<PersonSearchRow> Build(CrmDbContext db, PersonSearchCriteria criteria, IReadOnlyCollection<PersonCategory> categories, int limit)
    {
        var parts = new List<IQueryable<PersonSearchRow>>();
        if (categories.Contains(PersonCategory.Prospect))
        {
            parts.AddRange(Prospects(db, criteria, limit));
        }

        if (categories.Contains(PersonCategory.PartnerContact))
        {
            parts.AddRange(PartnerContacts(db, criteria, limit));
        }

        if (categories.Contains(PersonCategory.Applicant))
        {
            parts.AddRange(Applicants(db, criteria, limit));
        }

        return parts.Aggregate((all, part) => all.Concat(part));
    }

    private static IEnumerable<IQueryable<PersonSearchRow>> Prospects(CrmDbContext db, PersonSearchCriteria criteria, int limit)
    {
        var prospects = db.Prospects.AsQueryable();
        var matches = new List<IQueryable<Prospects.Prospect>>();
        if (criteria.Phone is { } phone)
        {
            matches.Add(prospects.Where(p => p.Phone == phone || p.Mobile == phone));
        }
        else if (criteria.EmailPrefix is { } email)
        {
            var upper = email + Highest;
            matches.Add(prospects.Where(p => string.Compare(p.Email, email) >= 0 && string.Compare(p.Email, upper) < 0).OrderBy(p => p.Email));
        }

        matches.AddRange(criteria.Names.Select(name => ByName(prospects, name)));

        return matches.Select(m => m.Take(limit).Select(p => new PersonSearchRow
        {
            Category = (int)PersonCategory.Prospect, Id = p.Id, FirstName = p.FirstName, LastName = p.LastName,
            Company = db.Companies.Where(c => c.Id == p.CompanyId).Select(c => c.Name).FirstOrDefault(), IsRestricted = p.IsRestricted,
        }));
    }

    private static IEnumerable<IQueryable<PersonSearchRow>> PartnerContacts(CrmDbContext db, PersonSearchCriteria criteria, int limit)
    {
        var contacts = db.PartnerContacts.AsQueryable();
        var matches = new List<IQueryable<Partners.PartnerContact>>();
        if (criteria.Phone is { } phone)
        {
            var ids = db.PartnerContactPhones.Where(n => n.Number == phone).Select(n => n.PartnerContactId);
            matches.Add(contacts.Where(c => ids.Contains(c.Id)));
        }
        else if (criteria.EmailPrefix is { } email)
        {
            var upper = email + Highest;
            var ids = db.PartnerContactEmails.Where(e => string.Compare(e.Address, email) >= 0 && string.Compare(e.Address, upper) < 0)
                .OrderBy(e => e.Address).Select(e => e.PartnerContactId).Take(limit);
            matches.Add(contacts.Where(c => ids.Contains(c.Id)));
        }

        matches.AddRange(criteria.Names.Select(name => ByName(contacts, name)));

        return matches.Select(m => m.Take(limit).Select(p => new PersonSearchRow
        {
            Category = (int)PersonCategory.PartnerContact, Id = p.Id, FirstName = p.FirstName, LastName = p.LastName,
            Company = db.Companies.Where(c => c.Id == p.CompanyId).Select(c => c.Name).FirstOrDefault(), IsRestricted = p.IsRestricted,
        }));
    }

    private static IEnumerable<IQueryable<PersonSearchRow>> Applicants(CrmDbContext db, PersonSearchCriteria criteria, int limit)
    {
        var applicants = db.Applicants.AsQueryable();
        var matches = new List<IQueryable<Applicants.Applicant>>();
        if (criteria.Phone is { } phone)
        {
            matches.Add(applicants.Where(a => a.Phone == phone));
        }
        else if (criteria.EmailPrefix is { } email)
        {
            var upper = email + Highest;
            matches.Add(applicants.Where(a => string.Compare(a.Email, email) >= 0 && string.Compare(a.Email, upper) < 0).OrderBy(a => a.Email));
        }

        matches.AddRange(criteria.Names.Select(name => ByName(applicants, name)));

        return matches.Select(m => m.Take(limit).Select(a => new PersonSearchRow
        {
            Category = (int)PersonCategory.Applicant, Id = a.Id, FirstName = a.FirstName, LastName = a.LastName,
            Company = null, IsRestricted = a.IsRestricted,
        }));
    }

    /// <summary>
    /// A surname range is walked in surname order (the name index), a first name alone in first-name order; the
    /// limit then stops the walk early however many people share the prefix. With both names, one is whole (an
    /// equality) and the other a prefix, so the (surname, first name) or (first name, surname) index seeks to them.
    /// </summary>
    private static IQueryable<T> ByName<T>(IQueryable<T> people, NameRange name) where T : Person
    {
        if (name is { FirstName: { } first, LastName: { } last })
        {
            if (name.FirstIsWhole)
            {
                var lastUpper = last + Highest;
                return people.Where(p => p.FirstNameKey == first && string.Compare(p.LastNameKey, last) >= 0 && string.Compare(p.LastNameKey, lastUpper) < 0)
                    .OrderBy(p => p.FirstNameKey).ThenBy(p => p.LastNameKey);
            }

            var firstUpper = first + Highest;
            return people.Where(p => p.LastNameKey == last && string.Compare(p.FirstNameKey, first) >= 0 && string.Compare(p.FirstNameKey, firstUpper) < 0)
                .OrderBy(p => p.LastNameKey).ThenBy(p => p.FirstNameKey);
        }

        if (name.LastName is { } surname)
        {
            var surnameUpper = surname + Highest;
            return people.Where(p => string.Compare(p.LastNameKey, surname) >= 0 && string.Compare(p.LastNameKey, surnameUpper) < 0).OrderBy(p => p.LastNameKey);
        }

        var only = name.FirstName!;
        var onlyUpper = only + Highest;
        return people.Where(p => string.Compare(p.FirstNameKey, only) >= 0 && string.Compare(p.FirstNameKey, onlyUpper) < 0).OrderBy(p => p.FirstNameKey);
    }
}

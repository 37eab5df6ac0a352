using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Benchmarks.Workloads;

public enum PersonCategory
{
    Prospect,
    PartnerContact,
    Applicant,
}

public sealed record PersonHit(PersonCategory Category, int Id, string FirstName, string LastName);

/// <summary>
/// STAND-IN for the core's cross-category subject-request search, which is not built yet: finds people
/// in every category through the indexed, normalised columns the README's design names (name keys by
/// prefix range, e-mail and E.164 phone by equality), one EF Core query per table. When the core's
/// search lands, <see cref="PersonSearchWorkload.SearchTheAppWayAsync"/> switches to it and this class goes.
/// </summary>
public sealed class IndexedPersonSearch(IDbContextFactory<CrmDbContext> dbFactory)
{
    public async Task<List<PersonHit>> FindAsync(string term, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hits = new List<PersonHit>();
        if (ContactNormaliser.NormalisePhone(term) is { } phone)
        {
            hits.AddRange(await db.Prospects.AsNoTracking().Where(p => p.Phone == phone || p.Mobile == phone)
                .Select(p => new PersonHit(PersonCategory.Prospect, p.Id, p.FirstName, p.LastName)).ToListAsync(cancellationToken));
            var contactIds = db.PartnerContactPhones.Where(n => n.Number == phone).Select(n => n.PartnerContactId);
            hits.AddRange(await db.PartnerContacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
                .Select(c => new PersonHit(PersonCategory.PartnerContact, c.Id, c.FirstName, c.LastName)).ToListAsync(cancellationToken));
            hits.AddRange(await db.Applicants.AsNoTracking().Where(a => a.Phone == phone)
                .Select(a => new PersonHit(PersonCategory.Applicant, a.Id, a.FirstName, a.LastName)).ToListAsync(cancellationToken));
            return hits;
        }

        if (term.Contains('@', StringComparison.Ordinal))
        {
            var email = ContactNormaliser.NormaliseEmail(term) ?? term.Trim().ToLowerInvariant();
            hits.AddRange(await db.Prospects.AsNoTracking().Where(p => p.Email == email)
                .Select(p => new PersonHit(PersonCategory.Prospect, p.Id, p.FirstName, p.LastName)).ToListAsync(cancellationToken));
            var contactIds = db.PartnerContactEmails.Where(e => e.Address == email).Select(e => e.PartnerContactId);
            hits.AddRange(await db.PartnerContacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
                .Select(c => new PersonHit(PersonCategory.PartnerContact, c.Id, c.FirstName, c.LastName)).ToListAsync(cancellationToken));
            hits.AddRange(await db.Applicants.AsNoTracking().Where(a => a.Email == email)
                .Select(a => new PersonHit(PersonCategory.Applicant, a.Id, a.FirstName, a.LastName)).ToListAsync(cancellationToken));
            return hits;
        }

        // "jan peeters": first-name prefix and last-name prefix, either way round; one word: either name by prefix.
        var key = ContactNormaliser.SearchKey(term);
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        var (a, b) = space < 0 ? (key, "") : (key[..space], key[(space + 1)..]);
        hits.AddRange(await ByName(db.Prospects.AsNoTracking(), a, b)
            .Select(p => new PersonHit(PersonCategory.Prospect, p.Id, p.FirstName, p.LastName)).ToListAsync(cancellationToken));
        hits.AddRange(await ByName(db.PartnerContacts.AsNoTracking(), a, b)
            .Select(p => new PersonHit(PersonCategory.PartnerContact, p.Id, p.FirstName, p.LastName)).ToListAsync(cancellationToken));
        hits.AddRange(await ByName(db.Applicants.AsNoTracking(), a, b)
            .Select(p => new PersonHit(PersonCategory.Applicant, p.Id, p.FirstName, p.LastName)).ToListAsync(cancellationToken));
        return hits;
    }

    /// <summary>
    /// Prefix ranges on the name keys (<c>key &gt;= a AND key &lt; a + U+FFFF</c>), chosen here and not inside the
    /// query, so SQLite sees plain index ranges joined by OR and answers from the name indexes. Several words are
    /// a first name and a last name either way round, or one surname of several words ("van den broe").
    /// </summary>
    private static IQueryable<T> ByName<T>(IQueryable<T> people, string a, string b)
        where T : Person
    {
        if (b.Length == 0)
        {
            var aEnd = a + "\uffff";
            return people.Where(p => (string.Compare(p.LastNameKey, a) >= 0 && string.Compare(p.LastNameKey, aEnd) < 0)
                || (string.Compare(p.FirstNameKey, a) >= 0 && string.Compare(p.FirstNameKey, aEnd) < 0));
        }

        var (whole, wholeEnd, firstEnd, lastEnd) = ($"{a} {b}", $"{a} {b}\uffff", a + "\uffff", b + "\uffff");
        if (b.Contains(' ', StringComparison.Ordinal))
        {
            // "van den bos" or "jan van den bos": a first name has one word, so the last-name-first reading is left out
            // (its "van…" range would cover a quarter of all people).
            return people.Where(p => (string.Compare(p.LastNameKey, whole) >= 0 && string.Compare(p.LastNameKey, wholeEnd) < 0)
                || (string.Compare(p.LastNameKey, b) >= 0 && string.Compare(p.LastNameKey, lastEnd) < 0
                    && string.Compare(p.FirstNameKey, a) >= 0 && string.Compare(p.FirstNameKey, firstEnd) < 0));
        }

        // "peeters jan" the other way round: "LastNameKey || ''" keeps SQLite off the last-name index for that branch, so it
        // walks the narrow first-name range instead of every "van…" when the surname is a common word.
        return people.Where(p => (string.Compare(p.LastNameKey, whole) >= 0 && string.Compare(p.LastNameKey, wholeEnd) < 0)
            || (string.Compare(p.LastNameKey, b) >= 0 && string.Compare(p.LastNameKey, lastEnd) < 0
                && string.Compare(p.FirstNameKey, a) >= 0 && string.Compare(p.FirstNameKey, firstEnd) < 0)
            || (string.Compare(p.LastNameKey + "", a) >= 0 && string.Compare(p.LastNameKey + "", firstEnd) < 0
                && string.Compare(p.FirstNameKey, b) >= 0 && string.Compare(p.FirstNameKey, lastEnd) < 0));
    }
}

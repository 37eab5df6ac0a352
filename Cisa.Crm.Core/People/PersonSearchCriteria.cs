using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Privacy.Requests;

namespace Cisa.Crm.Core.People;

/// <summary>
/// What is searched for: a phone number, (the start of) an e-mail address, and/or names. From the search box's text
/// (<see cref="Parse"/>) or from a subject request's details (<see cref="ForRequest"/>, where the e-mail is whole).
/// </summary>
internal sealed record PersonSearchCriteria(string? Phone, string? EmailPrefix, IReadOnlyList<NameRange> Names, bool EmailIsWhole = false)
{
    private const int MaxWords = 4;

    /// <summary>Fewer digits than any number the phone parser accepts (a Belgian one has 9).</summary>
    private const int MinPhoneDigits = 6;

    public static PersonSearchCriteria? Parse(string? term)
    {
        var trimmed = term?.Trim() ?? "";
        if (trimmed.Length < PersonSearchService.MinimumLength)
        {
            return null;
        }

        // Only text with digits enough for a phone number goes to the phone parser: for a name it fails by throwing,
        // which cost more than the search itself.
        if (trimmed.Count(char.IsAsciiDigit) >= MinPhoneDigits && ContactNormaliser.NormalisePhone(trimmed) is { } phone)
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

    /// <summary>
    /// DSR-FIND: the normalised e-mail address and phone number as equalities, and the whole surname with the start of
    /// the first name (the requester may have given "Jan" for "Jan-Willem"); null when there is nothing to search with.
    /// </summary>
    public static PersonSearchCriteria? ForRequest(FindQuery query)
    {
        var email = ContactNormaliser.NormaliseEmail(query.Email);
        var phone = ContactNormaliser.NormalisePhone(query.Phone);
        var last = ContactNormaliser.SearchKey(query.LastName);
        var first = ContactNormaliser.SearchKey(query.FirstName);
        if (email is null && phone is null && last.Length == 0)
        {
            return null;
        }

        NameRange[] names = last.Length == 0 ? [] : [new NameRange(first.Length == 0 ? null : first, last, LastIsWhole: true)];
        return new PersonSearchCriteria(phone, email, names, EmailIsWhole: true);
    }
}

/// <summary>A first name and/or a surname on the accent-free keys: each a prefix, or the whole key when the user typed it whole.</summary>
internal sealed record NameRange(string? FirstName, string? LastName, bool FirstIsWhole = false, bool LastIsWhole = false);

using System.Text;
using Cisa.Crm.Core.Privacy;

namespace Cisa.Crm.Core.People;

/// <summary>One statement of the search: its SQL, the same for every search of the same shape, and this search's values.</summary>
internal sealed record PersonSearchStatement(string Sql, IReadOnlyList<KeyValuePair<string, object>> Parameters);

/// <summary>
/// Writes the search as one UNION ALL of small index walks, each with its own LIMIT and reading keys only: a name prefix walks the
/// (LastNameKey, FirstNameKey) or (FirstNameKey, LastNameKey) index from the prefix on and stops after <c>limit</c>
/// rows; a whole name plus a prefix seeks straight to them; e-mail and phone are equalities or prefixes on their own
/// indexes. So a broad prefix ("van") costs the same as a narrow one. Prefixes are ranges (<c>key &gt;= p AND
/// key &lt; p + U+FFFF</c>), which SQLite reads straight off an index. The text depends only on the search's shape
/// (which categories, how many words, phone or e-mail), never on its values, so it can be prepared once.
/// </summary>
internal static class PersonSearchSql
{
    private const string Highest = "\uffff";

    public static PersonSearchStatement Build(PersonSearchCriteria criteria, IReadOnlyCollection<PersonCategory> categories, int limit)
    {
        var parameters = new List<KeyValuePair<string, object>> { new("$limit", limit) };
        var conditions = new List<(string Kind, string Where, string Order)>();
        if (criteria.Phone is { } phone)
        {
            parameters.Add(new("$phone", phone));
            conditions.Add(("phone", "", ""));
        }

        if (criteria.EmailPrefix is { } email)
        {
            parameters.Add(new("$email", email));
            parameters.Add(new("$emailEnd", email + Highest));
            conditions.Add(("email", "", ""));
        }

        for (var i = 0; i < criteria.Names.Count; i++)
        {
            conditions.Add(("name", NameWhere(criteria.Names[i], i, parameters), NameOrder(criteria.Names[i])));
        }

        var parts = new List<string>();
        foreach (var category in categories)
        {
            foreach (var (kind, where, order) in conditions)
            {
                parts.Add(Part(category, kind, where, order));
            }
        }

        return new PersonSearchStatement(string.Join("\nUNION ALL\n", parts), parameters);
    }

    private static string NameWhere(NameRange name, int index, List<KeyValuePair<string, object>> parameters)
    {
        string Value(string label, object value)
        {
            var parameter = $"${label}{index}";
            parameters.Add(new(parameter, value));
            return parameter;
        }

        var where = new StringBuilder();
        if (name.FirstName is { } first)
        {
            where.Append(name.FirstIsWhole
                ? $"t.FirstNameKey = {Value("first", first)}"
                : $"t.FirstNameKey >= {Value("first", first)} AND t.FirstNameKey < {Value("firstEnd", first + Highest)}");
        }

        if (name.LastName is { } last)
        {
            where.Append(where.Length == 0 ? "" : " AND ");
            where.Append(name.LastIsWhole
                ? $"t.LastNameKey = {Value("last", last)}"
                : $"t.LastNameKey >= {Value("last", last)} AND t.LastNameKey < {Value("lastEnd", last + Highest)}");
        }

        return where.ToString();
    }

    /// <summary>The order of the index the walk reads, so the LIMIT stops it early instead of sorting every match.</summary>
    private static string NameOrder(NameRange name) =>
        name.FirstName is not null && (name.LastName is null || name.FirstIsWhole) ? "t.FirstNameKey, t.LastNameKey" : "t.LastNameKey, t.FirstNameKey";

    private static string Part(PersonCategory category, string kind, string where, string order)
    {
        var (table, _) = Table(category);
        (where, order) = (kind, category) switch
        {
            ("phone", PersonCategory.Prospect) => ("t.Phone = $phone OR t.Mobile = $phone", "t.Id"),
            ("phone", PersonCategory.PartnerContact) => ("t.Id IN (SELECT n.PartnerContactId FROM PartnerContactPhones n WHERE n.Number = $phone)", "t.Id"),
            ("phone", _) => ("t.Phone = $phone", "t.Id"),
            ("email", PersonCategory.PartnerContact) => ("t.Id IN (SELECT e.PartnerContactId FROM PartnerContactEmails e WHERE e.Address >= $email AND e.Address < $emailEnd ORDER BY e.Address LIMIT $limit)", "t.Id"),
            ("email", _) => ("t.Email >= $email AND t.Email < $emailEnd", "t.Email"),
            _ => (where, order),
        };
        return $"SELECT * FROM (SELECT {(int)category} AS Category, t.Id, t.LastNameKey, t.FirstNameKey FROM {table} t WHERE {where} ORDER BY {order} LIMIT $limit)";
    }

    /// <summary>
    /// The second statement: what is shown of the people the first one found and the merge kept (at most one more than
    /// a screenful), by id. The first reads only keys, which the name indexes hold, so it never visits the tables.
    /// </summary>
    public static PersonSearchStatement Details(IReadOnlyCollection<PersonCategory> categories, IEnumerable<PersonRef> people)
    {
        var found = people.ToLookup(p => p.Category, p => p.Id);
        var parameters = new List<KeyValuePair<string, object>>();
        var parts = new List<string>();
        foreach (var category in categories)
        {
            var (table, company) = Table(category);
            var name = $"$ids{(int)category}";
            parameters.Add(new(name, $"[{string.Join(',', found[category])}]"));
            parts.Add($"SELECT {(int)category} AS Category, t.Id, t.FirstName, t.LastName, {company} AS Company, t.IsRestricted FROM {table} t WHERE t.Id IN (SELECT value FROM json_each({name}))");
        }

        return new PersonSearchStatement(string.Join("\nUNION ALL\n", parts), parameters);
    }

    private static (string Table, string Company) Table(PersonCategory category) => category switch
    {
        PersonCategory.Prospect => ("Prospects", "(SELECT c.Name FROM Companies c WHERE c.Id = t.CompanyId)"),
        PersonCategory.PartnerContact => ("PartnerContacts", "(SELECT c.Name FROM Companies c WHERE c.Id = t.CompanyId)"),
        _ => ("Applicants", "NULL"),
    };
}

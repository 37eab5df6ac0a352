using System.Text;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Requests;

namespace Cisa.Crm.Core.Data.Sqlite;

/// <summary>One statement of the search: its SQL, the same for every search of the same shape, and this search's values.</summary>
internal sealed record PersonSearchStatement(string Sql, IReadOnlyList<KeyValuePair<string, object>> Parameters);

/// <summary>
/// Writes the search as one UNION ALL of small index walks, each with its own LIMIT and reading keys only: a name prefix walks the
/// (LastNameKey, FirstNameKey) or (FirstNameKey, LastNameKey) index from the prefix on and stops after <c>limit</c>
/// rows; a whole name plus a prefix seeks straight to them; e-mail and phone are equalities or prefixes on their own
/// indexes. So a broad prefix ("van") costs the same as a narrow one. Prefixes are ranges (<c>key &gt;= p AND
/// key &lt; p + U+FFFF</c>), which SQLite reads straight off an index. The text depends only on the search's shape
/// (which categories, how many words, phone or e-mail), never on its values, so it can be prepared once. Each
/// category gives its table and how its phone numbers and e-mail addresses are kept (<see cref="IPersonCategory.Search"/>);
/// every row says which criterion found it (<see cref="MatchedOn"/>).
/// </summary>
/// <remarks>
/// A pure function of the categories it is given, which tests call without a container, so it reads the categories'
/// SQL from <see cref="PersonRegistry.Default"/> (the instance the container hands out).
/// </remarks>
internal static class PersonSearchSql
{
    private const string Highest = "\uffff";

    public static PersonSearchStatement Build(PersonSearchCriteria criteria, IReadOnlyCollection<PersonCategory> categories, int limit)
    {
        var parameters = new List<KeyValuePair<string, object>> { new("$limit", limit) };
        var conditions = new List<(MatchedOn Kind, string Where, string Order)>();
        if (criteria.Phone is { } phone)
        {
            parameters.Add(new("$phone", phone));
            conditions.Add((MatchedOn.Phone, "", ""));
        }

        if (criteria.EmailPrefix is { } email)
        {
            parameters.Add(new("$email", email));
            if (!criteria.EmailIsWhole)
            {
                parameters.Add(new("$emailEnd", email + Highest));
            }

            conditions.Add((MatchedOn.Email, criteria.EmailIsWhole ? "{column} = $email" : "{column} >= $email AND {column} < $emailEnd", ""));
        }

        for (var i = 0; i < criteria.Names.Count; i++)
        {
            conditions.Add((MatchedOn.Name, NameWhere(criteria.Names[i], i, parameters), NameOrder(criteria.Names[i])));
        }

        var parts = new List<string>();
        foreach (var category in categories)
        {
            foreach (var (kind, where, order) in conditions)
            {
                parts.Add(Part(PersonRegistry.Default[category], kind, where, order));
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

    private static string Part(IPersonCategory category, MatchedOn kind, string where, string order)
    {
        var search = category.Search;
        (where, order) = kind switch
        {
            MatchedOn.Phone => (search.PhoneWhere, "t.Id"),
            MatchedOn.Email => search.EmailWhere(where),
            _ => (where, order),
        };
        return $"SELECT * FROM (SELECT {(int)category.Category} AS Category, t.Id, t.LastNameKey, t.FirstNameKey, {(int)kind} AS Matched FROM {search.Table} t WHERE {where} ORDER BY {order} LIMIT $limit)";
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
            var search = PersonRegistry.Default[category].Search;
            var name = $"$ids{(int)category}";
            parameters.Add(new(name, $"[{string.Join(',', found[category])}]"));
            parts.Add($"SELECT {(int)category} AS Category, t.Id, t.FirstName, t.LastName, {search.Company} AS Company, t.IsRestricted FROM {search.Table} t WHERE t.Id IN (SELECT value FROM json_each({name}))");
        }

        return new PersonSearchStatement(string.Join("\nUNION ALL\n", parts), parameters);
    }
}

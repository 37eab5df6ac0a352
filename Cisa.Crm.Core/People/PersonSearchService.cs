using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Data.Sqlite;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Security;

namespace Cisa.Crm.Core.People;

/// <summary>One person the search box found: enough to show and open it, nothing more.</summary>
public sealed record PersonHit(PersonRef Person, string FirstName, string LastName, string? Company, bool IsRestricted)
{
    public string Name => $"{FirstName} {LastName}";
}

/// <summary>The first <see cref="PersonSearchService.Limit"/> hits, and whether there were more (then the user types more).</summary>
public sealed record PersonSearchResult(IReadOnlyList<PersonHit> Hits, bool HasMore)
{
    public static PersonSearchResult Empty { get; } = new([], false);
}

/// <summary>
/// The one search for people across the categories. The search box in the app bar: finds a person in every category
/// the user may see (prospects for sales, partner contacts for sales, applicants for HR; all three for the privacy
/// officer) by name, e-mail or phone. And DSR-FIND (<see cref="FindAsync"/>): the records that may be a subject
/// request's requester, by the e-mail, phone and name the request gives.
/// It answers from the normalised, indexed keys in two prepared statements, the matches' keys and then what is shown of
/// the first ones (see <see cref="PersonSearchSql"/> and
/// <see cref="PreparedSearchConnections"/>), so it stays instant at hundreds of thousands of people where a
/// <c>LIKE '%term%'</c> scan takes tens of milliseconds.
/// </summary>
public sealed class PersonSearchService(PreparedSearchConnections connections, ICurrentActor currentActor, PersonRegistry registry)
{
    public const int Limit = 20;

    /// <summary>DSR-FIND's most records per category and criterion: a requester is a handful of records, not a list.</summary>
    public const int FindLimit = 50;
    public const int MinimumLength = 2;

    public async Task<PersonSearchResult> SearchAsync(string? term, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var categories = VisibleCategories(actor);
        if (categories.Count == 0)
        {
            // Deny by default: the same refusal as any other service for a user without read rights.
            actor.Demand(Permission.ProspectsRead);
        }

        var criteria = PersonSearchCriteria.Parse(term);
        if (criteria is null)
        {
            return PersonSearchResult.Empty;
        }

        // First the keys of the matches, straight off the name indexes; merged across the categories in name order;
        // then what is shown, for the people that made the cut only.
        var found = await connections.QueryAsync(PersonSearchSql.Build(criteria, categories, Limit + 1), reader =>
            (Person: new PersonRef((PersonCategory)reader.GetInt32(0), reader.GetInt32(1)), LastNameKey: reader.GetString(2), FirstNameKey: reader.GetString(3)),
            cancellationToken);
        var first = found.DistinctBy(f => f.Person)
            .OrderBy(f => f.LastNameKey, StringComparer.Ordinal)
            .ThenBy(f => f.FirstNameKey, StringComparer.Ordinal)
            .ThenBy(f => f.Person.Category)
            .Take(Limit + 1)
            .Select(f => f.Person)
            .ToList();
        if (first.Count == 0)
        {
            return PersonSearchResult.Empty;
        }

        var shown = (await connections.QueryAsync(PersonSearchSql.Details(categories, first), reader => new PersonHit(
            new PersonRef((PersonCategory)reader.GetInt32(0), reader.GetInt32(1)), reader.GetString(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetBoolean(5)), cancellationToken)).ToDictionary(h => h.Person);
        // Someone erased between the two reads is left out.
        var hits = first.Where(shown.ContainsKey).Select(p => shown[p]).ToList();
        return new PersonSearchResult(hits.Take(Limit).ToList(), hits.Count > Limit);
    }

    /// <summary>Whether the search box is offered at all: only to a user who may see at least one category.</summary>
    public bool IsAvailableTo(CrmActor actor) => VisibleCategories(actor).Count > 0;

    /// <summary>
    /// DSR-FIND: every category by normalised e-mail, phone and name, through the same prepared statements (each
    /// criterion an equality or prefix on an indexed, normalised column, never a LIKE scan, at most
    /// <see cref="FindLimit"/> per category and criterion); then what the privacy officer sees of each match, with the
    /// records pointing at it, read by id through <paramref name="db"/>. The caller checks the permission.
    /// </summary>
    internal async Task<IReadOnlyList<FoundPerson>> FindAsync(CrmDbContext db, FindQuery query, CancellationToken cancellationToken)
    {
        var criteria = PersonSearchCriteria.ForRequest(query);
        if (criteria is null)
        {
            return [];
        }

        var categories = registry.All;
        var matches = await connections.QueryAsync(PersonSearchSql.Build(criteria, categories.Select(c => c.Category).ToList(), FindLimit), reader =>
            (Person: new PersonRef((PersonCategory)reader.GetInt32(0), reader.GetInt32(1)), MatchedOn: (MatchedOn)reader.GetInt32(4)), cancellationToken);
        var found = new List<FoundPerson>();
        foreach (var category in categories)
        {
            var ids = matches.Where(m => m.Person.Category == category.Category).GroupBy(m => m.Person.Id)
                .ToDictionary(g => g.Key, g => g.Aggregate(MatchedOn.None, (how, m) => how | m.MatchedOn));
            if (ids.Count > 0)
            {
                found.AddRange(await category.FoundAsync(db, ids, cancellationToken));
            }
        }

        // Strongest evidence first: e-mail and phone matches before a name alone.
        return found.OrderBy(f => f.Person.Category).ThenByDescending(f => (int)(f.MatchedOn & (MatchedOn.Email | MatchedOn.Phone)) != 0).ThenBy(f => f.Name, StringComparer.CurrentCulture).ToList();
    }

    private List<PersonCategory> VisibleCategories(CrmActor actor) =>
        registry.All.Where(c => actor.Has(c.ReadPermission)).Select(c => c.Category).ToList();
}

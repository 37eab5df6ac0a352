using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.People;

namespace Cisa.Crm.Core.Privacy;

/// <summary>How a person record is shown in privacy lists: the name, and the company or procedure that places it.</summary>
public sealed record PersonLabel(PersonRef Person, string Name, string? Context, bool IsRestricted);

/// <summary>Looks up the names of person records of any category in one query per category (for the privacy officer's lists).</summary>
/// <remarks>An extension of the injected <see cref="PersonRegistry"/>, so the caller's registry decides the categories.</remarks>
internal static class PersonDirectory
{
    public static async Task<Dictionary<PersonRef, PersonLabel>> LabelsAsync(this PersonRegistry registry, CrmDbContext db, IEnumerable<PersonRef> people, CancellationToken cancellationToken)
    {
        var byCategory = people.Distinct().ToLookup(p => p.Category, p => p.Id);
        var labels = new List<PersonLabel>();
        foreach (var category in registry.All.Where(c => byCategory.Contains(c.Category)))
        {
            labels.AddRange(await category.LabelsAsync(db, byCategory[category.Category].ToList(), cancellationToken));
        }

        return labels.ToDictionary(l => l.Person);
    }
}

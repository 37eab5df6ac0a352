using Cisa.Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Privacy;

/// <summary>How a person record is shown in privacy lists: the name, and the company or procedure that places it.</summary>
public sealed record PersonLabel(PersonRef Person, string Name, string? Context, bool IsRestricted);

/// <summary>Looks up the names of person records of any category in one query per category (for the privacy officer's lists).</summary>
internal static class PersonDirectory
{
    public static async Task<Dictionary<PersonRef, PersonLabel>> LabelsAsync(CrmDbContext db, IEnumerable<PersonRef> people, CancellationToken cancellationToken)
    {
        var byCategory = people.Distinct().GroupBy(p => p.Category).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList());
        var labels = new List<PersonLabel>();
        if (byCategory.TryGetValue(PersonCategory.Prospect, out var prospects))
        {
            labels.AddRange(await db.Prospects.AsNoTracking().Where(p => prospects.Contains(p.Id))
                .Select(p => new PersonLabel(new PersonRef(PersonCategory.Prospect, p.Id), p.FirstName + " " + p.LastName, p.Company!.Name, p.IsRestricted))
                .ToListAsync(cancellationToken));
        }

        if (byCategory.TryGetValue(PersonCategory.PartnerContact, out var contacts))
        {
            labels.AddRange(await db.PartnerContacts.AsNoTracking().Where(p => contacts.Contains(p.Id))
                .Select(p => new PersonLabel(new PersonRef(PersonCategory.PartnerContact, p.Id), p.FirstName + " " + p.LastName, p.Company!.Name, p.IsRestricted))
                .ToListAsync(cancellationToken));
        }

        if (byCategory.TryGetValue(PersonCategory.Applicant, out var applicants))
        {
            labels.AddRange(await db.Applicants.AsNoTracking().Where(p => applicants.Contains(p.Id))
                .Select(p => new PersonLabel(new PersonRef(PersonCategory.Applicant, p.Id), p.FirstName + " " + p.LastName, null, p.IsRestricted))
                .ToListAsync(cancellationToken));
        }

        return labels.ToDictionary(l => l.Person);
    }
}

using Cisa.Crm.Core.Privacy;

namespace Cisa.Crm.Web.Components.Pages.Privacy;

/// <summary>Where a person record of any category is opened, for the privacy officer's lists.</summary>
public static class PersonPages
{
    public static string Href(PersonRef person) => person.Category switch
    {
        PersonCategory.Prospect => $"/prospects/{person.Id}",
        PersonCategory.PartnerContact => $"/contacts/{person.Id}",
        PersonCategory.Applicant => $"/hr/applicants/{person.Id}",
        _ => throw new ArgumentOutOfRangeException(nameof(person)),
    };
}

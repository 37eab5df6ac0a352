namespace Cisa.Crm.Core.Privacy;

/// <summary>The kinds of data subject the CRM holds (CAT-PROSPECT, CAT-PARTNER, CAT-APPLICANT); each is a table of its own.</summary>
public enum PersonCategory
{
    Prospect,
    PartnerContact,
    Applicant,
}

/// <summary>One person record: its category and its id in that category's table.</summary>
public readonly record struct PersonRef(PersonCategory Category, int Id)
{
    public override string ToString() => $"{Category}/{Id}";
}

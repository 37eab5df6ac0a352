namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>What the privacy officer searches with; filled from the request's details by default.</summary>
public sealed record FindQuery(string? Email, string? Phone, string? FirstName, string? LastName);

[Flags]
public enum MatchedOn
{
    None = 0,
    Email = 1,
    Phone = 2,
    Name = 4,
}

/// <summary>One record that may be the requester, with the records that point at it (DSR-FIND, <see cref="People.PersonSearchService"/>).</summary>
public sealed record FoundPerson(
    PersonRef Person,
    string Name,
    string? Context,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    MatchedOn MatchedOn,
    int Calls,
    int Disclosures,
    int Applications,
    bool HasCv,
    bool IsRestricted);

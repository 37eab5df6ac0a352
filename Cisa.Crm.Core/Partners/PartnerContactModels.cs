using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;

namespace Cisa.Crm.Core.Partners;

public sealed record PhoneInput(PhoneKind Kind, string? Number);

public sealed record AddressInput(string? Street, string? PostalCode, string? City, string? CountryCode = "BE");

/// <summary>What a user fills in for a partner contact. List fields are validated per item (<c>Emails[1]</c>).</summary>
public sealed record PartnerContactInput
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? JobFunction { get; init; }
    public int? CompanyId { get; init; }
    public PreferredLanguage PreferredLanguage { get; init; } = PreferredLanguage.Dutch;
    public PartnerLawfulBasis? LawfulBasis { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<string?> Emails { get; init; } = [];
    public IReadOnlyList<PhoneInput> Phones { get; init; } = [];
    public IReadOnlyList<AddressInput> Addresses { get; init; } = [];
}

public sealed record PartnerContactRow(int Id, string FirstName, string LastName, string? JobFunction, int CompanyId, string CompanyName,
    CompanyType CompanyType, string? Email, string? Phone, bool IsRestricted);

public sealed record DisclosureRow(long Id, int SubcontractorId, string SubcontractorName, IReadOnlyList<DisclosedField> Fields, string Assignment,
    string? Justification, DateOnly DisclosedOn, string RecordedByName);

public sealed record HistoryRow(DateTime OccurredAtUtc, string ActorName, string Action, string? Details);

public sealed record PartnerContactDetails(
    int Id,
    PartnerContactInput Input,
    string CompanyName,
    CompanyType CompanyType,
    DateOnly? RelationshipEndedOn,
    DateOnly? RetentionUntil,
    bool IsRestricted,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc,
    Guid Version,
    IReadOnlyList<DisclosureRow> Disclosures,
    IReadOnlyList<HistoryRow> History);

public enum PartnerContactSort
{
    Name,
    Company,
    Updated,
}

public sealed record PartnerContactQuery(string? Search = null, int? CompanyId = null, bool IncludeRestricted = false,
    PartnerContactSort Sort = PartnerContactSort.Name, bool Descending = false);

/// <summary>A recipient of a person's data (DSR-ACCESS lists them; DSR-NOTIFY tells them of changes).</summary>
public sealed record RecipientRow(int CompanyId, string CompanyName, DateOnly DisclosedOn, IReadOnlyList<DisclosedField> Fields, string Assignment);

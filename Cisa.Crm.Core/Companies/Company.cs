using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data.Bookkeeping;

namespace Cisa.Crm.Core.Companies;

/// <summary>
/// A company the firm deals with or wants to. Company data is not personal data; the people
/// at a company (prospects, partner contacts) are kept in their own features.
/// </summary>
public sealed class Company : IStamped, IVersioned
{
    private string _name = "";

    public int Id { get; set; }

    public required string Name
    {
        get => _name;
        set
        {
            _name = value;
            NameKey = ContactNormaliser.SearchKey(value);
        }
    }

    /// <summary>Lower case without accents: what the search box matches on, through an index.</summary>
    [NotAnEdit]
    public string NameKey { get; private set; } = "";

    /// <summary>Belgian enterprise number (KBO/BCE) in the form <c>0860.244.894</c>, when known.</summary>
    public string? EnterpriseNumber { get; set; }

    public CompanyType Type { get; set; }

    public string? Sector { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string CountryCode { get; set; } = "BE";

    public string? Website { get; set; }

    /// <summary>The staff member responsible for the account (Entra object id or demo id).</summary>
    public string? AccountOwnerId { get; set; }

    public string? AccountOwnerName { get; set; }

    /// <summary>When the customer or supplier relationship started.</summary>
    public DateOnly? RelationshipStartedOn { get; set; }

    /// <summary>When it ended; RET-PARTNER counts from here. Null while the relationship is active.</summary>
    public DateOnly? RelationshipEndedOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Changes on every save; a save based on an older read is refused as a conflict.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<CompanyTypeChange> TypeHistory { get; } = [];
}

/// <summary>One change of relationship (e.g. prospect → customer when won), kept as history.</summary>
public sealed class CompanyTypeChange
{
    public long Id { get; set; }

    public int CompanyId { get; set; }

    public CompanyType From { get; set; }

    public CompanyType To { get; set; }

    public DateTime ChangedAtUtc { get; set; }

    public required string ChangedById { get; set; }

    public required string ChangedByName { get; set; }
}

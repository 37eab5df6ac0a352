using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Data.Bookkeeping;

namespace Cisa.Crm.Core.Companies;

/// <summary>
/// A company the firm deals with or wants to. Company data is not personal data; the people
/// at a company (prospects, partner contacts) are kept in their own features. Its type is chosen when it is
/// created; afterwards it changes only through <see cref="Win"/> or <see cref="ChangeType"/>, which keep the history.
/// </summary>
public sealed class Company : IStamped, IVersioned
{
    private readonly List<CompanyTypeChange> _typeHistory = [];
    private CompanyType _type;

    public int Id { get; set; }

    public required string Name
    {
        get;
        set
        {
            field = value;
            NameKey = ContactNormaliser.SearchKey(value);
        }
    }

    /// <summary>Lower case without accents: what the search box matches on, through an index.</summary>
    [NotAnEdit]
    public string NameKey { get; private set; } = "";

    /// <summary>Belgian enterprise number (KBO/BCE) in the form <c>0860.244.894</c>, when known.</summary>
    public string? EnterpriseNumber { get; set; }

    public CompanyType Type
    {
        get => _type;
        init => _type = value;
    }

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

    public IReadOnlyCollection<CompanyTypeChange> TypeHistory => _typeHistory;

    /// <summary>A won prospect company becomes a customer; only a prospect can be won.</summary>
    public void Win(CrmActor by, DateTime atUtc)
    {
        if (Type != CompanyType.Prospect)
        {
            throw new RuleViolationException("CompanyNotProspect", "Only a prospect company can be won.");
        }

        ChangeType(CompanyType.Customer, by, atUtc);
    }

    /// <summary>An edit of the relationship (e.g. customer → supplier): a change of type is kept in the history, the same type is no change.</summary>
    public void ChangeType(CompanyType to, CrmActor by, DateTime atUtc)
    {
        if (to == Type)
        {
            return;
        }

        _typeHistory.Add(new CompanyTypeChange { From = Type, To = to, ChangedById = by.Id, ChangedByName = by.DisplayName, ChangedAtUtc = atUtc });
        _type = to;
    }
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

using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Data.Bookkeeping;

namespace Cisa.Crm.Core.Partners;

/// <summary>Why the firm may process a partner contact's data (CAT-PARTNER).</summary>
public enum PartnerLawfulBasis
{
    /// <summary>Needed to perform the agreement with the customer or supplier.</summary>
    Contract,

    /// <summary>Legitimate interest of the business relationship.</summary>
    LegitimateInterest,
}

public enum PhoneKind
{
    Office,
    Mobile,
}

/// <summary>
/// A contact person at a customer or supplier (CAT-PARTNER): name, function, e-mail addresses, phone
/// numbers and postal addresses, kept while the relationship runs and for RET-PARTNER after it ends.
/// </summary>
public sealed class PartnerContact : Person, IStamped, IVersioned
{

    public int CompanyId { get; set; }

    public Company? Company { get; set; }

    public string? JobFunction { get; set; }

    public PreferredLanguage PreferredLanguage { get; set; } = PreferredLanguage.Dutch;

    public PartnerLawfulBasis LawfulBasis { get; set; }

    /// <summary>Short, factual notes about working together (MINIMISE).</summary>
    public string? Notes { get; set; }

    public List<PartnerContactEmail> Emails { get; } = [];

    public List<PartnerContactPhone> Phones { get; } = [];

    public List<PartnerContactAddress> Addresses { get; } = [];

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>One row of a partner contact's lists (e-mail addresses, phones, postal addresses), kept in a table of its own.</summary>
public abstract class PartnerContactPart : IPartOfRecord
{
    public long Id { get; set; }

    public int PartnerContactId { get; set; }
}

/// <summary>One e-mail address, normalised (lower case).</summary>
public sealed class PartnerContactEmail : PartnerContactPart
{
    public required string Address { get; set; }
}

/// <summary>One phone number in E.164, office or mobile.</summary>
public sealed class PartnerContactPhone : PartnerContactPart
{
    public PhoneKind Kind { get; set; }

    public required string Number { get; set; }
}

/// <summary>One postal address; Belgian postcodes are checked, other countries allowed.</summary>
public sealed class PartnerContactAddress : PartnerContactPart
{
    public required string Street { get; set; }

    public required string PostalCode { get; set; }

    public required string City { get; set; }

    public string CountryCode { get; set; } = "BE";
}

public static class PartnerLimits
{
    public const int JobFunction = 150;
    public const int Notes = 500;
    public const int MaxEmails = 5;
    public const int MaxPhones = 5;
    public const int MaxAddresses = 3;
}

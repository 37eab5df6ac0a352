namespace Cisa.Crm.Core.Companies;

/// <summary>
/// A company the firm deals with or wants to. Company data is not personal data; the people
/// at a company (prospects, partner contacts) are kept in their own feature.
/// </summary>
public sealed class Company
{
    public int Id { get; set; }

    public required string Name { get; set; }

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

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

using Cisa.Crm.Core.People;

namespace Cisa.Crm.Core.Partners;

/// <summary>A piece of a partner contact's data that can be passed to a subcontractor.</summary>
public enum DisclosedField
{
    FirstName,
    LastName,
    Phone,
    Email,
    CustomerCompanyName,
    JobFunction,
    PostalAddress,
    PreferredLanguage,
    Notes,
}

/// <summary>
/// SHARE-MIN: one passing of a contact's data to a subcontractor for an assignment — who, what, to
/// whom, when and why. Fields beyond the usual minimum need a written justification.
/// </summary>
public sealed class Disclosure
{
    /// <summary>What may be shared without further ado (the policy's "name, surname, phone and/or e-mail with the customer data").</summary>
    public static IReadOnlySet<DisclosedField> Minimal { get; } = new HashSet<DisclosedField>
    {
        DisclosedField.FirstName, DisclosedField.LastName, DisclosedField.Phone, DisclosedField.Email, DisclosedField.CustomerCompanyName,
    };

    public const int AssignmentMaxLength = 200;
    public const int JustificationMaxLength = 500;

    public long Id { get; set; }

    public int PartnerContactId { get; set; }

    /// <summary>The recipient: a company of type subcontractor.</summary>
    public int SubcontractorId { get; set; }

    /// <summary>The disclosed fields, as enum names separated by commas.</summary>
    public required string Fields { get; set; }

    public required string Assignment { get; set; }

    public string? Justification { get; set; }

    public DateOnly DisclosedOn { get; set; }

    public required string RecordedById { get; set; }

    public required string RecordedByName { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public IReadOnlyList<DisclosedField> FieldList =>
        Fields.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<DisclosedField>).ToList();
}

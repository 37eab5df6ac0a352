namespace Cisa.Crm.Core.Common;

// Field lengths that mean the same in every feature, so a prospect's e-mail, a partner contact's e-mail and an
// applicant's e-mail (or a company's and an applicant's street) cannot drift apart between model, validation and forms.

/// <summary>The longest e-mail address (RFC 5321) and phone number text the CRM accepts, for every person category.</summary>
public static class ContactLimits
{
    public const int Email = 254;
    public const int Phone = 40;
}

/// <summary>A postal address's parts, wherever the CRM keeps one: a company, an applicant, a partner contact.</summary>
public static class AddressLimits
{
    public const int Street = 200;
    public const int PostalCode = 20;
    public const int City = 100;
}

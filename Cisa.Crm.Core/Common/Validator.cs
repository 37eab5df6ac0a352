using Cisa.Crm.Core.Errors;

namespace Cisa.Crm.Core.Common;

/// <summary>Collects field errors, then throws them all at once so the form can show every problem together.</summary>
public sealed class Validator
{
    private readonly List<FieldError> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyList<FieldError> Errors => _errors;

    public Validator Add(string field, string code, params object[] arguments)
    {
        _errors.Add(new FieldError(field, code, arguments));
        return this;
    }

    /// <summary>Trims; a required field must then be non-empty; every field has a maximum length.</summary>
    public string? Text(string field, string? value, int maxLength, bool required = false)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is null && required)
        {
            Add(field, "Required");
        }
        else if (trimmed is not null && trimmed.Length > maxLength)
        {
            Add(field, "TooLong", maxLength);
        }

        return trimmed;
    }

    /// <summary>
    /// An e-mail address as the whole CRM stores it: trimmed, at most <paramref name="maxLength"/>, normalised by
    /// <see cref="ContactNormaliser.NormaliseEmail"/>. Null when empty, and null with "EmailInvalid" when it is not an address.
    /// </summary>
    public string? Email(string field, string? value, int maxLength = ContactLimits.Email) =>
        Normalised(field, value, maxLength, ContactNormaliser.NormaliseEmail, "EmailInvalid");

    /// <summary>A phone number in E.164 (<see cref="ContactNormaliser.NormalisePhone"/>); null when empty, null with "PhoneInvalid" when not a number.</summary>
    public string? Phone(string field, string? value, int maxLength = ContactLimits.Phone) =>
        Normalised(field, value, maxLength, ContactNormaliser.NormalisePhone, "PhoneInvalid");

    /// <summary>
    /// A postal code, trimmed; in Belgium (<paramref name="countryCode"/> "BE") four digits not starting with 0,
    /// else "PostalCodeInvalid". Other countries' codes are only length-checked.
    /// </summary>
    public string? PostalCode(string field, string? value, string countryCode, int maxLength, bool required = false)
    {
        var code = Text(field, value, maxLength, required);
        if (code is not null && countryCode == "BE" && !(code.Length == 4 && code.All(char.IsAsciiDigit) && code[0] != '0'))
        {
            Add(field, "PostalCodeInvalid");
        }

        return code;
    }

    public string RequiredText(string field, string? value, int maxLength) => Text(field, value, maxLength, required: true) ?? "";

    public T? Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, "Required");
        }

        return value;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new CrmValidationException(_errors.ToList());
        }
    }

    /// <summary>The text trimmed and length-checked, then normalised; text that does not normalise gets <paramref name="invalidCode"/>.</summary>
    private string? Normalised(string field, string? value, int maxLength, Func<string?, string?> normalise, string invalidCode)
    {
        var text = Text(field, value, maxLength);
        var normalised = normalise(text);
        if (text is not null && normalised is null)
        {
            Add(field, invalidCode);
        }

        return normalised;
    }
}

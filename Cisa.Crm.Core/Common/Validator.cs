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
}

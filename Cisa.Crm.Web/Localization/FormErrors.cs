using Cisa.Crm.Core.Errors;

namespace Cisa.Crm.Web.Localization;

/// <summary>
/// What a form shows after the core refused a save: a message under each field at fault, or one
/// message for the whole form. The entered values stay as they are; nothing was saved.
/// </summary>
public sealed class FormErrors(ErrorMessages messages)
{
    private readonly Dictionary<string, string> _byField = new(StringComparer.Ordinal);

    public string? General { get; private set; }

    public bool Any => General is not null || _byField.Count > 0;

    public bool Has(string field) => _byField.ContainsKey(field);

    public string? this[string field] => _byField.GetValueOrDefault(field);

    public void Clear()
    {
        _byField.Clear();
        General = null;
    }

    /// <summary>The user dealt with one field (chose a value): its message goes, the others stay.</summary>
    public void ClearField(string field) => _byField.Remove(field);

    /// <summary>Takes a core refusal; returns false for anything that is not one (let it surface).</summary>
    public bool Show(Exception exception)
    {
        Clear();
        switch (exception)
        {
            case CrmValidationException invalid:
                Show(invalid.Errors);
                return true;
            case CrmException refusal:
                General = messages.For(refusal);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Field problems the core reported without refusing (e.g. an import preview's problems with the batch's choices),
    /// shown as a refusal's are; they replace what was shown.
    /// </summary>
    public void Show(IEnumerable<FieldError> errors)
    {
        Clear();
        foreach (var group in errors.GroupBy(e => e.Field))
        {
            _byField[group.Key] = string.Join(" ", group.Select(messages.For).Distinct());
        }
    }

    /// <summary>Forgets a field's problem once the user has changed that field; the core checks it again on the next save.</summary>
    public void Remove(string field) => _byField.Remove(field);

    /// <summary>Errors on fields the form does not show (e.g. "File") are shown as one general message.</summary>
    public string? Unplaced(params string[] shownFields) =>
        _byField.Where(e => !shownFields.Contains(e.Key)).Select(e => e.Value).DefaultIfEmpty(General).Aggregate((a, b) => $"{a} {b}");
}

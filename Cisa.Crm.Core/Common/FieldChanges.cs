namespace Cisa.Crm.Core.Common;

/// <summary>
/// Applies an edit field by field and remembers which fields changed, so the audit entry can name
/// them (never their values: the trail holds no personal data).
/// </summary>
public sealed class FieldChanges
{
    private readonly List<string> _names = [];

    public bool Any => _names.Count > 0;

    public int Count => _names.Count;

    public void Apply<T>(string field, T current, T value, Action<T> set)
    {
        if (!EqualityComparer<T>.Default.Equals(current, value))
        {
            set(value);
            _names.Add(field);
        }
    }

    public override string ToString() => "fields=" + string.Join(",", _names);
}

namespace Cisa.Crm.Core.Common;

/// <summary>What an options validator found wrong, each line naming the setting as an operator writes it (<c>Section:Setting</c>).</summary>
internal sealed class SettingFailures(string section) : List<string>
{
    public void Between<T>(string setting, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            Add($"{section}:{setting} must be between {min} and {max}; it is {value}.");
        }
    }
}

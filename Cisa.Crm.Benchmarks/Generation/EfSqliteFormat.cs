using System.Globalization;

namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>
/// Values written the way EF Core's SQLite provider stores them, so rows loaded by the generator read
/// back through the app exactly like rows the app saved itself (the smoke test compares with EF's own mapping).
/// </summary>
internal static class EfSqliteFormat
{
    /// <summary>TEXT <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>: no fraction when it is zero, as EF writes it.</summary>
    public static string DateTime(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>TEXT, upper case, with hyphens.</summary>
    public static string Guid(Guid value) => value.ToString("D").ToUpperInvariant();

    public static long Bool(bool value) => value ? 1 : 0;

    /// <summary>Enums are configured with <c>HasConversion&lt;string&gt;()</c>: their name.</summary>
    public static string Enum<T>(T value)
        where T : struct, System.Enum => value.ToString();

    public static object? OrNull(DateOnly? day) => day is { } d ? Date(d) : null;

    public static object? OrNull(DateTime? utc) => utc is { } t ? DateTime(t) : null;
}

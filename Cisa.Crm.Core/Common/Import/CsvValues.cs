using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;

namespace Cisa.Crm.Core.Common.Import;

/// <summary>
/// Reads the coded cells that every import of people shares (language, enum values). A value it does not know is
/// reported with the values it does know, so the user can correct the file without asking anyone.
/// </summary>
public static class CsvValues
{
    /// <summary>The language codes a file may use (the export writes these); the names in Dutch, English and French are read too.</summary>
    public static IReadOnlyList<string> LanguageCodes { get; } = ["nl", "fr", "en"];

    /// <summary>At most this much of an unknown value is repeated in its message.</summary>
    private const int ShownValueLength = 40;

    public static PreferredLanguage Language(string? value, List<FieldError> errors) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "nl" or "dutch" or "nederlands" => PreferredLanguage.Dutch,
        "fr" or "french" or "frans" or "français" => PreferredLanguage.French,
        "en" or "english" or "engels" => PreferredLanguage.English,
        _ => Unknown(PreferredLanguage.Dutch, nameof(PreferredLanguage), value, LanguageCodes, errors),
    };

    public static string LanguageCode(PreferredLanguage language) => language switch
    {
        PreferredLanguage.French => "fr",
        PreferredLanguage.English => "en",
        _ => "nl",
    };

    /// <summary>The values a file may use for an enum column: its names, as the export writes them.</summary>
    public static IReadOnlyList<string> Allowed<T>()
        where T : struct, System.Enum => System.Enum.GetNames<T>();

    /// <summary>An enum by name, ignoring case and spaces ("Company website" → CompanyWebsite); null when empty.</summary>
    public static T? Enum<T>(string? value, string field, List<FieldError> errors)
        where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var name = value.Trim().Replace(" ", "", StringComparison.Ordinal);
        // Names only: Enum.TryParse would also take "3" or "1,2" for a value.
        return System.Enum.GetNames<T>().FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } known
            ? System.Enum.Parse<T>(known)
            : Unknown<T?>(null, field, value, Allowed<T>(), errors);
    }

    /// <summary>
    /// A row's problems: the field rules' and the cells that could not be read. A field whose cell could not be read is
    /// reported for that only, not again as missing ("Source: unknown value" without "Source: required").
    /// </summary>
    public static List<FieldError> WithUnreadableCells(IEnumerable<FieldError> ruleErrors, List<FieldError> unreadable) =>
        ruleErrors.Where(e => !unreadable.Exists(u => u.Field == e.Field)).Concat(unreadable).ToList();

    /// <summary>Code <c>ValueUnknown</c> with the value as written (shortened) and the allowed values, comma-separated.</summary>
    private static T Unknown<T>(T fallback, string field, string value, IReadOnlyList<string> allowed, List<FieldError> errors)
    {
        var shown = value.Trim();
        if (shown.Length > ShownValueLength)
        {
            shown = shown[..ShownValueLength] + "…";
        }

        errors.Add(new FieldError(field, "ValueUnknown", shown, string.Join(", ", allowed)));
        return fallback;
    }
}

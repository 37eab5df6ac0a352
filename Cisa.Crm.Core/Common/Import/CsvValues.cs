using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Prospects;

namespace Cisa.Crm.Core.Common.Import;

/// <summary>Reads the coded cells that every import of people shares (language, enum values).</summary>
public static class CsvValues
{
    public static PreferredLanguage Language(string? value, List<FieldError> errors) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "nl" or "dutch" or "nederlands" => PreferredLanguage.Dutch,
        "fr" or "french" or "frans" or "français" => PreferredLanguage.French,
        "en" or "english" or "engels" => PreferredLanguage.English,
        _ => Unknown(PreferredLanguage.Dutch, nameof(PreferredLanguage), errors),
    };

    public static string LanguageCode(PreferredLanguage language) => language switch
    {
        PreferredLanguage.French => "fr",
        PreferredLanguage.English => "en",
        _ => "nl",
    };

    /// <summary>An enum by name, ignoring case and spaces ("Company website" → CompanyWebsite); null when empty.</summary>
    public static T? Enum<T>(string? value, string field, List<FieldError> errors)
        where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return System.Enum.TryParse<T>(value.Trim().Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            ? parsed
            : Unknown<T?>(null, field, errors);
    }

    private static T Unknown<T>(T fallback, string field, List<FieldError> errors)
    {
        errors.Add(new FieldError(field, "ValueUnknown"));
        return fallback;
    }
}

using System.Globalization;
using System.Resources;

namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>
/// The fixed wording of the access report and the reply, in the requester's language. Kept in the core (not the
/// UI's resources) because it is the firm's statement to the person, in the person's language, whatever
/// language the privacy officer works in. The texts live in <c>Texts/RequestTexts.resx</c> (English) and one
/// <c>RequestTexts.{culture}.resx</c> per other language, so a language is a file; the reply's keys start with <c>Reply.</c>.
/// </summary>
internal static class AccessReportTexts
{
    private static readonly ResourceManager Texts = new("Cisa.Crm.Core.Privacy.Requests.Texts.RequestTexts", typeof(AccessReportTexts).Assembly);

    public static string Get(ReplyLanguage language, string key, params object[] arguments)
    {
        var text = Texts.GetString(key, Culture(language)) ?? throw new KeyNotFoundException($"No request text '{key}'.");
        return arguments.Length == 0 ? text : string.Format(Culture(language), text, arguments);
    }

    /// <summary>An enum value in words (<c>{Enum}.{Value}</c>); a value without a text shows as it is.</summary>
    public static string Name<TEnum>(ReplyLanguage language, TEnum value)
        where TEnum : struct, Enum =>
        Texts.GetString($"{typeof(TEnum).Name}.{value}", Culture(language)) ?? value.ToString();

    /// <summary>The culture whose texts, dates and numbers the reply uses.</summary>
    public static CultureInfo Culture(ReplyLanguage language) =>
        CultureInfo.GetCultureInfo(language == ReplyLanguage.Dutch ? "nl-BE" : "en-BE");

    public static string Date(ReplyLanguage language, DateOnly date) => date.ToString("d MMMM yyyy", Culture(language));
}

using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Cisa.Crm.Web.Localization;

/// <summary>The plural forms of a text (CLDR's categories; Dutch and English have two).</summary>
public enum PluralForm
{
    /// <summary>Exactly one: "1 call", "1 gesprek".</summary>
    One,

    /// <summary>Everything else, zero included: "0 calls", "2 gesprekken".</summary>
    Other,
}

/// <summary>
/// Counted texts in proper plural forms instead of "gesprek(ken)": a text has a <c>Key.One</c> and a <c>Key.Other</c>
/// entry in both resource files, and <c>T.Plural("Find.Calls", n)</c> picks the form and puts the count, formatted in
/// the user's culture ("10.000" in both nl-BE and en-BE), in <c>{0}</c>.
/// </summary>
public static class Plurals
{
    /// <summary>
    /// The plural form of <paramref name="count"/>. Dutch and English share CLDR's rule: "one" for 1 (and -1: CLDR reads
    /// the absolute value), "other" for the rest, 0 included. A language with other rules (French counts 0 as "one")
    /// gets its own branch here.
    /// </summary>
    public static PluralForm FormOf(long count) => count is 1 or -1 ? PluralForm.One : PluralForm.Other;

    /// <summary>
    /// <c>Key.One</c> or <c>Key.Other</c> with the count as <c>{0}</c> and <paramref name="more"/> as <c>{1}</c>, <c>{2}</c>...
    /// A form may leave the count out, for a label beside a figure ("afweging te herzien").
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer text, string key, long count, params object[] more) =>
        text[$"{key}.{FormOf(count)}", [count.ToString("N0", CultureInfo.CurrentCulture), .. more]];
}

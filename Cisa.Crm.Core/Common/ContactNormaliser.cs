using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Mail;
using System.Text;
using PhoneNumbers;

namespace Cisa.Crm.Core.Common;

/// <summary>
/// The one normaliser for e-mail addresses, phone numbers and names. Storage, duplicate detection,
/// subject-request search and the suppression list all use it, so "Jan.Peeters@Firma.BE" and
/// "jan.peeters@firma.be", or "014 85 37 97" and "+3214853797", are the same person everywhere.
/// </summary>
public static class ContactNormaliser
{
    private const string DefaultRegion = "BE";
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The address in one canonical spelling, or null when it is not a plausible e-mail address (DSR-OBJECT: the
    /// suppression list and the duplicate checks compare these). Invisible format characters (Unicode category Cf: zero-width
    /// space and joiners, soft hyphen, byte-order mark, direction marks) are dropped, the rest is NFKC-normalised
    /// (full-width "ｊａｎ" is "jan"), trimmed and lower-cased, and the domain is put through IDNA
    /// (<see cref="IdnMapping"/>) and kept in its Unicode form, so "bücher.example" and "xn--bcher-kva.example" are one
    /// domain. An address with a control character or a broken (lone surrogate) character is not an address.
    /// </summary>
    public static string? NormaliseEmail(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        // Plain ASCII has no format characters and is already NFKC (imports normalise hundreds of thousands).
        var text = Ascii.IsValid(input) ? input : Visible(input);
        if (text is null || text.Any(char.IsControl))
        {
            return null;
        }

        var candidate = text.Trim().ToLowerInvariant();
        if (candidate.Length > 254 || candidate.Contains(' ', StringComparison.Ordinal) || candidate.Count(c => c == '@') != 1)
        {
            return null;
        }

        if (!MailAddress.TryCreate(candidate, out var address) || address.Address != candidate)
        {
            return null;
        }

        var domain = address.Host;
        if (!Ascii.IsValid(domain) || domain.Contains("xn--", StringComparison.Ordinal))
        {
            try
            {
                domain = Idn.GetUnicode(Idn.GetAscii(domain)).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return null;
            }

            candidate = string.Concat(candidate.AsSpan(0, candidate.LastIndexOf('@') + 1), domain);
        }

        return candidate.Length <= 254 && IsHostName(domain) ? candidate : null;
    }

    /// <summary>
    /// A domain a mail server can be found by: two or more labels of letters, digits and inner hyphens (1 to 63 characters,
    /// no hyphen first or last), the last not all digits. No IP literal (<c>[127.0.0.1]</c>), no <c>-b.example</c>.
    /// </summary>
    private static bool IsHostName(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(label => label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-' && label.All(c => char.IsLetterOrDigit(c) || c == '-'))
            && !labels[^1].All(char.IsAsciiDigit);
    }

    /// <summary>E.164 (e.g. <c>+3214853797</c>), reading local numbers as Belgian; null when it is not a valid number.</summary>
    public static string? NormalisePhone(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        try
        {
            var number = Phones.Parse((WithoutFormatCharacters(input) ?? "").Trim(), DefaultRegion);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>How a stored E.164 number is shown: national format for Belgian numbers, international otherwise.</summary>
    public static string DisplayPhone(string e164)
    {
        try
        {
            var number = Phones.Parse(e164, DefaultRegion);
            return Phones.Format(number, number.CountryCode == 32 ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>
    /// A search key: lower case without accents or surrounding spaces ("Geërts" → "geerts"). Invisible format characters
    /// are left out and a broken (lone surrogate) character becomes U+FFFD, so no stored name can make it throw.
    /// </summary>
    public static string SearchKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var trimmed = text.Trim();
        if (Ascii.IsValid(trimmed))
        {
            // Plain ASCII has no accents to strip and is already normalised: the same key without the Unicode passes (imports make hundreds of thousands).
            return trimmed.ToLowerInvariant();
        }

        var visible = WithoutFormatCharacters(ReplaceLoneSurrogates(trimmed))!.Trim();
        var decomposed = visible.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The text without its invisible format characters (Unicode category Cf: U+200B, U+00AD, U+FEFF, U+202E…).</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? WithoutFormatCharacters(string? text)
    {
        if (text is null || Ascii.IsValid(text) || !text.Any(IsFormatCharacter))
        {
            return text;
        }

        return string.Concat(text.Where(c => !IsFormatCharacter(c)));
    }

    /// <summary>Whether the character is an invisible format character (category Cf): zero-width, soft hyphen, BOM, bidi controls.</summary>
    public static bool IsFormatCharacter(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>The position of the first surrogate without its partner, or -1 when the text is well formed UTF-16.</summary>
    public static int IndexOfLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static readonly IdnMapping Idn = new();

    /// <summary>Without format characters and NFKC-normalised; null when the text holds a lone surrogate (it cannot be normalised).</summary>
    private static string? Visible(string text) =>
        IndexOfLoneSurrogate(text) >= 0 ? null : WithoutFormatCharacters(text).Normalize(NormalizationForm.FormKC);

    private static string ReplaceLoneSurrogates(string text)
    {
        if (IndexOfLoneSurrogate(text) < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = IndexOfLoneSurrogate(text); i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}

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

    /// <summary>Lower-cased, trimmed address, or null when it is not a plausible e-mail address.</summary>
    public static string? NormaliseEmail(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var candidate = input.Trim().ToLowerInvariant();
        if (candidate.Length > 254 || candidate.Contains(' ', StringComparison.Ordinal) || candidate.Count(c => c == '@') != 1)
        {
            return null;
        }

        if (!MailAddress.TryCreate(candidate, out var address) || address.Address != candidate)
        {
            return null;
        }

        return IsHostName(address.Host) ? candidate : null;
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
            var number = Phones.Parse(input.Trim(), DefaultRegion);
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

    /// <summary>A search key: lower case without accents or surrounding spaces ("Geërts" → "geerts").</summary>
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

        var decomposed = trimmed.ToLowerInvariant().Normalize(NormalizationForm.FormD);
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
}

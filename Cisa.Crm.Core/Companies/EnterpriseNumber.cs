using System.Globalization;

namespace Cisa.Crm.Core.Companies;

/// <summary>Belgian enterprise numbers (KBO/BCE): ten digits, the last two being 97 minus the first eight modulo 97.</summary>
public static class EnterpriseNumber
{
    /// <summary>Formats eight base digits with their check digits as <c>0123.456.789</c>.</summary>
    public static string FromBase(int baseNumber)
    {
        if (baseNumber is < 0 or > 19_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(baseNumber), "An enterprise number starts with 0 or 1 followed by seven digits.");
        }

        var check = 97 - baseNumber % 97;
        return Format(baseNumber.ToString("D8", CultureInfo.InvariantCulture) + check.ToString("D2", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Reads <c>0860.244.894</c>, <c>0860 244 894</c>, <c>BE0860244894</c> or the old nine-digit form
    /// <c>860244894</c>; returns the canonical <c>0860.244.894</c>, or null when the checksum fails.
    /// </summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var text = input.Trim().ToUpperInvariant();
        if (text.StartsWith("BE", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (text.Any(c => !char.IsAsciiDigit(c) && c is not ('.' or ' ')))
        {
            return null;
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 9)
        {
            digits = "0" + digits;
        }

        if (digits.Length != 10 || digits[0] is not ('0' or '1'))
        {
            return null;
        }

        var baseNumber = int.Parse(digits[..8], CultureInfo.InvariantCulture);
        var check = int.Parse(digits[8..], CultureInfo.InvariantCulture);
        return 97 - baseNumber % 97 == check ? Format(digits) : null;
    }

    private static string Format(string digits) => $"{digits[..4]}.{digits[4..7]}.{digits[7..]}";
}

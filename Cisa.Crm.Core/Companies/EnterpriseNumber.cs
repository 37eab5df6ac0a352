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
        var digits = baseNumber.ToString("D8", CultureInfo.InvariantCulture) + check.ToString("D2", CultureInfo.InvariantCulture);
        return $"{digits[..4]}.{digits[4..7]}.{digits[7..]}";
    }
}

using System.Globalization;
using Bogus;
using Cisa.Crm.Core.Common;

namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>
/// Hands out e-mail addresses and E.164 phone numbers that are unique across every category (a
/// second person with the same address or number would be refused by the app). The Mechelen zone
/// (015) and the 046 mobile range are never handed out: they belong to the import file and the
/// suppression list, so those rows collide only where they are meant to.
/// </summary>
internal sealed class ContactPoints(Randomizer random)
{
    public const string ImportZone = "15";
    public const string ImportMobileRange = "46";

    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);

    /// <summary><c>first.last@domain</c>, with a number added when that address is taken.</summary>
    public string Email(string firstName, string lastName, string domain) => Email($"{Slug(firstName)}.{Slug(lastName)}", domain);

    public string Email(string localPart, string domain)
    {
        var candidate = $"{localPart}@{domain}";
        for (var n = 2; !_emails.Add(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{localPart}{n}@{domain}");
        }

        return candidate;
    }

    /// <summary>A fixed line in the given telephone zone (one digit for 2, 3 and 9; two digits otherwise).</summary>
    public string Landline(string zone)
    {
        while (true)
        {
            // Zone 9 only has 092-094 numbers; the other zones take a first subscriber digit of 2-8.
            var number = zone.Length == 1
                ? string.Create(CultureInfo.InvariantCulture, $"+32{zone}{(zone == "9" ? random.Int(2, 4) : random.Int(2, 8))}{random.Int(0, 999_999):D6}")
                : string.Create(CultureInfo.InvariantCulture, $"+32{zone}{random.Int(2, 8)}{random.Int(0, 99_999):D5}");
            if (_phones.Add(number))
            {
                return number;
            }
        }
    }

    /// <summary>A mobile number in the 047 or 049 ranges (valid for every libphonenumber version).</summary>
    public string Mobile()
    {
        while (true)
        {
            var number = string.Create(CultureInfo.InvariantCulture, $"+324{(random.Bool() ? 7 : 9)}{random.Int(0, 9_999_999):D7}");
            if (_phones.Add(number))
            {
                return number;
            }
        }
    }

    /// <summary>Lower-case letters and digits of a name without accents ("Geërts" → "geerts"), for e-mail addresses and domains.</summary>
    public static string Slug(string text)
    {
        var slug = new string(ContactNormaliser.SearchKey(text).Where(char.IsAsciiLetterOrDigit).ToArray());
        return slug.Length > 0 ? slug : "x";
    }

    /// <summary>An e-mail address on the suppression list: someone who objected and was erased (DSR-OBJECT).</summary>
    public static string SuppressedEmail(int n) => string.Create(CultureInfo.InvariantCulture, $"bezwaar{n}@bezwaar.example");

    /// <summary>A phone number on the suppression list, in the zone no generated person uses.</summary>
    public static string SuppressedPhone(int n) => string.Create(CultureInfo.InvariantCulture, $"+32{ImportZone}9{n % 100_000:D5}");
}

using System.Globalization;
using System.Text;
using Cisa.Crm.Core.Errors;

namespace Cisa.Crm.Core.Common;

/// <summary>Collects field errors, then throws them all at once so the form can show every problem together.</summary>
public sealed class Validator
{
    private readonly List<FieldError> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public IReadOnlyList<FieldError> Errors => _errors;

    public Validator Add(string field, string code, params object[] arguments)
    {
        _errors.Add(new FieldError(field, code, arguments));
        return this;
    }

    /// <summary>
    /// One line of text: trimmed; a required field must then be non-empty; every field has a maximum length; and no
    /// character a person cannot see or type (<see cref="CheckCharacters"/>). Text of only spaces and invisible format
    /// characters counts as empty.
    /// </summary>
    public string? Text(string field, string? value, int maxLength, bool required = false) =>
        CheckedText(field, value, maxLength, required, multiline: false);

    /// <summary>As <see cref="Text"/>, for a multi-line field (notes, reports, request texts): tabs and line breaks are allowed.</summary>
    public string? MultilineText(string field, string? value, int maxLength, bool required = false) =>
        CheckedText(field, value, maxLength, required, multiline: true);

    /// <summary>
    /// An e-mail address as the whole CRM stores it: trimmed, at most <paramref name="maxLength"/>, normalised by
    /// <see cref="ContactNormaliser.NormaliseEmail"/>. Null when empty, and null with "EmailInvalid" when it is not an address.
    /// </summary>
    public string? Email(string field, string? value, int maxLength = ContactLimits.Email) =>
        Normalised(field, value, maxLength, ContactNormaliser.NormaliseEmail, "EmailInvalid");

    /// <summary>A phone number in E.164 (<see cref="ContactNormaliser.NormalisePhone"/>); null when empty, null with "PhoneInvalid" when not a number.</summary>
    public string? Phone(string field, string? value, int maxLength = ContactLimits.Phone) =>
        Normalised(field, value, maxLength, ContactNormaliser.NormalisePhone, "PhoneInvalid");

    /// <summary>
    /// A postal code, trimmed; in Belgium (<paramref name="countryCode"/> "BE") four digits not starting with 0,
    /// else "PostalCodeInvalid". Other countries' codes are only length-checked.
    /// </summary>
    public string? PostalCode(string field, string? value, string countryCode, int maxLength, bool required = false)
    {
        var code = Text(field, value, maxLength, required);
        if (code is not null && countryCode == "BE" && !(code.Length == 4 && code.All(char.IsAsciiDigit) && code[0] != '0'))
        {
            Add(field, "PostalCodeInvalid");
        }

        return code;
    }

    public string RequiredText(string field, string? value, int maxLength) => Text(field, value, maxLength, required: true) ?? "";

    public string RequiredMultilineText(string field, string? value, int maxLength) => MultilineText(field, value, maxLength, required: true) ?? "";

    public T? Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, "Required");
        }

        return value;
    }

    // Value bounds (issue 18): a day inside its window, a coded value inside its enum, a country in ISO 3166-1.

    /// <summary>
    /// Whether <paramref name="day"/> lies in <paramref name="window"/>. Outside it the field gets the rule's own code for the
    /// side it falls on when given (<paramref name="tooEarly"/>, <paramref name="tooLate"/>, e.g. "DateInFuture"), else
    /// "DateOutOfRange" with the window's first and last day.
    /// </summary>
    public bool Day(string field, DateOnly day, DateWindow window, string? tooEarly = null, string? tooLate = null)
    {
        if (window.Contains(day))
        {
            return true;
        }

        if ((day < window.First ? tooEarly : tooLate) is { } code)
        {
            Add(field, code);
        }
        else
        {
            Add(field, "DateOutOfRange", window.First, window.Last);
        }

        return false;
    }

    /// <summary>A choice from a closed list: none gets <paramref name="requiredCode"/>, a number outside the enum (only a crafted request sends one) "ChoiceUnknown".</summary>
    public T? Choice<T>(string field, T? value, string requiredCode = "Required")
        where T : struct, Enum
    {
        if (value is null)
        {
            Add(field, requiredCode);
            return null;
        }

        return Choice(field, value.Value) ? value : null;
    }

    /// <summary>Whether <paramref name="value"/> is one of its enum's values (or, for a [Flags] enum, a combination of them); else "ChoiceUnknown".</summary>
    public bool Choice<T>(string field, T value)
        where T : struct, Enum
    {
        if (IsKnown(value))
        {
            return true;
        }

        Add(field, "ChoiceUnknown");
        return false;
    }

    /// <summary>One of the enum's values, or for a [Flags] enum a combination of its values.</summary>
    public static bool IsKnown<T>(T value)
        where T : struct, Enum
    {
        if (Enum.IsDefined(value))
        {
            return true;
        }

        if (!typeof(T).IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            return false;
        }

        var all = Enum.GetValues<T>().Aggregate(0L, (bits, flag) => bits | Convert.ToInt64(flag, CultureInfo.InvariantCulture));
        var bits = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        return bits >= 0 && (bits & ~all) == 0;
    }

    /// <summary>
    /// A country as an ISO 3166-1 alpha-2 code in capitals (<see cref="CountryCodes"/>); empty is Belgium. Anything else gets
    /// "CountryInvalid" and comes back trimmed in capitals (so no other country's rule applies to it).
    /// </summary>
    public string Country(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return CountryCodes.Default;
        }

        var typed = value.Trim();
        if (CountryCodes.Normalise(typed) is { } code)
        {
            return code;
        }

        Add(field, "CountryInvalid");
        return typed.ToUpperInvariant();
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new CrmValidationException(_errors.ToList());
        }
    }

    /// <summary>The text trimmed and length-checked, then normalised; text that does not normalise gets <paramref name="invalidCode"/>.</summary>
    private string? Normalised(string field, string? value, int maxLength, Func<string?, string?> normalise, string invalidCode)
    {
        // Not Text: the normaliser drops invisible characters (a pasted address often has them) and refuses control characters.
        var text = Trimmed(field, value, maxLength, required: false);
        var normalised = normalise(text);
        if (text is not null && normalised is null)
        {
            Add(field, invalidCode);
        }

        return normalised;
    }

    #region Characters (issue 18): what a person can see and type

    private string? CheckedText(string field, string? value, int maxLength, bool required, bool multiline)
    {
        var text = Trimmed(field, IsBlank(value) ? null : value, maxLength, required);
        if (text is not null)
        {
            CheckCharacters(field, text, multiline);
        }

        return text;
    }

    /// <summary>Null, or only white space and invisible format characters (a "name" of zero-width spaces).</summary>
    private static bool IsBlank(string? value) =>
        value is null || value.All(c => char.IsWhiteSpace(c) || ContactNormaliser.IsFormatCharacter(c));

    /// <summary>
    /// Refuses, with "CharacterNotAllowed" and the first offending character as <c>U+XXXX</c>, what no one types and what
    /// makes text look other than it is: control characters (category Cc: NUL, escape…, and line breaks and tabs outside
    /// <paramref name="multiline"/> fields), invisible format characters (Cf: zero-width spaces and joiners, soft hyphen,
    /// byte-order mark, the right-to-left override U+202E and the other bidi controls), the line and paragraph separators
    /// U+2028/U+2029, and a lone surrogate (half of a character, not valid UTF-16).
    /// </summary>
    private void CheckCharacters(string field, string text, bool multiline)
    {
        if (Ascii.IsValid(text) && !text.Any(char.IsControl))
        {
            return;
        }

        var lone = ContactNormaliser.IndexOfLoneSurrogate(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var allowed = multiline && c is '\t' or '\n' or '\r';
            if (i == lone || (!allowed && (char.IsControl(c) || ContactNormaliser.IsFormatCharacter(c) || c is '\u2028' or '\u2029')))
            {
                Add(field, "CharacterNotAllowed", $"U+{(int)c:X4}");
                return;
            }
        }
    }

    #endregion

    /// <summary>Trims; a required field must then be non-empty; every field has a maximum length.</summary>
    private string? Trimmed(string field, string? value, int maxLength, bool required)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is null && required)
        {
            Add(field, "Required");
        }
        else if (trimmed is not null && trimmed.Length > maxLength)
        {
            Add(field, "TooLong", maxLength);
        }

        return trimmed;
    }
}

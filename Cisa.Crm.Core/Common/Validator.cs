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

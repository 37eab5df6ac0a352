namespace Cisa.Crm.Tests.Support;

/// <summary>
/// Hostile text (issue 18, defects 2 and 6): the characters a careless paste or an attacker puts into names, notes and
/// e-mail addresses. Shared by the core, import and page tests so every path is tried with the same values.
/// </summary>
public static class HostileText
{
    /// <summary>"jan.peeters@firma.be" with one invisible character in it, as found to pass the suppression list (DSR-OBJECT).</summary>
    public static TheoryData<string> InvisibleInEmail { get; } = new(
        "jan.pee\u200Bters@firma.be", // zero-width space
        "jan.pee\u00ADters@firma.be", // soft hyphen
        "jan.pee\u200Cters@firma.be", // zero-width non-joiner
        "jan.peeters@fir\uFEFFma.be", // zero-width no-break space inside
        "\uFEFFjan.peeters@firma.be", // a leading byte-order mark (a cell from a UTF-8 file saved twice)
        "jan.peeters\u200D@firma.be", // zero-width joiner
        "\u202Ejan.peeters@firma.be", // right-to-left override
        "ｊａｎ.ｐｅｅｔｅｒｓ＠ｆｉｒｍａ.ｂｅ"); // full-width (NFKC)

    /// <summary>
    /// A name with a character no one types: control characters (NUL, escape, a line break in a one-line field), format
    /// characters (zero-width, soft hyphen, BOM, the right-to-left override and its kin) and a lone surrogate.
    /// Each value with the character it must be refused for.
    /// </summary>
    public static TheoryData<string, string> ForbiddenInName { get; } = new()
    {
        { "Pee\0ters", "U+0000" },
        { "Peeters\u001B[31m", "U+001B" },
        { "Pee\nters", "U+000A" },
        { "Pee\tters", "U+0009" },
        { "Pee\u0085ters", "U+0085" },
        { "Pee\u200Bters", "U+200B" },
        { "Pee\u00ADters", "U+00AD" },
        { "Pee\u200Cters", "U+200C" },
        { "Pee\uFEFFters", "U+FEFF" },
        { "\u202Esreteep", "U+202E" },
        { "Peeters\u2066x\u2069", "U+2066" },
        { "Pee\u2028ters", "U+2028" },
        { "Pee\uD800ters", "U+D800" },
        { "Peeters\uDC00", "U+DC00" },
    };

    /// <summary>Names of only invisible characters, which "required" must not take for a name.</summary>
    public static TheoryData<string> InvisibleOnly { get; } = new("\u200B", "\u200B\u200C\u200D", " \uFEFF ", "\u00AD", "\u2060\u200E");

    /// <summary>The forbidden characters inside multi-line text (a note, a report): there only tab and line breaks are allowed.</summary>
    public static TheoryData<string, string> ForbiddenInNotes { get; } = new()
    {
        { "Belde\0terug", "U+0000" },
        { "Belde terug\u200B", "U+200B" },
        { "Belde \u202Eterug", "U+202E" },
        { "Belde \uD83Dterug", "U+D83D" },
        { "Belde\u000Bterug", "U+000B" },
    };

    /// <summary>
    /// Names with a lone surrogate (half of a character). Built in code and used with <c>DisableDiscoveryEnumeration</c>:
    /// an attribute argument or a serialised theory row would turn them into U+FFFD before the test sees them.
    /// </summary>
    public static TheoryData<string> LoneSurrogateNames { get; } = new("Pee\uD800ters", "Peeters\uDC00", "\uDBFF");
}

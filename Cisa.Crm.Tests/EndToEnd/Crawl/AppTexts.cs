using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cisa.Crm.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cisa.Crm.Tests.EndToEnd.Crawl;

/// <summary>
/// The app's own Dutch and English texts, read from the web project's resource files, to tell on a page whether text of
/// the other language shows (an English label on a Dutch page, a Dutch message on an English one), and whether a raw
/// resource key, enum code or "key=value;" detail shows where a person should read words.
/// </summary>
public sealed partial class AppTexts
{
    private readonly Regex _english;
    private readonly Regex _dutch;
    private readonly Regex _enumCodes;

    private AppTexts(IReadOnlyCollection<string> english, IReadOnlyCollection<string> dutch, IReadOnlyCollection<string> enumCodes, IReadOnlyDictionary<string, (string En, string Nl)> texts)
    {
        EnglishPhrases = english;
        DutchPhrases = dutch;
        Texts = texts;
        _english = Alternation(english, RegexOptions.IgnoreCase);
        _dutch = Alternation(dutch, RegexOptions.IgnoreCase);
        // Case matters for codes: "NotReached" is a code, "notreached" nobody writes.
        _enumCodes = Alternation(enumCodes, RegexOptions.None);
    }

    public static AppTexts Instance { get; } = Load();

    /// <summary>Distinctive English texts of the app (and of MudBlazor), none of them also Dutch.</summary>
    public IReadOnlyCollection<string> EnglishPhrases { get; }

    /// <summary>Distinctive Dutch texts of the app, none of them also English.</summary>
    public IReadOnlyCollection<string> DutchPhrases { get; }

    /// <summary>Every resource key with its English and Dutch text.</summary>
    public IReadOnlyDictionary<string, (string En, string Nl)> Texts { get; }

    /// <summary>A text of the app in a language ("en" or "nl"), with its placeholders as they are ("{0}").</summary>
    public string Text(string key, string language) => language == "nl" ? Texts[key].Nl : Texts[key].En;

    /// <summary>
    /// The texts of the other language than <paramref name="language"/> found in <paramref name="visibleText"/>. A match
    /// inside something a person typed (<paramref name="userTexts"/>: the database's texts, such as a call report or a job
    /// title written in Dutch, shown as written on an English page) is the data, not the app's wording, and is not counted.
    /// </summary>
    public IReadOnlyList<string> FindOtherLanguage(string visibleText, string language, IReadOnlyCollection<string> userTexts)
    {
        var found = (language == "nl" ? _english : _dutch).Matches(visibleText)
            .Where(m => !InsideUserText(visibleText, m, userTexts)).Select(m => m.Value).ToList();
        if (language == "nl")
        {
            // MudBlazor's own pager, when a list forgets to pass our wording: "1-25 of 27", "Rows per page".
            found.AddRange(EnglishPager().Matches(visibleText).Select(m => m.Value));
        }
        else
        {
            found.AddRange(DutchPager().Matches(visibleText).Select(m => m.Value));
        }

        return found.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static bool InsideUserText(string visibleText, Match match, IReadOnlyCollection<string> userTexts)
    {
        foreach (var userText in userTexts.Where(u => u.Contains(match.Value, StringComparison.OrdinalIgnoreCase)))
        {
            for (var at = visibleText.IndexOf(userText, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = visibleText.IndexOf(userText, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (at <= match.Index && at + userText.Length >= match.Index + match.Length)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Every text stored in the database's text columns (names, notes, reports, titles: what people typed), each line
    /// on its own and white space collapsed as a page shows it. Coded columns (enums stored as text) are not texts.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> UserTextsAsync(Microsoft.EntityFrameworkCore.DbContext db)
    {
        var texts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            foreach (var entity in db.Model.GetEntityTypes())
            {
                if (entity.GetTableName() is not { } table)
                {
                    continue;
                }

                var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
                // Flattened: a complex type's columns (the legitimate-interest note's text) are what people typed too.
                foreach (var property in entity.GetFlattenedProperties().Where(p => p.ClrType == typeof(string) && p.GetValueConverter() is null))
                {
                    if (property.GetColumnName(store) is not { } column)
                    {
                        continue;
                    }

                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT DISTINCT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        foreach (var line in reader.GetString(0).Split('\n'))
                        {
                            var text = WhiteSpace().Replace(line, " ").Trim();
                            if (text.Length > 0)
                            {
                                texts.Add(text);
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            await connection.CloseAsync();
        }

        return texts;
    }

    /// <summary>Resource keys ("Session.SignIn"), enum codes ("NotReached") and "key=value" details in the page's text.</summary>
    public IReadOnlyList<string> FindRawCodes(string visibleText) =>
        ResourceKey().Matches(visibleText).Select(m => m.Value)
            .Concat(KeyValue().Matches(visibleText).Select(m => m.Value))
            .Concat(_enumCodes.Matches(visibleText).Select(m => m.Value))
            .Distinct(StringComparer.Ordinal).ToList();

    private static AppTexts Load()
    {
        // The neutral file is English, the ".nl" one Dutch; found by their names, wherever the web project keeps them.
        var web = Path.Combine(RepositoryRoot.Path, "Cisa.Crm.Web");
        var files = Directory.EnumerateFiles(web, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var dutchFiles = files.Where(f => f.EndsWith(".nl.resx", StringComparison.Ordinal)).ToList();
        var englishFiles = dutchFiles.Select(f => f[..^".nl.resx".Length] + ".resx").Where(files.Contains).ToList();
        if (dutchFiles.Count == 0 || englishFiles.Count != dutchFiles.Count)
        {
            throw new InvalidOperationException($"Expected pairs of X.resx and X.nl.resx under {web}, found: {string.Join(", ", files)}");
        }

        var english = englishFiles.SelectMany(Read).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var dutch = dutchFiles.SelectMany(Read).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var texts = english.Where(t => dutch.ContainsKey(t.Key)).ToDictionary(t => t.Key, t => (t.Value, dutch[t.Key]), StringComparer.Ordinal);

        // MudBlazor's own English, for a text a component shows without asking our localizer.
        var mudBlazor = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudBlazor.MudButton).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>().Select(e => e.Value as string ?? "");

        var englishFragments = texts.Values.SelectMany(t => Fragments(t.Item1)).Concat(mudBlazor.SelectMany(Fragments)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var dutchFragments = texts.Values.SelectMany(t => Fragments(t.Item2)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A text both languages write ("Status", "Voicemail", "E-mail") tells nothing; nor does a short word that may be a
        // name or sit inside other words ("Open", "Team"): only the distinctive ones are kept.
        // A word Dutch itself uses in a sentence ("het dashboard") is no sign of English either.
        var dutchCorpus = string.Join('\n', texts.Values.Select(t => t.Item2));
        var englishCorpus = string.Join('\n', texts.Values.Select(t => t.Item1).Concat(mudBlazor));
        var englishOnly = englishFragments.Where(f => Distinctive(f) && !dutchFragments.Contains(f) && !OccursIn(dutchCorpus, f)).ToList();
        var dutchOnly = dutchFragments.Where(f => Distinctive(f) && !englishFragments.Contains(f) && !OccursIn(englishCorpus, f)).ToList();

        // Enum members the core shows only through a text: compound names ("NotReached", "PrivacyAdmin") no word of
        // either language is spelled like ("LinkedIn" is both a code and the network's name).
        var words = texts.Values.SelectMany(t => WordsOf(t.Item1).Concat(WordsOf(t.Item2))).ToHashSet(StringComparer.Ordinal);
        var enumCodes = typeof(Cisa.Crm.Core.Data.CrmDbContext).Assembly.GetTypes()
            .Where(t => t.IsEnum && (t.IsPublic || t.IsNestedPublic))
            .SelectMany(t => Enum.GetNames(t))
            .Where(name => CompoundName().IsMatch(name) && !words.Contains(name))
            .ToHashSet(StringComparer.Ordinal);

        return new AppTexts(englishOnly, dutchOnly, enumCodes, texts);
    }

    private static IEnumerable<KeyValuePair<string, string>> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .Select(d => new KeyValuePair<string, string>((string)d.Attribute("name")!, (string?)d.Element("value") ?? ""));

    /// <summary>
    /// The pieces of a text a page shows as they are: split at its placeholders ("{0}") and at sentence breaks, trimmed
    /// of punctuation, so "Welcome, {0}" gives "Welcome" and a two-sentence help text gives each sentence.
    /// </summary>
    private static IEnumerable<string> Fragments(string text) =>
        FragmentBreak().Split(text)
            .Select(f => WhiteSpace().Replace(f, " ").Trim(' ', '.', ',', ':', ';', '(', ')', '"', '\'', '—', '-', '–', '?', '!', '…', '/', '*'))
            .Where(f => f.Length > 0);

    /// <summary>
    /// Two words or more, or one long word of letters; never a code (no lower-case letter), an address, or a figure.
    /// A one-word text shorter than eight letters is left out: a person's or a company's name in the data may be spelled
    /// like it ("Open", "Bron"), and such a word is too often shared between the two languages.
    /// </summary>
    private static bool Distinctive(string fragment)
    {
        if (!fragment.Any(char.IsLower) || fragment.Contains('@', StringComparison.Ordinal) || fragment.Contains("://", StringComparison.Ordinal)
            || fragment.Contains('{', StringComparison.Ordinal) || fragment.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        var words = WordsOf(fragment).Where(w => w.Any(char.IsLetter)).ToList();
        return words.Count >= 2 || (words.Count == 1 && words[0].Count(char.IsLetter) >= 8);
    }

    /// <summary>Whether <paramref name="phrase"/> stands in <paramref name="corpus"/> as whole words, in any case.</summary>
    private static bool OccursIn(string corpus, string phrase)
    {
        for (var at = corpus.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0; at = corpus.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(corpus[at - 1])) && (end == corpus.Length || !char.IsLetterOrDigit(corpus[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] WordsOf(string text) => text.Split([' ', ',', '.', ':', ';', '(', ')', '/', '"', '?', '!'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// One pattern for many phrases, the longest first, each standing as whole words (not "Open" inside "Opened") and
    /// with any run of white space where the text has a space (a page wraps and indents text).
    /// </summary>
    private static Regex Alternation(IEnumerable<string> phrases, RegexOptions options)
    {
        var alternatives = phrases.OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal)
            .Select(p => string.Join(@"\s+", p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)));
        return new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}])",
            options | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}|[.!?:;]\s+|\n")]
    private static partial Regex FragmentBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\b\d+\s*[-–]\s*\d+\s+of\s+(?:more\s+than\s+)?[\d.,]+\b")]
    private static partial Regex EnglishPager();

    [GeneratedRegex(@"\b\d+\s*[-–]\s*\d+\s+van\s+(?:meer\s+dan\s+)?[\d.,]+\b")]
    private static partial Regex DutchPager();

    /// <summary>A resource key as the localizer returns it when the text is missing: "Session.SignIn", "Nav.Home".</summary>
    [GeneratedRegex(@"\b[A-Z][a-z]+\.[A-Z][A-Za-z]+\b")]
    private static partial Regex ResourceKey();

    /// <summary>A stored detail shown as it is written: "scheme=Cookies", "prospect=32;outcome=Reached".</summary>
    [GeneratedRegex(@"\b[a-z][A-Za-z_]*=[A-Za-z0-9]")]
    private static partial Regex KeyValue();

    /// <summary>An identifier of two capitalised words or more run together: "NotReached", "PrivacyAdmin".</summary>
    [GeneratedRegex(@"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")]
    private static partial Regex CompoundName();
}

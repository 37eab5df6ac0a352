using System.Reflection;
using System.Text.RegularExpressions;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Docs;

/// <summary>
/// The documentation cannot rot silently: every privacy rule a test cites is defined in
/// <c>docs/privacy-rules.md</c> (a clone holds the rules it is tested against), and every link of the README and of
/// <c>docs/</c> leads to a file of the repository and, with an anchor, to a heading of that file.
/// </summary>
public sealed partial class DocumentationTests
{
    private static readonly string RulesFile = Path.Combine(RepositoryRoot.Path, "docs", "privacy-rules.md");

    /// <summary>A rule is defined by a heading of its own, e.g. <c>### RET-APP-CV</c>, so it can also be linked to.</summary>
    [GeneratedRegex(@"^### ([A-Z]+(?:-[A-Z0-9]+)*)\s*$", RegexOptions.Multiline)]
    private static partial Regex RuleHeading();

    [GeneratedRegex(@"^[A-Z0-9]*[A-Z][A-Z0-9]*$")]
    private static partial Regex UpperCaseWord();

    /// <summary>Inline links and images: <c>[text](target)</c>; the target ends at a space or the closing bracket.</summary>
    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkTarget();

    /// <summary>A test cited in backticks: a class (<c>SessionTests</c>), a class and test, or a family (<c>*ValueBoundsTests</c>).</summary>
    [GeneratedRegex(@"`(\*?[A-Z][A-Za-z]*Tests)(?:\.([A-Za-z0-9_]+))?`")]
    private static partial Regex CitedTest();

    private static HashSet<string> DocumentedRules() =>
        [.. RuleHeading().Matches(File.ReadAllText(RulesFile)).Select(m => m.Groups[1].Value)];

    /// <summary>
    /// The rule ids a test's name cites. Names start with the ids they prove, in underscores
    /// (<c>DSR_FIND_DSR_EXEMPT_privacy_officer_handles...</c>), so the leading upper-case words are read as the longest
    /// documented ids, one after the other. What is left is an id the rules page lacks, unless it is a single word (an
    /// abbreviation such as HR in <c>RET_APP_CV_HR_opens...</c> or DSR in <c>DSR_request_pages...</c>) or the article
    /// "A". So a misspelt or undocumented id of two or more words (<c>RET_APP_CVX_...</c>, <c>DSR_PORTABILITY_...</c>)
    /// is reported; a single-word id missing from the page (like SOURCE would be) is not.
    /// </summary>
    internal static IEnumerable<string> CitedRuleIds(string testName, IReadOnlySet<string> documented)
    {
        var words = Regex.Split(testName, "[^A-Za-z0-9]+").Where(w => w.Length > 0).TakeWhile(w => UpperCaseWord().IsMatch(w)).ToArray();
        var i = 0;
        while (i < words.Length)
        {
            var id = Enumerable.Range(i + 1, words.Length - i).Reverse()
                .Select(end => string.Join('-', words[i..end]))
                .FirstOrDefault(documented.Contains);
            if (id is not null)
            {
                yield return id;
                i += id.Split('-').Length;
                continue;
            }

            if (words[i].Length == 1 || words.Length - i == 1)
            {
                yield break;
            }

            yield return string.Join('-', words[i..]);
            yield break;
        }
    }

    private static IEnumerable<(string Test, string Name)> TestNames() =>
        typeof(DocumentationTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<FactAttribute>(inherit: true)
                .SelectMany(fact => new[] { m.Name, fact.DisplayName })
                .OfType<string>()
                .Distinct()
                .Select(name => ($"{m.DeclaringType!.Name}.{m.Name}", name)));

    /// <summary>
    /// The ASVS table in <c>docs/security.md</c> is a claim per requirement with the test that proves it: a renamed or
    /// deleted test must take its row with it, or the table would prove nothing.
    /// </summary>
    [Fact]
    public void Every_test_the_security_document_cites_exists()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "security.md"));
        var types = typeof(DocumentationTests).Assembly.GetTypes();
        var cited = CitedTest().Matches(text).Select(m => (Class: m.Groups[1].Value, Test: m.Groups[2].Value)).Distinct().ToList();

        var missing = cited.Where(c =>
        {
            var classes = c.Class.StartsWith('*')
                ? types.Where(t => t.Name.EndsWith(c.Class[1..], StringComparison.Ordinal))
                : types.Where(t => t.Name == c.Class);
            return c.Test.Length == 0
                ? !classes.Any()
                : !classes.Any(t => t.GetMethod(c.Test, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static) is not null);
        }).Select(c => c.Test.Length == 0 ? c.Class : $"{c.Class}.{c.Test}").ToList();

        Assert.True(cited.Count > 20, $"Only {cited.Count} tests cited: the pattern no longer reads the document.");
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_rule_id_a_test_name_cites_is_defined_in_docs_privacy_rules()
    {
        var documented = DocumentedRules();

        var cited = TestNames()
            .SelectMany(t => CitedRuleIds(t.Name, documented).Select(id => (t.Test, Id: id)))
            .ToList();
        var undefined = cited.Where(c => !documented.Contains(c.Id)).Select(c => $"{c.Test} cites {c.Id}").ToList();

        Assert.True(undefined.Count == 0, "not defined in docs/privacy-rules.md:\n" + string.Join('\n', undefined));
        // The reading above found the citations it is meant to check, so it cannot pass by finding none.
        Assert.Contains(cited, c => c.Id == "RET-APP-CV");
        Assert.Contains(cited, c => c.Id == "DSR-EXEMPT");
    }

    [Theory]
    [InlineData("RET_APP_CV_HR_opens_a_vacancy", "RET-APP-CV")]
    [InlineData("DSR_FIND_DSR_EXEMPT_privacy_officer_handles_a_request", "DSR-FIND DSR-EXEMPT")]
    [InlineData("SOURCE_a_prospect_without_source_is_refused", "SOURCE")]
    [InlineData("DSR_request_pages_with_an_id_are_for_the_privacy_officer_only", "")]
    [InlineData("A_CV_must_be_a_PDF", "")]
    [InlineData("KBO_check_digits_are_computed", "")]
    [InlineData("RET_APP_CVX_misspelt", "RET-APP-CVX")]
    [InlineData("DSR_PORTABILITY_not_documented", "DSR-PORTABILITY")]
    [InlineData("LOG_ACTIONS_DSR_PORTABILITY_second_id_not_documented", "LOG-ACTIONS DSR-PORTABILITY")]
    public void A_test_name_is_read_as_the_rule_ids_it_starts_with(string testName, string expected)
    {
        var documented = new HashSet<string>(StringComparer.Ordinal) { "RET-APP-CV", "DSR-FIND", "DSR-EXEMPT", "SOURCE", "LOG-ACTIONS" };

        Assert.Equal(expected, string.Join(' ', CitedRuleIds(testName, documented)));
    }

    [Fact]
    public void Every_link_of_the_README_and_docs_leads_to_a_file_of_the_repository_and_an_existing_heading()
    {
        var root = Path.GetFullPath(RepositoryRoot.Path);
        var pages = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md"))
            .ToList();

        var broken = new List<string>();
        var docsLinks = 0;
        foreach (var page in pages)
        {
            foreach (var target in LinkTargets(File.ReadAllText(page)))
            {
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var file = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? null : target[(hash + 1)..];
                var resolved = file.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, file));
                var where = $"{Path.GetRelativePath(root, page)}: {target}";
                if (Path.GetRelativePath(root, resolved).StartsWith("..", StringComparison.Ordinal))
                {
                    broken.Add($"{where} leads outside the repository, so a clone lacks it");
                }
                else if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"{where}: no such file");
                }
                else if (anchor is not null && File.Exists(resolved) && !HeadingAnchors(File.ReadAllText(resolved)).Contains(anchor))
                {
                    broken.Add($"{where}: no such heading");
                }

                if (Path.GetRelativePath(root, resolved).StartsWith("docs", StringComparison.Ordinal) && page.EndsWith("README.md", StringComparison.Ordinal))
                {
                    docsLinks++;
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join('\n', broken));
        // The README points to the three pages in docs/ (and more links into them), so the loop above read its links.
        Assert.True(docsLinks >= 3, $"the README links to docs/ {docsLinks} times");
    }

    [Theory]
    [InlineData("## Retention (RET-RUN, RET-APP-CV)", "retention-ret-run-ret-app-cv")]
    [InlineData("## Sales: companies, prospects and calls", "sales-companies-prospects-and-calls")]
    [InlineData("## The audit trail's protection (LOG-ACTIONS)", "the-audit-trails-protection-log-actions")]
    [InlineData("### RET-APP-CV", "ret-app-cv")]
    public void A_heading_is_linked_to_as_GitHub_names_its_anchor(string heading, string anchor) =>
        Assert.Contains(anchor, HeadingAnchors(heading));

    [Fact]
    public void A_hash_line_inside_a_code_block_is_no_heading() =>
        Assert.DoesNotContain("about-17-s", HeadingAnchors("```bash\n# about 17 s\n```\n"));

    private static IEnumerable<string> LinkTargets(string markdown) =>
        OutsideCodeBlocks(markdown).SelectMany(line => LinkTarget().Matches(line).Select(m => m.Groups[1].Value));

    /// <summary>
    /// The anchors GitHub gives a page's headings: lower case, punctuation other than hyphens and underscores dropped,
    /// spaces as hyphens (the suffixes of repeated headings are not needed by any link yet).
    /// </summary>
    private static HashSet<string> HeadingAnchors(string markdown) =>
        [.. OutsideCodeBlocks(markdown)
            .Where(line => line.StartsWith('#'))
            .Select(line => line.TrimStart('#').Trim().ToLowerInvariant())
            .Select(text => new string([.. text.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ')]).Replace(' ', '-'))];

    private static IEnumerable<string> OutsideCodeBlocks(string markdown)
    {
        var inCode = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            if (!inCode)
            {
                yield return line;
            }
        }
    }
}

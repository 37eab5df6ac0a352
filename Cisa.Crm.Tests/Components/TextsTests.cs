using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Components;

/// <summary>Both languages are complete: every text the pages use exists in English and in Dutch.</summary>
public sealed partial class TextsTests
{
    private static readonly string Resources = Path.Combine(RepositoryRoot.Path, "Cisa.Crm.Web", "Resources");

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void English_and_Dutch_have_the_same_texts()
    {
        var english = Keys("SharedResource.resx");
        var dutch = Keys("SharedResource.nl.resx");

        Assert.Empty(english.Except(dutch));
        Assert.Empty(dutch.Except(english));
    }

    [Fact]
    public void Every_text_a_page_asks_for_exists()
    {
        var known = Keys("SharedResource.resx");
        var used = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "Cisa.Crm.Web", "Components"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => TextKey().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(used.Except(known));
    }

    [Fact]
    public void Every_permission_has_a_name_for_refusal_messages()
    {
        var known = Keys("SharedResource.resx");
        Assert.All(Enum.GetValues<Permission>(), p => Assert.Contains($"Permission.{p}", known));
    }

    [Fact]
    public void Every_validation_code_the_core_uses_has_a_message()
    {
        var known = Keys("SharedResource.resx");
        var codes = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "Cisa.Crm.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => ValidationCode().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(codes);
        Assert.Empty(codes.Except(known.Where(k => k.StartsWith("Validation.", StringComparison.Ordinal)).Select(k => k["Validation.".Length..])));
        Assert.Contains("Error.Suppressed", known);
        Assert.Contains($"Error.{new ConcurrencyConflictException("x").Code}", known);
    }

    [Fact]
    public void Every_retention_rule_category_hold_and_run_state_has_a_text()
    {
        var known = Keys("SharedResource.resx");
        var needed = Enum.GetValues<RetentionRule>().SelectMany(r => new[] { $"Retention.Rule.{r}.Name", $"Retention.Rule.{r}.Period", $"Retention.Rule.{r}.Erases" })
            .Concat(Enum.GetValues<PersonCategory>().Select(c => $"PersonCategory.{c}"))
            .Concat(Enum.GetValues<HoldKind>().Select(k => $"HoldKind.{k}"))
            .Concat(Enum.GetValues<RunStatus>().Select(s => $"RunStatus.{s}"))
            .Concat(Enum.GetValues<SweepTrigger>().Select(t => $"SweepTrigger.{t}"));

        Assert.Empty(needed.Except(known));
    }

    [GeneratedRegex("""T\["([A-Za-z.]+)"[\],]""")]
    private static partial Regex TextKey();

    // v.Add(field, "Code" …) and new FieldError(field, "Code" …) in the core.
    [GeneratedRegex("""(?:\.Add\(|new FieldError\()[^,()]+(?:\([^)]*\))?,\s*"([A-Za-z]+)"\s*[,)]""")]
    private static partial Regex ValidationCode();
}

using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data.Bookkeeping;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Localization;

namespace Cisa.Crm.Tests.Components;

/// <summary>Both languages are complete: every text the pages use exists in English and in Dutch.</summary>
public sealed partial class TextsTests
{
    private static readonly string Resources = Path.Combine(RepositoryRoot.Path, "Cisa.Crm.Web", "Resources");

    private const string English = "SharedResource.resx";
    private const string Dutch = "SharedResource.nl.resx";

    /// <summary>
    /// Texts Dutch and English write the same way: product and company names, codes, signs, and words Dutch uses as they
    /// are (status, e-mail, prospect, team...). Any other Dutch text equal to its English one was not translated.
    /// </summary>
    private static readonly HashSet<string> SameInBothLanguages = new(StringComparer.Ordinal)
    {
        "Cisa CRM", "LinkedIn", "HR", "Menu", "Privacy", "Details", "Contact", "Voicemail", "Status", "E-mail", "e-mail",
        "Sector", "Postcode", "Website", "Prospect", "{0} prospect", "Team", "Record", "open", "is", "Operator",
        "=", "!=", ">", ">=", "<", "<=",
    };

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Keys(string file) => [.. Texts(file).Keys];

    [Fact]
    public void English_and_Dutch_have_the_same_texts()
    {
        var english = Keys("SharedResource.resx");
        var dutch = Keys("SharedResource.nl.resx");

        Assert.Empty(english.Except(dutch));
        Assert.Empty(dutch.Except(english));
    }

    [Fact]
    public void Every_text_has_a_value_in_both_languages()
    {
        Assert.Empty(Texts(English).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
        Assert.Empty(Texts(Dutch).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
    }

    [Fact]
    public void Dutch_texts_are_translated_not_copied_from_English()
    {
        var dutch = Texts(Dutch);
        var copied = Texts(English)
            .Where(t => dutch.TryGetValue(t.Key, out var nl) && nl == t.Value && !SameInBothLanguages.Contains(t.Value))
            .Select(t => $"{t.Key}: {t.Value}");

        Assert.Empty(copied);
    }

    [Fact]
    public void No_text_writes_its_plural_in_brackets()
    {
        // "gesprek(ken)", "afweging(en)", "call(s)", "cv('s)": counted texts have .One and .Other forms instead.
        var bracketed = Texts(English).Concat(Texts(Dutch)).Where(t => BracketedPlural().IsMatch(t.Value)).Select(t => $"{t.Key}: {t.Value}");

        Assert.Empty(bracketed);
    }

    [Fact]
    public void Every_counted_text_has_both_plural_forms()
    {
        var keys = Keys(English);
        // (".Other" alone is also the name of a choice, as in ProspectSource.Other.)
        var counted = keys.Where(k => k.EndsWith(".One", StringComparison.Ordinal)).Select(k => k[..^".One".Length]).ToList();

        Assert.NotEmpty(counted);
        Assert.All(counted, key => Assert.Contains($"{key}.Other", keys));
    }

    [Fact]
    public void Every_MudBlazor_text_has_our_wording_in_both_languages()
    {
        var mudBlazor = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudBlazor.MudButton).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>().Select(e => CrmMudLocalizer.Prefix + (string)e.Key).ToHashSet(StringComparer.Ordinal);
        var ours = Keys(English).Where(k => k.StartsWith(CrmMudLocalizer.Prefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        Assert.True(mudBlazor.Count > 100, $"MudBlazor's texts not found ({mudBlazor.Count}).");
        Assert.Empty(mudBlazor.Except(ours));
        Assert.Empty(ours.Except(mudBlazor));
    }

    [Fact]
    public void Every_audit_detail_the_core_writes_is_worded_in_the_trail()
    {
        var core = Path.Combine(RepositoryRoot.Path, "Cisa.Crm.Core");
        var sources = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var written = sources.SelectMany(f => DetailPart().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            // The erasers' counts: each person category erases its own records (People/*Category.cs).
            .Concat(Directory.EnumerateFiles(Path.Combine(core, "People"), "*Category.cs")
                .SelectMany(f => ErasedCount().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)))
            .Append("scheme") // written by the web layer on sign-in
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("outcome", written);
        Assert.Contains("calls_anonymised", written);
        Assert.Empty(written.Except(AuditWording.KnownParts));

        var texts = Keys(English);
        bool Worded(string key) => texts.Contains($"Audit.Detail.{key}") || texts.Contains($"Request.Result.{key}");
        Assert.All(AuditWording.KnownParts.Except(AuditWording.HiddenParts).Except(AuditWording.CountedParts), p => Assert.True(Worded(p), p));
        Assert.All(AuditWording.CountedParts, p => Assert.True(Worded($"{p}.One") && Worded($"{p}.Other"), p));
        Assert.All(AuditWording.Words, w => Assert.True(Worded(w), w));
    }

    [Fact]
    public void Every_audit_action_record_and_changed_field_has_a_name()
    {
        var core = Path.Combine(RepositoryRoot.Path, "Cisa.Crm.Core");
        var sources = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        var texts = Keys(English);

        var actions = typeof(AuditActions).GetFields().Select(f => (string)f.GetValue(null)!)
            .Concat(sources.SelectMany(s => ActionLiteral().Matches(s).Select(m => m.Groups[1].Value)))
            .Concat(Enum.GetValues<DecisionAction>().Select(a => $"SubjectRequest.{a}"))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Call.Logged", actions);
        Assert.All(actions, a => Assert.Contains($"Action.{a}", texts));

        var records = Enum.GetNames<AuditSubjectKind>().Concat(Enum.GetNames<PersonCategory>()).Concat(["Call", "Session", "Demo", "AuditTrail"]);
        Assert.All(records, r => Assert.Contains($"Audit.Entity.{r}", texts));

        // FieldChanges.Apply("Name", ...) and Apply(nameof(X.Name), ...): the names the trail lists as changed.
        var fields = sources.SelectMany(s => ChangedField().Matches(s).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value))
            .ToHashSet(StringComparer.Ordinal);

        // FieldChanges.Of reads the rest from EF's change tracker: on the records edited field by field, every property
        // the core changes on a loaded record (x.Name = ...) unless it is bookkeeping, and every list of parts.
        var assigned = sources.SelectMany(s => AssignedProperty().Matches(s).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        Type[] edited = [typeof(Prospect), typeof(Company), typeof(Applicant), typeof(PartnerContact), typeof(Call), typeof(LegitimateInterestAssessment)];
        fields.UnionWith(edited.SelectMany(t => t.GetProperties())
            .Where(p => p.Name is not ("Id" or nameof(IStamped.CreatedAtUtc) or nameof(IStamped.UpdatedAtUtc) or nameof(IVersioned.ConcurrencyStamp))
                && p.GetCustomAttribute<NotAnEditAttribute>() is null)
            .Where(p => assigned.Contains(p.Name) || IsListOfParts(p.PropertyType))
            .Select(p => p.Name));
        Assert.Contains("LastName", fields);
        Assert.Contains("Report", fields);
        Assert.Contains("Emails", fields);
        Assert.All(fields, f => Assert.Contains($"Field.{f}", texts));
    }

    [Fact]
    public void Every_counted_text_a_page_asks_for_has_both_forms()
    {
        var known = Keys(English);
        var web = Path.Combine(RepositoryRoot.Path, "Cisa.Crm.Web");
        var counted = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || (f.EndsWith(".cs", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            .SelectMany(file => PluralKey().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Find.Calls", counted);
        Assert.All(counted, k => Assert.True(known.Contains($"{k}.One") && known.Contains($"{k}.Other"), k));
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

    [GeneratedRegex("""\.Plural\("([A-Za-z.]+)",""")]
    private static partial Regex PluralKey();

    [GeneratedRegex(@"\w\((?:s|es|en|n|e|ken|'s)\)")]
    private static partial Regex BracketedPlural();

    // "key={value}" or "key=" + ... inside the strings the core writes as audit details.
    [GeneratedRegex(@"(?:""|;\s?)([a-zA-Z_]+)=(?:\{|"")")]
    private static partial Regex DetailPart();

    // ("calls_anonymised", count) in the erasers' counts.
    [GeneratedRegex(@"\(""([a-z_]+)"", ")]
    private static partial Regex ErasedCount();

    [GeneratedRegex(@"RecordAsync\(db, [A-Za-z.]+, ""([A-Za-z]+\.[A-Za-z]+)""")]
    private static partial Regex ActionLiteral();

    private static bool IsListOfParts(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) && type.GetGenericArguments()[0].IsAssignableTo(typeof(IPartOfRecord));

    // "prospect.Email = ..." on a loaded record.
    [GeneratedRegex(@"\w\.([A-Z][A-Za-z]+) = ")]
    private static partial Regex AssignedProperty();

    [GeneratedRegex(@"changes\.Apply(?:<[^>]+>)?\((?:nameof\((?:[A-Za-z]+\.)*([A-Za-z]+)\)|""([A-Za-z]+)"")")]
    private static partial Regex ChangedField();

    // v.Add(field, "Code" …) and new FieldError(field, "Code" …) in the core.
    [GeneratedRegex("""(?:\.Add\(|new FieldError\()[^,()]+(?:\([^)]*\))?,\s*"([A-Za-z]+)"\s*[,)]""")]
    private static partial Regex ValidationCode();
}

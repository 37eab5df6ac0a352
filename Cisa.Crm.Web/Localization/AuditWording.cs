using System.Globalization;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Privacy.Retention;
using Microsoft.Extensions.Localization;

namespace Cisa.Crm.Web.Localization;

/// <summary>
/// How people read the audit trail (LOG-ACTIONS): an action's name ("Signed in", not <c>Session.SignIn</c>), the record
/// it is about ("Prospect #32") and where that record opens, and the core's details (<c>prospect=32;outcome=Reached</c>)
/// as words in the reader's language ("prospect #32 · outcome: Reached"). The details hold ids, counts, choices and field
/// names, never personal data, so nothing here can show any. A part without a text is shown as written, never dropped.
/// The subject-request page words what carrying out a decision did with the same parts (<see cref="Result"/>).
/// </summary>
public static class AuditWording
{
    /// <summary>The texts of the request results: what erasing, rectifying or restricting a person did.</summary>
    private const string ResultTexts = "Request.Result";

    private const string DetailTexts = "Audit.Detail";

    /// <summary>Actions whose details are the results of erasing or changing a person, worded as on the request page.</summary>
    private static readonly HashSet<string> PersonResultActions = new(StringComparer.Ordinal)
    {
        AuditActions.RetentionErased, "SubjectRequest.Erase", "SubjectRequest.EraseAndSuppress", "SubjectRequest.Rectify",
        "SubjectRequest.Restrict", "SubjectRequest.Exempt", "Restriction.Lifted",
    };

    private enum Shape
    {
        /// <summary>A number of things, in its plural form: "3 calls".</summary>
        Count,

        /// <summary>Another record by its number: "request #5".</summary>
        Reference,

        /// <summary>A range of record numbers: "records #12 to #40".</summary>
        Range,

        /// <summary>A calendar day (written yyyy-MM-dd), in the reader's format.</summary>
        Date,

        /// <summary>One of a closed list, worded through the list's own texts.</summary>
        Choice,

        /// <summary>Field names, each worded: "changed: First name, E-mail".</summary>
        Fields,

        /// <summary>A file size in bytes.</summary>
        Size,

        /// <summary>A technical value shown as written (an error's type).</summary>
        Text,

        /// <summary>Says nothing to a reader (the sign-in's cookie scheme is always the same): left out.</summary>
        Hidden,
    }

    /// <summary>Each detail part the core writes, by its shape; listed shape by shape, each part once.</summary>
    private static readonly Dictionary<string, Shape> Shapes = new (Shape Shape, string[] Parts)[]
    {
        (Shape.Count, ["companies", "assessments", "prospects", "calls", "contacts", "disclosures", "applicants", "created", "skipped",
            "rows", "found", "records", "decisions", "applications", "cvs", "cv", "partner_contacts", "calls_anonymised", "held", "entries",
            "months", "emails", "phones", "addresses"]),
        (Shape.Reference, ["prospect", "company", "procedure", "assessment", "request", "disclosure", "hold", "run", "application",
            "recipient", "to", "broken_at"]),
        (Shape.Range, ["ids"]),
        (Shape.Date, ["received", "due", "ended", "asOf"]),
        (Shape.Choice, ["type", "outcome", "source", "kind", "basis", "purpose", "rule", "trigger", "status", "method", "action", "ground",
            "reason", "rights", "channel", "language"]),
        (Shape.Fields, ["fields"]),
        (Shape.Size, ["bytes"]),
        (Shape.Text, ["error"]),
        (Shape.Hidden, ["scheme"]),
    }.SelectMany(group => group.Parts, (group, part) => (part, group.Shape)).ToDictionary(StringComparer.Ordinal);

    /// <summary>Every detail part the core writes (<c>key=value</c>), for the tests that each is known and worded.</summary>
    public static IReadOnlyCollection<string> KnownParts => Shapes.Keys;

    /// <summary>The known parts a reader never sees.</summary>
    public static IEnumerable<string> HiddenParts => Shapes.Where(s => s.Value == Shape.Hidden).Select(s => s.Key);

    /// <summary>The parts that are counted (texts with <c>.One</c> and <c>.Other</c> forms).</summary>
    public static IEnumerable<string> CountedParts => Shapes.Where(s => s.Value == Shape.Count).Select(s => s.Key);

    /// <summary>The bare words the core writes (<c>restricted</c>, <c>intact</c>...), each with a text.</summary>
    public static IReadOnlyCollection<string> Words { get; } = ["intact", "broken", "restricted", "unrestricted", "suppressed", "gone"];

    /// <summary>An action's readable name (<c>Action.{code}</c>); an action without a text shows its code.</summary>
    public static string Action(IStringLocalizer text, string action) =>
        text[$"Action.{action}"] is { ResourceNotFound: false } name ? name.Value : action;

    /// <summary>The record an entry is about: "Prospect #32", "Session".</summary>
    public static string Record(IStringLocalizer text, string entityType, string? entityId)
    {
        var type = text[$"Audit.Entity.{entityType}"] is { ResourceNotFound: false } name ? name.Value : entityType;
        return entityId is null ? type : text["Audit.Record", type, entityId].Value;
    }

    /// <summary>Where the record opens; the core only names a subject that exists and that the reader may open.</summary>
    public static string? Href(AuditSubject? subject) => subject?.Kind switch
    {
        AuditSubjectKind.Prospect => $"/prospects/{subject.Id}",
        AuditSubjectKind.PartnerContact => $"/contacts/{subject.Id}",
        AuditSubjectKind.Applicant => $"/hr/applicants/{subject.Id}",
        AuditSubjectKind.Company => $"/companies/{subject.Id}",
        AuditSubjectKind.SubjectRequest => $"/privacy/requests/{subject.Id}",
        AuditSubjectKind.Procedure => $"/hr/procedures/{subject.Id}",
        // These have no page of their own: their list shows them.
        AuditSubjectKind.Assessment => "/privacy/assessments",
        AuditSubjectKind.RetentionRun => "/privacy/retention",
        _ => null,
    };

    /// <summary>An entry's details as words, parts separated by " · ".</summary>
    public static string Details(IStringLocalizer text, string action, string? details) =>
        Worded(text, action, details, PersonResultActions.Contains(action) ? ResultTexts : null);

    /// <summary>
    /// What carrying out a decision did, from the core's result (<c>applications=1;cv=1</c>, <c>exempt;restricted</c>), as
    /// the request page shows it.
    /// </summary>
    public static string Result(IStringLocalizer text, string? result) => Worded(text, "", result, ResultTexts);

    private static string Worded(IStringLocalizer text, string action, string? details, string? scope)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return "";
        }

        var parts = details.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse)
            // "exempt" only repeats what the decision or the action already says.
            .Where(part => part.Key != "exempt")
            .Select(part => Word(text, action, scope, part.Key, part.Value))
            .Where(word => word.Length > 0);
        return string.Join(" · ", parts);
    }

    private static (string Key, string? Value) Parse(string part)
    {
        var at = part.IndexOf('=', StringComparison.Ordinal);
        if (at >= 0)
        {
            return (part[..at], part[(at + 1)..]);
        }

        // Older chain checks wrote "broken at 7".
        const string brokenAt = "broken at ";
        return part.StartsWith(brokenAt, StringComparison.Ordinal) ? ("broken_at", part[brokenAt.Length..]) : (part, null);
    }

    private static string Word(IStringLocalizer text, string action, string? scope, string key, string? value)
    {
        var raw = value is null ? key : $"{key}={value}";
        if (value is null)
        {
            return Formatted(text, scope, key, raw);
        }

        if (!Shapes.TryGetValue(key, out var shape))
        {
            return raw;
        }

        switch (shape)
        {
            case Shape.Hidden:
                return "";
            case Shape.Count:
                return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && KeyOf(text, scope, key, ".One") is { } counted
                    ? text.Plural(counted, count).Value
                    : raw;
            case Shape.Range:
                var ends = value.Split('-');
                return ends.Length == 2 ? Formatted(text, scope, key, raw, ends[0], ends[1]) : raw;
            case Shape.Date:
                return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? Formatted(text, scope, key, raw, day.ToString("d", CultureInfo.CurrentCulture))
                    : raw;
            case Shape.Choice:
                return Formatted(text, scope, key, raw, Chosen(text, action, key, value));
            case Shape.Fields:
                var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => FieldName(text, f)).ToList();
                return names.Count == 0 ? Formatted(text, scope, "fields.None", raw) : Formatted(text, scope, key, raw, string.Join(", ", names));
            case Shape.Size:
                return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) ? Formatted(text, scope, key, raw, Size(bytes)) : raw;
            default:
                return Formatted(text, scope, key, raw, value);
        }
    }

    /// <summary>
    /// The resource key for a part: the scope's own (request results) first, then the trail's general one; null when
    /// neither has a text (<paramref name="suffix"/> is the plural form a counted text must have).
    /// </summary>
    private static string? KeyOf(IStringLocalizer text, string? scope, string key, string suffix = "")
    {
        string[] candidates = scope is null ? [$"{DetailTexts}.{key}"] : [$"{scope}.{key}", $"{DetailTexts}.{key}"];
        return candidates.FirstOrDefault(candidate => !text[candidate + suffix].ResourceNotFound);
    }

    private static string Formatted(IStringLocalizer text, string? scope, string key, string raw, params object[] arguments) =>
        KeyOf(text, scope, key) is { } found ? text[found, arguments].Value : raw;

    /// <summary>A value of a closed list in the list's own words; a value without a text stays as written.</summary>
    private static string Chosen(IStringLocalizer text, string action, string key, string value)
    {
        string Named(string prefix, string item) => text[$"{prefix}.{item.Trim()}"] is { ResourceNotFound: false } name ? name.Value : item.Trim();
        string All(string prefix) => string.Join(", ", value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(item => Named(prefix, item)));

        return key switch
        {
            // A company's type, a change of type ("Prospect->Customer") or a CV's file format.
            "type" when value.Contains("->", StringComparison.Ordinal) =>
                string.Join(" → ", value.Split("->").Select(t => Named("CompanyType.One", t))),
            "type" when value.Contains('/', StringComparison.Ordinal) => FileFormat(value),
            "type" => Named("CompanyType.One", value),
            "source" => Named(action.StartsWith("Applicant.", StringComparison.Ordinal) ? "ApplicantSource" : "ProspectSource", value),
            "kind" => Named(action.StartsWith("Retention.", StringComparison.Ordinal) ? "HoldKind" : "ProcedureKind", value),
            "outcome" => Named("CallOutcome", value),
            "basis" => Named("LawfulBasis", value),
            "purpose" => Named("AssessmentPurpose", value),
            "trigger" => Named("SweepTrigger", value),
            "status" => Named("RunStatus", value),
            "method" => Named("Request.IdentityMethod", value),
            "action" => Named("Request.Action", value),
            "ground" => Named("Request.Ground", value),
            "reason" => Named("Request.LiftReason", value),
            "channel" => Named("Request.Channel", value),
            "language" => Named("Language", value),
            "rights" => All("Request.Right"),
            "rule" => RuleName(text, value),
            _ => value,
        };
    }

    /// <summary>A retention rule by its plain name, its id (RET-APP-CV) after it for the privacy officer.</summary>
    private static string RuleName(IStringLocalizer text, string id) =>
        Enum.GetValues<RetentionRule>().Where(r => r.Id() == id).Select(r => $"{text[$"Retention.Rule.{r}.Name"].Value} ({id})").DefaultIfEmpty(id).First();

    /// <summary>A changed field's name in the reader's language (the form's label), or as the core wrote it.</summary>
    private static string FieldName(IStringLocalizer text, string field) =>
        text[$"Field.{field}"] is { ResourceNotFound: false } name ? name.Value
        : text[$"DisclosedField.{field}"] is { ResourceNotFound: false } disclosed ? disclosed.Value
        : field;

    private static string FileFormat(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Word (DOCX)",
        _ => contentType,
    };

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.CurrentCulture, $"{Math.Max(1, (bytes + 1023) / 1024):N0} kB")
        : string.Create(CultureInfo.CurrentCulture, $"{bytes / (1024.0 * 1024.0):N1} MB");
}

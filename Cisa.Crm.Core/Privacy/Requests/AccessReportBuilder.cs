using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>Builds the DSR-ACCESS report of the confirmed records: data, purpose, basis, source, recipients, retention, rights.</summary>
/// <remarks>Each category writes its own record (<see cref="IPersonCategory.AccessReportAsync"/>); this puts them together.</remarks>
public sealed class AccessReportBuilder(CrmDbContext db, RetentionOptions retention, DateOnly today, PersonRegistry registry)
{
    internal CrmDbContext Db => db;

    internal RetentionOptions Retention => retention;

    internal DateOnly Today => today;

    public async Task<AccessReport> BuildAsync(SubjectRequest request, IReadOnlyList<PersonRef> people, CancellationToken cancellationToken)
    {
        var language = request.Language;
        var records = new List<ReportRecord>();
        foreach (var person in people)
        {
            var record = await registry[person.Category].AccessReportAsync(this, language, person.Id, cancellationToken);
            if (record is not null)
            {
                records.Add(record);
            }
        }

        string T(string key, params object[] args) => AccessReportTexts.Get(language, key, args);
        var general = new List<ReportEntry>
        {
            new(T("Categories"), records.Count == 0 ? T("NoRecords") : string.Join(", ", records.Select(r => r.Category).Distinct())),
            new(T("Rights"), T("Rights.Text")),
            new(T("Authority"), T("Authority.Text")),
            new(T("Controller"), T("ControllerContact")),
        };
        return new AccessReport(request.Reference, language == ReplyLanguage.Dutch ? "nl" : "en", today, T("Title"),
            T("Intro", request.Reference, AccessReportTexts.Date(language, request.ReceivedOn)), request.RequesterName, records, general);
    }

    /// <summary>The disclosed fields (stored as <c>FirstName,Email</c>) in words.</summary>
    internal static string FieldNames(ReplyLanguage language, string fields) =>
        string.Join(", ", fields.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => Enum.TryParse<DisclosedField>(f, out var field) ? AccessReportTexts.Name(language, field) : f));

    internal static string? Phone(string? e164) => e164 is null ? null : ContactNormaliser.DisplayPhone(e164);

    internal static string When(ReplyLanguage language, DateTime utc) =>
        BrusselsTime.FromUtc(utc).ToString("d MMMM yyyy HH:mm", AccessReportTexts.Culture(language));
}

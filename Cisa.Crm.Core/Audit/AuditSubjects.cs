using System.Globalization;
using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Audit;

/// <summary>
/// Finds, for a page of audit entries, the records they are about that still exist and that the reader may open,
/// so the audit browser links to them. An erased person has no page any more: their entries stay, without a link.
/// A call has no page of its own; its entries lead to the call's prospect. One query per kind of record on the page.
/// </summary>
internal static class AuditSubjects
{
    /// <summary>The entity types written to the trail, each with the kind of page it opens on and who may open it.</summary>
    private static readonly Dictionary<string, (AuditSubjectKind Kind, Permission Needs)> Pages = new(StringComparer.Ordinal)
    {
        ["Prospect"] = (AuditSubjectKind.Prospect, Permission.ProspectsRead),
        [PartnerContactService.EntityType] = (AuditSubjectKind.PartnerContact, Permission.PartnerContactsRead),
        [ApplicantService.EntityType] = (AuditSubjectKind.Applicant, Permission.ApplicantsRead),
        ["Company"] = (AuditSubjectKind.Company, Permission.CompaniesRead),
        [RequestRules.EntityType] = (AuditSubjectKind.SubjectRequest, Permission.SubjectRequestsManage),
        ["Assessment"] = (AuditSubjectKind.Assessment, Permission.AssessmentsManage),
        [ProcedureService.EntityType] = (AuditSubjectKind.Procedure, Permission.ApplicantsRead),
        ["RetentionRun"] = (AuditSubjectKind.RetentionRun, Permission.RetentionRead),
    };

    private const string Call = "Call";

    public static async Task<IReadOnlyDictionary<long, AuditSubject>> ResolveAsync(CrmDbContext db, CrmActor actor,
        IReadOnlyList<AuditEntryRow> entries, CancellationToken cancellationToken)
    {
        var subjects = new Dictionary<long, AuditSubject>();
        var byType = entries
            .Select(e => (Entry: e, RecordId: long.TryParse(e.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null))
            .Where(e => e.RecordId is not null)
            .GroupBy(e => e.Entry.EntityType, StringComparer.Ordinal);
        foreach (var group in byType)
        {
            var ids = group.Select(e => e.RecordId!.Value).Distinct().ToList();
            if (group.Key == Call)
            {
                if (!actor.Has(Permission.ProspectsRead))
                {
                    continue;
                }

                // An anonymised call (its prospect erased) has no prospect and so no link.
                var prospects = await db.Calls.AsNoTracking()
                    .Where(c => ids.Contains(c.Id) && c.ProspectId != null)
                    .Select(c => new { c.Id, ProspectId = c.ProspectId!.Value })
                    .ToDictionaryAsync(c => c.Id, c => c.ProspectId, cancellationToken);
                foreach (var (entry, callId) in group)
                {
                    if (prospects.TryGetValue(callId!.Value, out var prospectId))
                    {
                        subjects[entry.Id] = new AuditSubject(AuditSubjectKind.Prospect, prospectId);
                    }
                }

                continue;
            }

            if (!Pages.TryGetValue(group.Key, out var page) || !actor.Has(page.Needs))
            {
                continue;
            }

            // Every record with a page has an int key; calls (long) are handled above.
            var keys = ids.Where(id => id <= int.MaxValue).Select(id => (int)id).ToList();
            var existing = (await ExistingAsync(db, page.Kind, keys, cancellationToken)).ToHashSet();
            foreach (var (entry, recordId) in group.Where(e => e.RecordId <= int.MaxValue && existing.Contains((int)e.RecordId!.Value)))
            {
                subjects[entry.Id] = new AuditSubject(page.Kind, (int)recordId!.Value);
            }
        }

        return subjects;
    }

    private static Task<List<int>> ExistingAsync(CrmDbContext db, AuditSubjectKind kind, List<int> ids, CancellationToken cancellationToken) => kind switch
    {
        AuditSubjectKind.Prospect => db.Prospects.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken),
        AuditSubjectKind.PartnerContact => db.PartnerContacts.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken),
        AuditSubjectKind.Applicant => db.Applicants.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken),
        AuditSubjectKind.Company => db.Companies.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken),
        AuditSubjectKind.SubjectRequest => db.SubjectRequests.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken),
        AuditSubjectKind.Assessment => db.Assessments.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken),
        AuditSubjectKind.Procedure => db.SelectionProcedures.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken),
        AuditSubjectKind.RetentionRun => db.RetentionRuns.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken),
        _ => Task.FromResult(new List<int>()),
    };
}

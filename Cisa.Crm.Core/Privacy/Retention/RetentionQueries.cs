using Cisa.Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Privacy.Retention;

/// <summary>
/// What each rule finds due on a given Brussels day, as queries the database answers through its
/// indexes. The preview, the sweep and the dashboard all ask here, so they can never disagree.
/// </summary>
internal sealed class RetentionQueries(CrmDbContext db, DateOnly asOf, RetentionOptions options)
{
    /// <summary>Every due record of the rule, held or not.</summary>
    public IQueryable<int> Due(RetentionRule rule) => rule switch
    {
        RetentionRule.Prospect => ProspectsDue(),
        RetentionRule.PartnerContact => PartnerContactsDue(),
        RetentionRule.ApplicantContact => ApplicantsDue(RetentionRule.ApplicantContact),
        // The CV alone, for applicants whose contact details are not due yet (those go whole).
        RetentionRule.ApplicantCv => ApplicantsDue(RetentionRule.ApplicantCv)
            .Where(id => db.ApplicantCvs.Any(cv => cv.ApplicantId == id))
            .Except(ApplicantsDue(RetentionRule.ApplicantContact)),
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    /// <summary>Due and not under an active hold: what a sweep erases.</summary>
    public IQueryable<int> Erasable(RetentionRule rule)
    {
        var category = rule.Category();
        return Due(rule).Where(id => !db.RetentionHolds.Any(h => h.Category == category && h.PersonId == id && h.ReleasedAtUtc == null));
    }

    /// <summary>Due but kept back by an active hold.</summary>
    public IQueryable<RetentionHold> Held(RetentionRule rule)
    {
        var category = rule.Category();
        var due = Due(rule);
        return db.RetentionHolds.Where(h => h.Category == category && h.ReleasedAtUtc == null && due.Contains(h.PersonId));
    }

    /// <summary>Per rule: how many records are due and how many of those a hold keeps back (preview, dashboard, sweep).</summary>
    public async Task<IReadOnlyList<RuleCount>> CountsAsync(CancellationToken cancellationToken)
    {
        var counts = new List<RuleCount>();
        foreach (var rule in RetentionRules.All)
        {
            counts.Add(new RuleCount(rule, await Due(rule).CountAsync(cancellationToken), await Held(rule).Select(h => h.PersonId).Distinct().CountAsync(cancellationToken)));
        }

        return counts;
    }

    /// <summary>RET-PROSPECT: last call and last update both before the first instant that is not yet due.</summary>
    private IQueryable<int> ProspectsDue()
    {
        var notDueFrom = RetentionPolicy.ProspectNotDueFromUtc(asOf, options);
        return db.Prospects
            .Where(p => p.UpdatedAtUtc < notDueFrom && (p.LastCallAtUtc == null || p.LastCallAtUtc < notDueFrom))
            .Select(p => p.Id);
    }

    /// <summary>RET-PARTNER: the relationship with the contact's company ended long enough ago; none while it runs.</summary>
    private IQueryable<int> PartnerContactsDue()
    {
        var endedBy = RetentionPolicy.LatestAnchorDueBy(RetentionRule.PartnerContact, asOf, options);
        var companies = db.Companies.Where(c => c.RelationshipEndedOn != null && c.RelationshipEndedOn <= endedBy).Select(c => c.Id);
        return db.PartnerContacts.Where(p => companies.Contains(p.CompanyId)).Select(p => p.Id);
    }

    /// <summary>RET-APP-*: every procedure the applicant is in has ended, the last one long enough ago.</summary>
    private IQueryable<int> ApplicantsDue(RetentionRule rule)
    {
        var endedBy = RetentionPolicy.LatestAnchorDueBy(rule, asOf, options);
        var stillOpen = db.Applications.Where(a => a.Procedure!.EndedOn == null).Select(a => a.ApplicantId);
        var endedRecently = db.Applications.Where(a => a.Procedure!.EndedOn > endedBy).Select(a => a.ApplicantId);
        return db.Applications.Select(a => a.ApplicantId).Distinct()
            .Except(stillOpen)
            .Except(endedRecently);
    }
}

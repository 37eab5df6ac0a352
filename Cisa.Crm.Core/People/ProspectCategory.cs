using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Erasure;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.People;

/// <summary>CAT-PROSPECT: a person at a company the firm wants as a customer; e-mail, office and mobile number on the row.</summary>
internal sealed class ProspectCategory() : PersonCategoryBase<Prospect>(
    PersonCategory.Prospect,
    Permission.ProspectsRead,
    "ContactPhone",
    [RetentionRule.Prospect],
    new PersonSearchTable(
        "Prospects",
        "(SELECT c.Name FROM Companies c WHERE c.Id = t.CompanyId)",
        "t.Phone = $phone OR t.Mobile = $phone",
        match => (match.Replace("{column}", "t.Email", StringComparison.Ordinal), "t.Email")))
{
    public override string PagePath(int id) => $"/prospects/{id}";

    public override Task<List<PersonLabel>> LabelsAsync(CrmDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        db.Prospects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new PersonLabel(new PersonRef(PersonCategory.Prospect, p.Id), p.FirstName + " " + p.LastName, p.Company!.Name, p.IsRestricted))
            .ToListAsync(cancellationToken);

    public override async Task<Dictionary<int, RetentionAnchor>> RetentionAnchorsAsync(CrmDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.Prospects.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.UpdatedAtUtc, p.LastCallAtUtc }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, p => new RetentionAnchor(p.UpdatedAtUtc, p.LastCallAtUtc, null));

    protected override (IReadOnlyList<string> Emails, IReadOnlyList<string> Phones) ContactPoints(Prospect record) =>
        (Present(record.Email), Present(record.Phone, record.Mobile));

    protected override void RectifyContactPoints(Prospect record, RequestDecision decision, FieldChanges changes, DateTime now)
    {
        changes.Apply("Email", record.Email, decision.NewEmail ?? record.Email, v => record.Email = v);
        changes.Apply("Phone", record.Phone, decision.NewPhone ?? record.Phone, v => record.Phone = v);
        record.UpdatedAtUtc = now;
    }

    /// <summary>The prospect goes; their calls stay for the statistics, anonymised (no link, report or follow-up).</summary>
    public override async Task<IReadOnlyList<ErasedPerson>> EraseAsync(CrmDbContext db, int[] batch, CancellationToken cancellationToken)
    {
        var calls = await PersonEraser.CountPerPersonAsync(db.Calls.Where(c => c.ProspectId != null && EF.Parameter(batch).Contains(c.ProspectId.Value)).Select(c => c.ProspectId!.Value), cancellationToken);
        await db.Calls.Where(c => c.ProspectId != null && EF.Parameter(batch).Contains(c.ProspectId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ProspectId, (int?)null).SetProperty(c => c.Report, "").SetProperty(c => c.FollowUpOn, (DateOnly?)null), cancellationToken);
        await PersonEraser.DeleteHoldsAsync(db, Category, batch, cancellationToken);
        var deleted = await db.Prospects.Where(p => EF.Parameter(batch).Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        await db.Prospects.Where(p => EF.Parameter(batch).Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        return deleted.Select(id => PersonEraser.Erased(Category, id, ("calls_anonymised", calls.GetValueOrDefault(id)))).ToList();
    }

    public override async Task<List<FoundPerson>> FoundAsync(CrmDbContext db, IReadOnlyDictionary<int, MatchedOn> matches, CancellationToken cancellationToken)
    {
        var ids = matches.Keys.ToList();
        var prospects = await db.Prospects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.FirstName, p.LastName, Company = p.Company!.Name, p.Email, p.Phone, p.Mobile, p.IsRestricted,
                Calls = db.Calls.Count(c => c.ProspectId == p.Id),
            })
            .ToListAsync(cancellationToken);
        return prospects.Select(p => new FoundPerson(new PersonRef(Category, p.Id), $"{p.FirstName} {p.LastName}", p.Company,
            Present(p.Email), Present(p.Phone, p.Mobile), matches[p.Id], p.Calls, 0, 0, false, p.IsRestricted)).ToList();
    }

    public override IEnumerable<(string TextKey, int? Count)> Related(FoundPerson found) => [("Find.Calls", found.Calls)];

    public override async Task<ReportRecord?> AccessReportAsync(AccessReportBuilder report, ReplyLanguage language, int id, CancellationToken cancellationToken)
    {
        var (db, retention) = (report.Db, report.Retention);
        string T(string key, params object[] args) => AccessReportTexts.Get(language, key, args);
        var p = await db.Prospects.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { Prospect = x, Company = x.Company!.Name, x.Assessment!.Title, x.Assessment.InterestPursued })
            .SingleOrDefaultAsync(cancellationToken);
        if (p is null)
        {
            return null;
        }

        var prospect = p.Prospect;
        var calls = await db.Calls.AsNoTracking().Where(c => c.ProspectId == id).OrderBy(c => c.OccurredAtUtc)
            .Select(c => new { c.OccurredAtUtc, c.Outcome, c.Report }).ToListAsync(cancellationToken);
        var source = T("Source." + prospect.Source) + (prospect.SourceDetail is { } detail ? $" ({detail})" : "");
        var entries = new List<ReportEntry>
        {
            new(T("Name"), $"{prospect.FirstName} {prospect.LastName}"),
            new(T("JobTitle"), prospect.JobTitle ?? T("None")),
            new(T("Company"), p.Company),
            new(T("Email"), prospect.Email ?? T("None")),
            new(T("Phone"), AccessReportBuilder.Phone(prospect.Phone) ?? T("None")),
            new(T("Mobile"), AccessReportBuilder.Phone(prospect.Mobile) ?? T("None")),
            new(T("Language"), AccessReportTexts.Name(language, prospect.PreferredLanguage)),
            new(T("Purpose"), T("Purpose.Prospect")),
            new(T("LawfulBasis"), T("Basis.LegitimateInterest")),
            new(T("LegitimateInterest"), $"{p.InterestPursued} — {prospect.LegitimateInterestNote.Text}"),
            new(T("Source"), source),
            new(T("Recipients"), T("Recipients.None")),
            new(T("Retention"), T("Retention.Prospect", retention.ProspectYearsAfterLastActivity,
                AccessReportTexts.Date(language, RetentionPolicy.ProspectExpiry(prospect.UpdatedAtUtc, prospect.LastCallAtUtc, retention)))),
            new(T("Restricted"), prospect.IsRestricted ? T("Yes") : T("No")),
        };
        var lists = new List<ReportList>
        {
            new(T("Calls"), [T("Col.When"), T("Col.Outcome"), T("Col.Report")],
                calls.Select(c => (IReadOnlyList<string>)[AccessReportBuilder.When(language, c.OccurredAtUtc), AccessReportTexts.Name(language, c.Outcome), c.Report]).ToList()),
        };
        return new ReportRecord(T("Category.Prospect"), $"{prospect.FirstName} {prospect.LastName} — {p.Company}", entries, lists);
    }
}

using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Privacy;
using Cisa.Crm.Core.Privacy.Erasure;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.People;

/// <summary>
/// CAT-PARTNER: a contact at a partner company; e-mails, numbers and postal addresses in tables of their own, and the
/// only category disclosed to recipients (so the only one with recipients to notify, DSR-NOTIFY).
/// </summary>
internal sealed class PartnerContactCategory() : PersonCategoryBase<PartnerContact>(
    PersonCategory.PartnerContact,
    Permission.PartnerContactsRead,
    "Contacts",
    [RetentionRule.PartnerContact],
    new PersonSearchTable(
        "PartnerContacts",
        "(SELECT c.Name FROM Companies c WHERE c.Id = t.CompanyId)",
        "t.Id IN (SELECT n.PartnerContactId FROM PartnerContactPhones n WHERE n.Number = $phone)",
        match => ($"t.Id IN (SELECT e.PartnerContactId FROM PartnerContactEmails e WHERE {match.Replace("{column}", "e.Address", StringComparison.Ordinal)} ORDER BY e.Address LIMIT $limit)", "t.Id")))
{
    public override string PagePath(int id) => $"/contacts/{id}";

    public override Task<List<PersonLabel>> LabelsAsync(CrmDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        db.PartnerContacts.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new PersonLabel(new PersonRef(PersonCategory.PartnerContact, p.Id), p.FirstName + " " + p.LastName, p.Company!.Name, p.IsRestricted))
            .ToListAsync(cancellationToken);

    public override async Task<Dictionary<int, RetentionAnchor>> RetentionAnchorsAsync(CrmDbContext db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        (await db.PartnerContacts.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Company!.RelationshipEndedOn }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, c => new RetentionAnchor(null, null, c.RelationshipEndedOn));

    protected override IQueryable<PartnerContact> WithContactPoints(IQueryable<PartnerContact> people) => people.Include(p => p.Emails).Include(p => p.Phones);

    protected override (IReadOnlyList<string> Emails, IReadOnlyList<string> Phones) ContactPoints(PartnerContact record) =>
        (record.Emails.Select(e => e.Address).ToList(), record.Phones.Select(e => e.Number).ToList());

    /// <summary>The first (primary) address or number is rectified, or added when there is none.</summary>
    protected override void RectifyContactPoints(PartnerContact record, RequestDecision decision, FieldChanges changes, DateTime now)
    {
        if (decision.NewEmail is { } email && record.Emails.All(e => e.Address != email))
        {
            if (record.Emails.OrderBy(e => e.Id).FirstOrDefault() is { } primary)
            {
                primary.Address = email;
            }
            else
            {
                record.Emails.Add(new PartnerContactEmail { Address = email });
            }

            changes.Apply("Email", 0, 1, _ => { });
        }

        if (decision.NewPhone is { } phone && record.Phones.All(e => e.Number != phone))
        {
            if (record.Phones.OrderBy(e => e.Id).FirstOrDefault() is { } primary)
            {
                primary.Number = phone;
            }
            else
            {
                record.Phones.Add(new PartnerContactPhone { Number = phone, Kind = PhoneKind.Office });
            }

            changes.Apply("Phone", 0, 1, _ => { });
        }

        record.UpdatedAtUtc = now;
    }

    /// <summary>The contact with e-mails, phones, addresses and disclosures goes; an applicant naming them as agency contact stays, unlinked.</summary>
    public override async Task<IReadOnlyList<ErasedPerson>> EraseAsync(CrmDbContext db, int[] batch, CancellationToken cancellationToken)
    {
        var disclosures = await PersonEraser.CountPerPersonAsync(db.Disclosures.Where(d => EF.Parameter(batch).Contains(d.PartnerContactId)).Select(d => d.PartnerContactId), cancellationToken);
        var emails = await PersonEraser.CountPerPersonAsync(db.PartnerContactEmails.Where(e => EF.Parameter(batch).Contains(e.PartnerContactId)).Select(e => e.PartnerContactId), cancellationToken);
        var phones = await PersonEraser.CountPerPersonAsync(db.PartnerContactPhones.Where(e => EF.Parameter(batch).Contains(e.PartnerContactId)).Select(e => e.PartnerContactId), cancellationToken);
        await db.Disclosures.Where(d => EF.Parameter(batch).Contains(d.PartnerContactId)).ExecuteDeleteAsync(cancellationToken);
        await db.PartnerContactEmails.Where(e => EF.Parameter(batch).Contains(e.PartnerContactId)).ExecuteDeleteAsync(cancellationToken);
        await db.PartnerContactPhones.Where(e => EF.Parameter(batch).Contains(e.PartnerContactId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<PartnerContactAddress>().Where(e => EF.Parameter(batch).Contains(e.PartnerContactId)).ExecuteDeleteAsync(cancellationToken);
        await db.Applicants.Where(a => a.AgencyContactId != null && EF.Parameter(batch).Contains(a.AgencyContactId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AgencyContactId, (int?)null), cancellationToken);
        await PersonEraser.DeleteHoldsAsync(db, Category, batch, cancellationToken);
        var deleted = await db.PartnerContacts.Where(p => EF.Parameter(batch).Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        await db.PartnerContacts.Where(p => EF.Parameter(batch).Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        return deleted.Select(id => PersonEraser.Erased(Category, id,
            ("emails", emails.GetValueOrDefault(id)), ("phones", phones.GetValueOrDefault(id)), ("disclosures", disclosures.GetValueOrDefault(id)))).ToList();
    }

    public override bool IsDisclosed => true;

    public override async Task<List<(int Id, string Name)>> RecipientsAsync(CrmDbContext db, int id, CancellationToken cancellationToken) =>
        (await db.Disclosures.Where(d => d.PartnerContactId == id)
            .Join(db.Companies, d => d.SubcontractorId, c => c.Id, (d, c) => new { c.Id, c.Name })
            .Distinct().ToListAsync(cancellationToken)).Select(r => (r.Id, r.Name)).ToList();

    public override async Task<List<FoundPerson>> FoundAsync(CrmDbContext db, IReadOnlyDictionary<int, MatchedOn> matches, CancellationToken cancellationToken)
    {
        var ids = matches.Keys.ToList();
        var contacts = await db.PartnerContacts.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.FirstName, p.LastName, Company = p.Company!.Name, p.IsRestricted,
                Emails = p.Emails.Select(e => e.Address).ToList(),
                Phones = p.Phones.Select(e => e.Number).ToList(),
                Disclosures = db.Disclosures.Count(d => d.PartnerContactId == p.Id),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return contacts.Select(p => new FoundPerson(new PersonRef(Category, p.Id), $"{p.FirstName} {p.LastName}", p.Company,
            p.Emails, p.Phones, matches[p.Id], 0, p.Disclosures, 0, false, p.IsRestricted)).ToList();
    }

    public override IEnumerable<(string TextKey, int? Count)> Related(FoundPerson found) => [("Find.Disclosures", found.Disclosures)];

    public override async Task<ReportRecord?> AccessReportAsync(AccessReportBuilder report, ReplyLanguage language, int id, CancellationToken cancellationToken)
    {
        var (db, retention, today) = (report.Db, report.Retention, report.Today);
        string T(string key, params object[] args) => AccessReportTexts.Get(language, key, args);
        var c = await db.PartnerContacts.AsNoTracking().Include(x => x.Emails).Include(x => x.Phones).Include(x => x.Addresses).Include(x => x.Company)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var disclosures = await db.Disclosures.AsNoTracking().Where(d => d.PartnerContactId == id).OrderBy(d => d.DisclosedOn)
            .Join(db.Companies, d => d.SubcontractorId, co => co.Id, (d, co) => new { d.DisclosedOn, Recipient = co.Name, d.Fields, d.Assignment })
            .ToListAsync(cancellationToken);
        var ended = c.Company!.RelationshipEndedOn;
        var until = RetentionPolicy.PartnerContactExpiry(ended, today, retention);
        var entries = new List<ReportEntry>
        {
            new(T("Name"), $"{c.FirstName} {c.LastName}"),
            new(T("JobTitle"), c.JobFunction ?? T("None")),
            new(T("Company"), c.Company.Name),
            new(T("Email"), c.Emails.Count == 0 ? T("None") : string.Join(", ", c.Emails.Select(e => e.Address))),
            new(T("Phone"), c.Phones.Count == 0 ? T("None") : string.Join(", ", c.Phones.Select(e => AccessReportBuilder.Phone(e.Number)))),
            new(T("Address"), c.Addresses.Count == 0 ? T("None") : string.Join("; ", c.Addresses.Select(a => $"{a.Street}, {a.PostalCode} {a.City}, {a.CountryCode}"))),
            new(T("Language"), AccessReportTexts.Name(language, c.PreferredLanguage)),
            new(T("Notes"), c.Notes ?? T("None")),
            new(T("Purpose"), T("Purpose.PartnerContact")),
            new(T("LawfulBasis"), c.LawfulBasis == PartnerLawfulBasis.Contract ? T("Basis.Contract") : T("Basis.LegitimateInterest")),
            new(T("Source"), T("Source.Partner")),
            new(T("Recipients"), disclosures.Count == 0 ? T("Recipients.None") : string.Join(", ", disclosures.Select(d => d.Recipient).Distinct())),
            new(T("Retention"), until is { } date
                ? T("Retention.PartnerEnded", retention.PartnerContactYearsAfterRelationship, AccessReportTexts.Date(language, date))
                : T("Retention.PartnerActive", retention.PartnerContactYearsAfterRelationship)),
            new(T("Restricted"), c.IsRestricted ? T("Yes") : T("No")),
        };
        var lists = new List<ReportList>
        {
            new(T("Disclosures"), [T("Col.When"), T("Col.Recipient"), T("Col.Fields"), T("Col.Assignment")],
                disclosures.Select(d => (IReadOnlyList<string>)[AccessReportTexts.Date(language, d.DisclosedOn), d.Recipient, AccessReportBuilder.FieldNames(language, d.Fields), d.Assignment]).ToList()),
        };
        return new ReportRecord(T("Category.PartnerContact"), $"{c.FirstName} {c.LastName} — {c.Company.Name}", entries, lists);
    }
}

using System.Globalization;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Cisa.Crm.Core.LegitimateInterest;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Prospects;

/// <summary>Prospects: list, view (audited), create and edit under the rules of <see cref="ProspectRules"/>.</summary>
public sealed class ProspectService(
    IDbContextFactory<CrmDbContext> dbFactory,
    ICurrentActor currentActor,
    AuditTrail trail,
    ProspectRules rules,
    SuppressionList suppression,
    CompanyService companies,
    TimeProvider time)
{
    public Task<PagedResult<ProspectRow>> SearchAsync(ProspectQuery query, PageRequest page, CancellationToken cancellationToken = default) =>
        SearchAsync(query, page, knownTotal: null, cancellationToken);

    /// <summary>
    /// The same search, for a caller that already holds the total of this very filter (it pages or sorts): the
    /// count walks every matching row (99,569 at 10× volume) and only the filter changes it. Null counts again.
    /// </summary>
    public async Task<PagedResult<ProspectRow>> SearchAsync(ProspectQuery query, PageRequest page, int? knownTotal, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.ProspectsRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the count and the page (EF would open and close it around each query).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var companies = db.Companies.AsNoTracking();
        var prospects = ProspectQueries.Filter(db.Prospects.AsNoTracking(), companies, query);
        var searching = !string.IsNullOrWhiteSpace(query.Search);
        var (total, more) = knownTotal is { } known ? (known, false)
            : searching ? await CountUpToAsync(prospects, SearchCountLimit, cancellationToken)
            : (await prospects.CountAsync(cancellationToken), false);
        if (query.Sort == ProspectSort.FollowUp && !query.Descending)
        {
            return new PagedResult<ProspectRow>(await FollowUpPageAsync(db, prospects, page, cancellationToken), total, more);
        }

        if (searching && total >= SearchCountLimit && query.Sort == ProspectSort.Name)
        {
            // A broad search ("van": 53,000 matches, one prospect in two): walking the name index in order meets the
            // page's 50 matches within a few hundred rows (3 ms), where collecting and sorting every match took 27 ms.
            // Only then: for a narrower term (1,500 "jans…") the walk would pass every name before the first match.
            prospects = ProspectQueries.Filter(ProspectQueries.InNameOrder(db.Prospects, query.IncludeRestricted).AsNoTracking(), companies, query);
        }

        var rows = await ProspectQueries.ToRows(ProspectQueries.Sort(prospects, query).Skip(page.SafeSkip).Take(page.SafeTake), companies)
            .ToListAsync(cancellationToken);
        return new PagedResult<ProspectRow>(rows, total, more);
    }

    /// <summary>A search is counted up to this many matches and then shown as "more than": nobody pages through them.</summary>
    public const int SearchCountLimit = 10_000;

    /// <summary>Counts at most <paramref name="limit"/> rows: 2 ms for "van" instead of 26 ms to count its 53,000 matches.</summary>
    private static async Task<(int Total, bool More)> CountUpToAsync(IQueryable<Prospect> prospects, int limit, CancellationToken cancellationToken)
    {
        var counted = await prospects.Take(limit + 1).CountAsync(cancellationToken);
        return counted > limit ? (limit, true) : (counted, false);
    }

    /// <summary>
    /// Follow-ups first by date, then the prospects without one. Ordering by "FollowUpOn IS NULL" made SQLite sort
    /// every prospect (177 ms at 100,000); two walks of the (IsRestricted, FollowUpOn) index give the same order
    /// from the index itself.
    /// </summary>
    private static async Task<List<ProspectRow>> FollowUpPageAsync(CrmDbContext db, IQueryable<Prospect> prospects, PageRequest page, CancellationToken cancellationToken)
    {
        var companies = db.Companies.AsNoTracking();
        var dated = prospects.Where(p => p.FollowUpOn != null);
        var datedCount = await dated.CountAsync(cancellationToken);
        var rows = new List<ProspectRow>();
        if (page.SafeSkip < datedCount)
        {
            rows.AddRange(await ProspectQueries.ToRows(dated.OrderBy(p => p.FollowUpOn).ThenBy(p => p.Id).Skip(page.SafeSkip).Take(page.SafeTake), companies)
                .ToListAsync(cancellationToken));
        }

        if (rows.Count < page.SafeTake)
        {
            rows.AddRange(await ProspectQueries.ToRows(prospects.Where(p => p.FollowUpOn == null).OrderBy(p => p.Id)
                .Skip(Math.Max(0, page.SafeSkip - datedCount)).Take(page.SafeTake - rows.Count), companies).ToListAsync(cancellationToken));
        }

        return rows;
    }

    /// <summary>Opens one prospect; the view of personal data is recorded (LOG-ACTIONS).</summary>
    public async Task<ProspectDetails> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ProspectsRead, cancellationToken);
        var details = await dbFactory.InTransactionAsync(nameof(Prospect), async db =>
        {
            var today = BrusselsTime.Today(time);
            var found = await db.Prospects.AsNoTracking().Where(p => p.Id == id).Select(p => new
            {
                Prospect = p,
                CompanyName = p.Company!.Name,
                AssessmentTitle = p.Assessment!.Title,
                AssessmentDue = p.Assessment!.ReviewDueOn,
            }).FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException(nameof(Prospect));
            await trail.RecordAsync(db, actor, "Prospect.Viewed", nameof(Prospect), id.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
            var p = found.Prospect;
            return new ProspectDetails(p.Id, ToInput(p), found.CompanyName, found.AssessmentTitle, today >= found.AssessmentDue,
                p.LegitimateInterestNote.ByName, p.LegitimateInterestNote.AtUtc, p.OwnerName, p.CreatedAtUtc, p.UpdatedAtUtc,
                p.LastCallAtUtc, p.FollowUpOn, p.IsRestricted, p.ConcurrencyStamp);
        }, cancellationToken);
        return details;
    }

    public Task<int> CreateAsync(ProspectInput input, CancellationToken cancellationToken = default) =>
        CreateCoreAsync(input, newCompanyName: null, cancellationToken);

    /// <summary>
    /// Creates a prospect at a company the CRM does not have yet: the company, as a prospect company owned by the
    /// user, and the prospect in one transaction. A refused prospect leaves no company behind; errors about the
    /// company's name are reported on <see cref="ProspectInput.CompanyId"/>, the field where it was typed, together
    /// with the prospect's own. <paramref name="input"/>'s <see cref="ProspectInput.CompanyId"/> is not used.
    /// </summary>
    public Task<int> CreateAtNewCompanyAsync(ProspectInput input, string? companyName, CancellationToken cancellationToken = default) =>
        CreateCoreAsync(input, companyName ?? "", cancellationToken);

    private async Task<int> CreateCoreAsync(ProspectInput input, string? newCompanyName, CancellationToken cancellationToken)
    {
        var actor = await currentActor.DemandAsync(Permission.ProspectsWrite, cancellationToken);
        // A new company's id is only known once it is added: until then a placeholder keeps "choose a company" quiet.
        var (valid, v) = rules.CheckFields(newCompanyName is null ? input : input with { CompanyId = 0 });
        return await dbFactory.InTransactionAsync(nameof(Prospect), async db =>
        {
            var company = newCompanyName is null
                ? await ExistingCompanyAsync(db, valid.CompanyId, v, cancellationToken)
                : await AddCompanyAsync(db, actor, newCompanyName, v, cancellationToken);
            valid = valid with { CompanyId = company?.Id };
            await rules.CheckAssessmentAsync(db, valid.AssessmentId, isNewChoice: true, v, cancellationToken);
            if (v.IsValid)
            {
                await ProspectRules.CheckDuplicatesAsync(db, valid, null, v, cancellationToken);
            }

            // Throwing rolls back the transaction, the company added above with it.
            v.ThrowIfInvalid();
            await suppression.EnsureNotSuppressedAsync(db, valid.Email, [valid.Phone, valid.Mobile], cancellationToken);

            var (companyId, companyNameKey) = company!.Value;
            var prospect = NewProspect(valid, companyNameKey, actor, time.GetUtcNow().UtcDateTime);
            db.Prospects.Add(prospect);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "Prospect.Created", nameof(Prospect), prospect.Id.ToString(CultureInfo.InvariantCulture),
                $"source={prospect.Source};assessment={prospect.AssessmentId}{(newCompanyName is null ? "" : $";company={companyId}")}", cancellationToken);
            return prospect.Id;
        }, cancellationToken);
    }

    /// <summary>The chosen company's id and key, or null (and an error on the field) when there is no such company.</summary>
    private static async Task<(int Id, string NameKey)?> ExistingCompanyAsync(CrmDbContext db, int? companyId, Validator v, CancellationToken cancellationToken)
    {
        var key = await CompanyNameKeyAsync(db, companyId, v, cancellationToken);
        return key is null ? null : (companyId!.Value, key);
    }

    /// <summary>
    /// Adds the prospect company typed on the form, in the prospect's transaction. A name the CRM already has is
    /// that company, not a second one: refused, so the user picks it from the list. Problems go on the company field.
    /// </summary>
    private async Task<(int Id, string NameKey)?> AddCompanyAsync(CrmDbContext db, CrmActor actor, string name, Validator v, CancellationToken cancellationToken)
    {
        var key = ContactNormaliser.SearchKey(name);
        if (key.Length > 0 && await db.Companies.AnyAsync(c => c.NameKey == key, cancellationToken))
        {
            v.Add(nameof(ProspectInput.CompanyId), "CompanyNameExists", name.Trim());
            return null;
        }

        try
        {
            var company = await companies.AddAsync(db, actor, new CompanyInput
            {
                Name = name, Type = CompanyType.Prospect, AccountOwnerId = actor.Id, AccountOwnerName = actor.DisplayName,
            }, cancellationToken);
            return (company.Id, company.NameKey);
        }
        catch (CrmValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                v.Add(nameof(ProspectInput.CompanyId), error.Code, [.. error.Arguments]);
            }

            return null;
        }
    }

    /// <summary>Saves an edit made on <paramref name="version"/>; a restricted prospect cannot be changed (DSR-RESTRICT).</summary>
    public async Task<Guid> UpdateAsync(int id, ProspectInput input, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ProspectsWrite, cancellationToken);
        var (valid, v) = rules.CheckFields(input);
        return await dbFactory.InTransactionAsync(nameof(Prospect), async db =>
        {
            var prospect = await db.Prospects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException(nameof(Prospect));
            RestrictionGuard.EnsureNotRestricted(prospect);
            var companyNameKey = await CompanyNameKeyAsync(db, valid.CompanyId, v, cancellationToken);
            await rules.CheckAssessmentAsync(db, valid.AssessmentId, isNewChoice: valid.AssessmentId != prospect.AssessmentId, v, cancellationToken);
            if (v.IsValid)
            {
                await ProspectRules.CheckDuplicatesAsync(db, valid, id, v, cancellationToken);
            }

            v.ThrowIfInvalid();
            var now = time.GetUtcNow().UtcDateTime;
            Apply(prospect, valid);
            prospect.CompanyNameKey = companyNameKey!;
            var personFields = FieldChanges.Of(db, prospect).Count;
            if (personFields > 0)
            {
                await suppression.EnsureNotSuppressedAsync(db, valid.Email, [valid.Phone, valid.Mobile], cancellationToken);
            }

            prospect.AssessmentId = valid.AssessmentId!.Value;
            prospect.LegitimateInterestNote.Text = valid.LegitimateInterestNote!;
            var changes = FieldChanges.Of(db, prospect);
            if (changes.Count > personFields)
            {
                prospect.LegitimateInterestNote.Sign(actor, now);
            }

            if (!changes.Any)
            {
                return prospect.ConcurrencyStamp;
            }

            db.ExpectVersion(prospect, version);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "Prospect.Updated", nameof(Prospect), id.ToString(CultureInfo.InvariantCulture), changes.ToString(), cancellationToken);
            return prospect.ConcurrencyStamp;
        }, cancellationToken);
    }

    /// <param name="companyNameKey">The <see cref="Companies.Company.NameKey"/> of <paramref name="valid"/>'s company, copied for the company sort.</param>
    internal static Prospect NewProspect(ProspectInput valid, string companyNameKey, CrmActor actor, DateTime now)
    {
        var prospect = new Prospect
        {
            CompanyNameKey = companyNameKey,
            OwnerId = actor.Id,
            OwnerName = actor.DisplayName,

            // Set here, not by the interceptor: the bulk import inserts these with prepared SQL, which no interceptor sees.
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            AssessmentId = valid.AssessmentId!.Value,
            LegitimateInterestNote = LegitimateInterestNote.Written(valid.LegitimateInterestNote!, actor, now),
        };
        Apply(prospect, valid);
        return prospect;
    }

    /// <summary>The company's name key, or null (and an error on the field) when there is no such company.</summary>
    private static async Task<string?> CompanyNameKeyAsync(CrmDbContext db, int? companyId, Validator v, CancellationToken cancellationToken)
    {
        var key = companyId is { } id ? await db.Companies.Where(c => c.Id == id).Select(c => c.NameKey).FirstOrDefaultAsync(cancellationToken) : null;
        if (companyId is not null && key is null)
        {
            v.Add(nameof(ProspectInput.CompanyId), "Required");
        }

        return key;
    }

    private static void Apply(Prospect p, ProspectInput input)
    {
        p.FirstName = input.FirstName!;
        p.LastName = input.LastName!;
        p.JobTitle = input.JobTitle;
        p.CompanyId = input.CompanyId!.Value;
        p.Email = input.Email;
        p.Phone = input.Phone;
        p.Mobile = input.Mobile;
        p.PreferredLanguage = input.PreferredLanguage;
        p.Source = input.Source!.Value;
        p.SourceDetail = input.SourceDetail;
    }

    private static ProspectInput ToInput(Prospect p) => new()
    {
        FirstName = p.FirstName, LastName = p.LastName, JobTitle = p.JobTitle, CompanyId = p.CompanyId, Email = p.Email,
        Phone = p.Phone, Mobile = p.Mobile, PreferredLanguage = p.PreferredLanguage, Source = p.Source, SourceDetail = p.SourceDetail,
        AssessmentId = p.AssessmentId, LegitimateInterestNote = p.LegitimateInterestNote.Text,
    };
}

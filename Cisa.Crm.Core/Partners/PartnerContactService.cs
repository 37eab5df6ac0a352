using System.Globalization;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Core.Partners;

/// <summary>
/// Partner contacts (CAT-PARTNER): Sales and the privacy officer. HR does not see them, except the
/// contact persons of recruitment agencies (<see cref="AgencyContactsAsync"/>), which HR needs to say
/// which agency person sent a CV.
/// </summary>
public sealed class PartnerContactService(
    IDbContextFactory<CrmDbContext> dbFactory,
    ICurrentActor currentActor,
    AuditTrail trail,
    SuppressionList suppression,
    IOptions<RetentionOptions> retention,
    TimeProvider time)
{
    public const string EntityType = nameof(PartnerContact);

    public async Task<PagedResult<PartnerContactRow>> SearchAsync(PartnerContactQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.PartnerContactsRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contacts = PartnerContactQueries.Filter(db, query);
        var total = await contacts.CountAsync(cancellationToken);
        var rows = await PartnerContactQueries.ToRows(db, PartnerContactQueries.Sort(contacts, query).Skip(page.SafeSkip).Take(page.SafeTake))
            .ToListAsync(cancellationToken);
        return new PagedResult<PartnerContactRow>(rows, total);
    }

    /// <summary>The contact persons of one recruitment agency (for HR's applicant source).</summary>
    public async Task<IReadOnlyList<PartnerContactRow>> AgencyContactsAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.AgencyContactsRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contacts = db.PartnerContacts.AsNoTracking()
            .Where(p => p.CompanyId == agencyId && !p.IsRestricted && p.Company!.Type == Companies.CompanyType.RecruitmentAgency)
            .OrderBy(p => p.LastNameKey);
        return await PartnerContactQueries.ToRows(db, contacts).ToListAsync(cancellationToken);
    }

    /// <summary>Opens one contact with its disclosures and history; the view is recorded (LOG-ACTIONS).</summary>
    public async Task<PartnerContactDetails> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.PartnerContactsRead, cancellationToken);
        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var contact = await db.PartnerContacts.AsNoTracking().AsSplitQuery()
                .Include(p => p.Company).Include(p => p.Emails).Include(p => p.Phones).Include(p => p.Addresses)
                .FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException(EntityType);
            var key = id.ToString(CultureInfo.InvariantCulture);
            await trail.RecordAsync(db, actor, "PartnerContact.Viewed", EntityType, key, cancellationToken: cancellationToken);

            var disclosures = await DisclosureService.RowsAsync(db, id, cancellationToken);
            var history = await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == EntityType && e.EntityId == key && e.Action != "PartnerContact.Viewed")
                .OrderByDescending(e => e.Id).Take(50)
                .Select(e => new HistoryRow(e.OccurredAtUtc, e.ActorName, e.Action, e.Details))
                .ToListAsync(cancellationToken);
            var company = contact.Company!;
            return new PartnerContactDetails(contact.Id, ToInput(contact), company.Name, company.Type, company.RelationshipEndedOn,
                RetentionPolicy.PartnerContactExpiry(company.RelationshipEndedOn, BrusselsTime.Today(time), retention.Value), contact.IsRestricted,
                contact.CreatedAtUtc, contact.UpdatedAtUtc, contact.ConcurrencyStamp, disclosures, history);
        }, cancellationToken);
    }

    public async Task<int> CreateAsync(PartnerContactInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.PartnerContactsWrite, cancellationToken);
        var (valid, v) = PartnerContactRules.CheckFields(input);
        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            await PartnerContactRules.CheckCompanyAsync(db, valid.CompanyId, v, cancellationToken);
            if (v.IsValid)
            {
                await PartnerContactRules.CheckDuplicatesAsync(db, input, null, v, cancellationToken);
            }

            v.ThrowIfInvalid();
            await EnsureNotSuppressedAsync(db, valid, cancellationToken);
            var contact = NewContact(valid);
            db.PartnerContacts.Add(contact);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "PartnerContact.Created", EntityType, contact.Id.ToString(CultureInfo.InvariantCulture),
                $"company={contact.CompanyId};basis={contact.LawfulBasis};emails={contact.Emails.Count};phones={contact.Phones.Count}", cancellationToken);
            return contact.Id;
        }, cancellationToken);
    }

    /// <summary>Saves an edit made on <paramref name="version"/>; a restricted contact cannot be changed (DSR-RESTRICT).</summary>
    public async Task<Guid> UpdateAsync(int id, PartnerContactInput input, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.PartnerContactsWrite, cancellationToken);
        var (valid, v) = PartnerContactRules.CheckFields(input);
        return await dbFactory.InTransactionAsync(EntityType, async db =>
        {
            var contact = await db.PartnerContacts.Include(p => p.Emails).Include(p => p.Phones).Include(p => p.Addresses)
                .FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException(EntityType);
            RestrictionGuard.EnsureNotRestricted(contact);
            if (valid.CompanyId != contact.CompanyId)
            {
                await PartnerContactRules.CheckCompanyAsync(db, valid.CompanyId, v, cancellationToken);
            }
            if (v.IsValid)
            {
                await PartnerContactRules.CheckDuplicatesAsync(db, input, id, v, cancellationToken);
            }

            v.ThrowIfInvalid();
            Apply(contact, valid);
            var changes = FieldChanges.Of(db, contact);
            if (!changes.Any)
            {
                return contact.ConcurrencyStamp;
            }

            await EnsureNotSuppressedAsync(db, valid, cancellationToken);
            db.ExpectVersion(contact, version);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "PartnerContact.Updated", EntityType, id.ToString(CultureInfo.InvariantCulture), changes.ToString(), cancellationToken);
            return contact.ConcurrencyStamp;
        }, cancellationToken);
    }

    internal static PartnerContact NewContact(PartnerContactInput valid)
    {
        var contact = new PartnerContact();
        Apply(contact, valid);
        return contact;
    }

    private async Task EnsureNotSuppressedAsync(CrmDbContext db, PartnerContactInput valid, CancellationToken cancellationToken)
    {
        foreach (var email in valid.Emails.DefaultIfEmpty(null))
        {
            await suppression.EnsureNotSuppressedAsync(db, email, valid.Phones.Select(p => p.Number), cancellationToken);
        }
    }

    private static void Apply(PartnerContact c, PartnerContactInput input)
    {
        c.FirstName = input.FirstName!;
        c.LastName = input.LastName!;
        c.JobFunction = input.JobFunction;
        c.CompanyId = input.CompanyId!.Value;
        c.PreferredLanguage = input.PreferredLanguage;
        c.LawfulBasis = input.LawfulBasis!.Value;
        c.Notes = input.Notes;

        Replace(c.Emails, input.Emails.Select(e => new PartnerContactEmail { Address = e! }), e => e.Address);
        Replace(c.Phones, input.Phones.Select(p => new PartnerContactPhone { Kind = p.Kind, Number = p.Number! }), p => $"{p.Kind}:{p.Number}");
        Replace(c.Addresses, input.Addresses.Select(a => new PartnerContactAddress { Street = a.Street!, PostalCode = a.PostalCode!, City = a.City!, CountryCode = a.CountryCode ?? "BE" }),
            a => $"{a.Street}/{a.PostalCode}/{a.City}/{a.CountryCode}");
    }

    /// <summary>A list is replaced only when it differs, so an unchanged form saves nothing and the audit names only what changed.</summary>
    private static void Replace<T>(List<T> current, IEnumerable<T> wanted, Func<T, string> key)
    {
        var list = wanted.ToList();
        if (!current.Select(key).SequenceEqual(list.Select(key)))
        {
            current.Clear();
            current.AddRange(list);
        }
    }

    private static PartnerContactInput ToInput(PartnerContact c) => new()
    {
        FirstName = c.FirstName, LastName = c.LastName, JobFunction = c.JobFunction, CompanyId = c.CompanyId, PreferredLanguage = c.PreferredLanguage,
        LawfulBasis = c.LawfulBasis, Notes = c.Notes,
        Emails = c.Emails.OrderBy(e => e.Id).Select(e => (string?)e.Address).ToList(),
        Phones = c.Phones.OrderBy(p => p.Id).Select(p => new PhoneInput(p.Kind, p.Number)).ToList(),
        Addresses = c.Addresses.OrderBy(a => a.Id).Select(a => new AddressInput(a.Street, a.PostalCode, a.City, a.CountryCode)).ToList(),
    };
}

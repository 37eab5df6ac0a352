using System.Globalization;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Partners;

public sealed record DisclosureInput
{
    public int? SubcontractorId { get; init; }
    public IReadOnlyCollection<DisclosedField> Fields { get; init; } = [];
    public string? Assignment { get; init; }
    public string? Justification { get; init; }
    public DateOnly? DisclosedOn { get; init; }
}

/// <summary>
/// SHARE-MIN: records what of a contact's data went to which subcontractor, when and why. Name,
/// first name, phone, e-mail and the customer's company name may be shared for an assignment; any other
/// field needs a written justification. A restricted contact is never disclosed (DSR-RESTRICT).
/// </summary>
public sealed class DisclosureService(IDbContextFactory<CrmDbContext> dbFactory, ICurrentActor currentActor, AuditTrail trail, TimeProvider time)
{
    public async Task<long> RecordAsync(int contactId, DisclosureInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.DisclosuresWrite, cancellationToken);
        var v = new Validator();
        var assignment = v.RequiredText(nameof(input.Assignment), input.Assignment, Disclosure.AssignmentMaxLength);
        var justification = v.MultilineText(nameof(input.Justification), input.Justification, Disclosure.JustificationMaxLength);
        var fields = input.Fields.Distinct().Order().ToList();
        if (fields.Count == 0)
        {
            v.Add(nameof(input.Fields), "FieldsRequired");
        }
        else if (!fields.All(Validator.IsKnown))
        {
            v.Add(nameof(input.Fields), "ChoiceUnknown");
        }

        var beyondMinimum = fields.Where(f => !Disclosure.Minimal.Contains(f)).ToList();
        if (beyondMinimum.Count > 0 && justification is null)
        {
            v.Add(nameof(input.Justification), "JustificationRequired", string.Join(", ", beyondMinimum));
        }

        var today = BrusselsTime.Today(time);
        var disclosedOn = input.DisclosedOn ?? today;
        v.Day(nameof(input.DisclosedOn), disclosedOn, DateWindow.Past(today), tooLate: "DateInFuture");

        return await dbFactory.InTransactionAsync(nameof(Disclosure), async db =>
        {
            var contact = await db.PartnerContacts.FirstOrDefaultAsync(p => p.Id == contactId, cancellationToken)
                ?? throw new RecordNotFoundException(PartnerContactService.EntityType);
            RestrictionGuard.EnsureNotRestricted(contact);
            var recipientType = input.SubcontractorId is { } subId
                ? await db.Companies.Where(c => c.Id == subId).Select(c => (CompanyType?)c.Type).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (recipientType != CompanyType.Subcontractor)
            {
                v.Add(nameof(input.SubcontractorId), "NotASubcontractor");
            }

            v.ThrowIfInvalid();
            var disclosure = new Disclosure
            {
                PartnerContactId = contactId,
                SubcontractorId = input.SubcontractorId!.Value,
                Fields = string.Join(',', fields),
                Assignment = assignment,
                Justification = justification,
                DisclosedOn = disclosedOn,
                RecordedById = actor.Id,
                RecordedByName = actor.DisplayName,
                RecordedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            db.Disclosures.Add(disclosure);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "Disclosure.Recorded", PartnerContactService.EntityType, contactId.ToString(CultureInfo.InvariantCulture),
                $"disclosure={disclosure.Id};to={disclosure.SubcontractorId};fields={disclosure.Fields}", cancellationToken);
            return disclosure.Id;
        }, cancellationToken);
    }

    /// <summary>Every recipient a partner contact's data was passed to (for access reports and Art. 19 notifications).</summary>
    public async Task<IReadOnlyList<RecipientRow>> RecipientsOfAsync(int contactId, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.PartnerContactsRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await RowsAsync(db, contactId, cancellationToken))
            .Select(d => new RecipientRow(d.SubcontractorId, d.SubcontractorName, d.DisclosedOn, d.Fields, d.Assignment))
            .ToList();
    }

    internal static async Task<IReadOnlyList<DisclosureRow>> RowsAsync(CrmDbContext db, int contactId, CancellationToken cancellationToken)
    {
        var rows = await db.Disclosures.AsNoTracking()
            .Where(d => d.PartnerContactId == contactId)
            .OrderByDescending(d => d.DisclosedOn).ThenByDescending(d => d.Id)
            .Join(db.Companies, d => d.SubcontractorId, c => c.Id, (d, c) => new { Disclosure = d, c.Name })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DisclosureRow(r.Disclosure.Id, r.Disclosure.SubcontractorId, r.Name, r.Disclosure.FieldList, r.Disclosure.Assignment,
            r.Disclosure.Justification, r.Disclosure.DisclosedOn, r.Disclosure.RecordedByName)).ToList();
    }
}

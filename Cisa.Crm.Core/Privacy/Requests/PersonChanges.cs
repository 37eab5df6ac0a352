using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Partners;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>The changes a subject request makes to a person record of any category: rectification and restriction.</summary>
internal static class PersonChanges
{
    public static async Task<Person> LoadAsync(CrmDbContext db, PersonRef person, CancellationToken cancellationToken) => person.Category switch
    {
        PersonCategory.Prospect => (Person?)await db.Prospects.SingleOrDefaultAsync(p => p.Id == person.Id, cancellationToken),
        PersonCategory.PartnerContact => await db.PartnerContacts.Include(p => p.Emails).Include(p => p.Phones).SingleOrDefaultAsync(p => p.Id == person.Id, cancellationToken),
        PersonCategory.Applicant => await db.Applicants.SingleOrDefaultAsync(p => p.Id == person.Id, cancellationToken),
        _ => null,
    } ?? throw new RecordNotFoundException(person.Category.ToString());

    /// <summary>DSR-RESTRICT: sets or lifts the lock every feature honours; a new version makes open edit forms refuse to overwrite.</summary>
    public static async Task<string> SetRestrictedAsync(CrmDbContext db, PersonRef person, bool restricted, DateTime now, CancellationToken cancellationToken)
    {
        var record = await LoadAsync(db, person, cancellationToken);
        if (restricted)
        {
            record.Restrict(now);
        }
        else
        {
            record.LiftRestriction();
        }

        db.Entry(record).Property("ConcurrencyStamp").CurrentValue = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return restricted ? "restricted" : "unrestricted";
    }

    /// <summary>
    /// Rectification: names on every category; e-mail and phone on the row for prospects and applicants, and
    /// for a partner contact the first (primary) address or number, added when there is none.
    /// </summary>
    public static async Task<string> RectifyAsync(CrmDbContext db, PersonRef person, RequestDecision decision, DateTime now, CancellationToken cancellationToken)
    {
        var record = await LoadAsync(db, person, cancellationToken);
        var changes = new FieldChanges();
        changes.Apply(nameof(Person.FirstName), record.FirstName, decision.NewFirstName ?? record.FirstName, v => record.FirstName = v);
        changes.Apply(nameof(Person.LastName), record.LastName, decision.NewLastName ?? record.LastName, v => record.LastName = v);
        switch (record)
        {
            case Prospects.Prospect p:
                changes.Apply("Email", p.Email, decision.NewEmail ?? p.Email, v => p.Email = v);
                changes.Apply("Phone", p.Phone, decision.NewPhone ?? p.Phone, v => p.Phone = v);
                p.UpdatedAtUtc = now;
                break;
            case Applicants.Applicant a:
                changes.Apply("Email", a.Email, decision.NewEmail ?? a.Email, v => a.Email = v);
                changes.Apply("Phone", a.Phone, decision.NewPhone ?? a.Phone, v => a.Phone = v);
                a.UpdatedAtUtc = now;
                break;
            case PartnerContact c:
                if (decision.NewEmail is { } email && c.Emails.All(e => e.Address != email))
                {
                    if (c.Emails.OrderBy(e => e.Id).FirstOrDefault() is { } primary)
                    {
                        primary.Address = email;
                    }
                    else
                    {
                        c.Emails.Add(new PartnerContactEmail { Address = email });
                    }

                    changes.Apply("Email", 0, 1, _ => { });
                }

                if (decision.NewPhone is { } phone && c.Phones.All(e => e.Number != phone))
                {
                    if (c.Phones.OrderBy(e => e.Id).FirstOrDefault() is { } primary)
                    {
                        primary.Number = phone;
                    }
                    else
                    {
                        c.Phones.Add(new PartnerContactPhone { Number = phone, Kind = PhoneKind.Office });
                    }

                    changes.Apply("Phone", 0, 1, _ => { });
                }

                c.UpdatedAtUtc = now;
                break;
        }

        db.Entry(record).Property("ConcurrencyStamp").CurrentValue = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return changes.ToString();
    }

    /// <summary>The normalised e-mail addresses and phone numbers held for the person (for a suppression entry).</summary>
    public static async Task<(IReadOnlyList<string> Emails, IReadOnlyList<string> Phones)> ContactDetailsAsync(CrmDbContext db, PersonRef person, CancellationToken cancellationToken)
    {
        var record = await LoadAsync(db, person, cancellationToken);
        return record switch
        {
            Prospects.Prospect p => (PersonFinder.Present(p.Email), PersonFinder.Present(p.Phone, p.Mobile)),
            Applicants.Applicant a => (PersonFinder.Present(a.Email), PersonFinder.Present(a.Phone)),
            PartnerContact c => (c.Emails.Select(e => e.Address).ToList(), c.Phones.Select(e => e.Number).ToList()),
            _ => ([], []),
        };
    }
}

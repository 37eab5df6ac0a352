using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>The changes a subject request makes to a person record of any category: rectification and restriction.</summary>
internal static class PersonChanges
{
    public static async Task<Person> LoadAsync(PersonRegistry registry, CrmDbContext db, PersonRef person, CancellationToken cancellationToken) =>
        await registry[person.Category].LoadAsync(db, person.Id, cancellationToken) ?? throw new RecordNotFoundException(person.Category.ToString());

    /// <summary>DSR-RESTRICT: sets or lifts the lock every feature honours; a new version makes open edit forms refuse to overwrite.</summary>
    public static async Task<string> SetRestrictedAsync(PersonRegistry registry, CrmDbContext db, PersonRef person, bool restricted, DateTime now, CancellationToken cancellationToken)
    {
        var record = await LoadAsync(registry, db, person, cancellationToken);
        if (restricted)
        {
            record.Restrict(now);
        }
        else
        {
            record.LiftRestriction();
        }

        await SaveAsNewVersionAsync(db, record, cancellationToken);
        return restricted ? "restricted" : "unrestricted";
    }

    /// <summary>
    /// Rectification: names on every category here, e-mail and phone as the category keeps them
    /// (<see cref="IPersonCategory.RectifyContactPoints"/>).
    /// </summary>
    public static async Task<string> RectifyAsync(PersonRegistry registry, CrmDbContext db, PersonRef person, RequestDecision decision, DateTime now, CancellationToken cancellationToken)
    {
        var record = await LoadAsync(registry, db, person, cancellationToken);
        var changes = new FieldChanges();
        changes.Apply(nameof(Person.FirstName), record.FirstName, decision.NewFirstName ?? record.FirstName, v => record.FirstName = v);
        changes.Apply(nameof(Person.LastName), record.LastName, decision.NewLastName ?? record.LastName, v => record.LastName = v);
        registry[person.Category].RectifyContactPoints(record, decision, changes, now);
        await SaveAsNewVersionAsync(db, record, cancellationToken);
        return changes.ToString();
    }

    /// <summary>
    /// Saves the change under a new version, so an edit form opened before it refuses to overwrite it. Stamped here, not
    /// left to <see cref="Data.Bookkeeping.BookkeepingInterceptor"/>: the interceptor gives a new version only to a save
    /// marked as a user's edit (<see cref="CrmWrite.ExpectVersion{TEntity}"/>), and with it a new UpdatedAtUtc, which
    /// retention counts from (RET-PROSPECT); a restriction is no edit, and a rectification sets its own time.
    /// </summary>
    private static async Task SaveAsNewVersionAsync(CrmDbContext db, Person record, CancellationToken cancellationToken)
    {
        db.Entry(record).Property(nameof(Data.Bookkeeping.IVersioned.ConcurrencyStamp)).CurrentValue = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The normalised e-mail addresses and phone numbers held for the person (for a suppression entry).</summary>
    public static async Task<(IReadOnlyList<string> Emails, IReadOnlyList<string> Phones)> ContactDetailsAsync(PersonRegistry registry, CrmDbContext db, PersonRef person, CancellationToken cancellationToken)
    {
        var record = await LoadAsync(registry, db, person, cancellationToken);
        return registry[person.Category].ContactPoints(record);
    }
}

using System.Globalization;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Privacy.Erasure;

/// <summary>What erasing one person removed or anonymised, for an audit entry without personal data.</summary>
public sealed record ErasedPerson(PersonRef Person, IReadOnlyDictionary<string, int> Counts)
{
    public string Details => string.Join(";", Counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value}")));
}

/// <summary>
/// The one entry to erasure, shared by the retention sweep (RET-RUN) and subject requests
/// (DSR-ERASE/DSR-OBJECT). Works on a batch of ids with set-based statements inside the caller's
/// transaction (each category's statements are in its <see cref="IPersonCategory.EraseAsync"/>), never by loading entities, so a million rows cost no memory and a crash leaves nothing
/// half-erased. What goes and what stays, per field:
/// <list type="table">
/// <listheader><term>data</term><description>on erasure</description></listheader>
/// <item><term>Prospect (names, e-mail, phones, job title, source detail, LI line)</term><description>deleted</description></item>
/// <item><term>Call of that prospect</term><description>kept for the call statistics (per week, per salesperson,
/// per company) but anonymised: the link to the prospect, the report and the follow-up are cleared; time,
/// direction, outcome, duration, company and the staff member who called stay</description></item>
/// <item><term>Partner contact with e-mails, phones, postal addresses, notes</term><description>deleted</description></item>
/// <item><term>Disclosure of that contact (assignment and justification are free text)</term><description>deleted</description></item>
/// <item><term>Applicant named as agency contact</term><description>keeps the applicant, the link to the erased contact is cleared</description></item>
/// <item><term>CV (encrypted file, file name)</term><description>deleted; no field is derived from a CV</description></item>
/// <item><term>Applicant with applications and HR notes</term><description>deleted (CV included)</description></item>
/// <item><term>Retention holds of the person (their reason is free text)</term><description>deleted</description></item>
/// <item><term>Audit entries about the person</term><description>kept: they hold ids, actions and field names, never values</description></item>
/// <item><term>Suppression entries</term><description>kept: keyed hashes, needed to honour an objection</description></item>
/// </list>
/// Deleted rows leave no bytes behind in the SQLite file: every connection runs with <c>secure_delete</c>
/// (see <see cref="Data.Sqlite.SqliteSecureDeleteInterceptor"/>).
/// </summary>
public sealed class PersonEraser(PersonRegistry registry)
{
    /// <summary>Erases people of one category (the subject requests, and the retention rules that take the whole record).</summary>
    public async Task<IReadOnlyList<ErasedPerson>> EraseAsync(CrmDbContext db, PersonCategory category, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        EnsureTransaction(db);
        return await registry[category].EraseAsync(db, Batch(ids), cancellationToken);
    }

    /// <summary>RET-APP-CV: the CV only; the applicant stays.</summary>
    public async Task<IReadOnlyList<ErasedPerson>> EraseCvsAsync(CrmDbContext db, IReadOnlyCollection<int> applicantIds, CancellationToken cancellationToken)
    {
        EnsureTransaction(db);
        return await registry.All.OfType<ApplicantCategory>().Single().EraseCvsAsync(db, Batch(applicantIds), cancellationToken);
    }

    internal static async Task DeleteHoldsAsync(CrmDbContext db, PersonCategory category, int[] batch, CancellationToken cancellationToken) =>
        await db.RetentionHolds.Where(h => h.Category == category && EF.Parameter(batch).Contains(h.PersonId)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// The ids go to SQLite as one JSON parameter (<c>IN (SELECT value FROM json_each(@batch))</c>), not as one
    /// parameter per id: Microsoft.Data.Sqlite looks each named parameter up among all of them, so a statement with
    /// thousands of them costs milliseconds before it runs, and a sweep sends about six per batch.
    /// </summary>
    private static int[] Batch(IReadOnlyCollection<int> ids) => ids as int[] ?? ids.ToArray();

    internal static async Task<Dictionary<int, int>> CountPerPersonAsync(IQueryable<int> personIds, CancellationToken cancellationToken) =>
        await personIds.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    internal static ErasedPerson Erased(PersonCategory category, int id, params (string Name, int Count)[] counts) =>
        new(new PersonRef(category, id), counts.ToDictionary(c => c.Name, c => c.Count));

    private static void EnsureTransaction(CrmDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Erasure runs in the transaction that also writes its audit entries: begin one first.");
        }
    }
}

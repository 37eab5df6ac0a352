using Cisa.Crm.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Data;

/// <summary>
/// The shape of every core write: one short-lived context, one transaction holding the change and
/// its audit entry, and a lost optimistic-concurrency race turned into a readable refusal.
/// </summary>
public static class CrmWrite
{
    public static async Task<T> InTransactionAsync<T>(this IDbContextFactory<CrmDbContext> dbFactory, string entity,
        Func<CrmDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InTransactionAsync(entity, () => work(db), cancellationToken);
    }

    /// <summary>The same on a context the caller has prepared (e.g. its connection tuned for a bulk write).</summary>
    public static async Task<T> InTransactionAsync<T>(this CrmDbContext db, string entity, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work();
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(entity);
        }
    }

    /// <summary>
    /// Makes the save conditional on the version the user edited; the save gives the row its new version
    /// (<see cref="Bookkeeping.BookkeepingInterceptor"/>).
    /// </summary>
    public static void ExpectVersion<TEntity>(this CrmDbContext db, TEntity entity, Guid editedVersion)
        where TEntity : class, Bookkeeping.IVersioned
    {
        var version = db.Entry(entity).Property(e => e.ConcurrencyStamp);
        version.OriginalValue = editedVersion;

        // Marks the save as an edit, which the interceptor gives a new version and updated time.
        version.IsModified = true;
    }
}

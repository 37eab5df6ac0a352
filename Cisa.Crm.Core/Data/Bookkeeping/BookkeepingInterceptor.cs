using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cisa.Crm.Core.Data.Bookkeeping;

/// <summary>
/// Stamps what no service should set by hand (house style: CleanArchitecture's AuditableEntityInterceptor), from
/// <see cref="TimeProvider"/>: a record EF adds gets its created/updated times; a record saved as an edit (under the
/// version the user saw, <see cref="CrmWrite.ExpectVersion{TEntity}"/>) gets a new version and its updated time.
/// Other saves (a prospect's last call, a restriction) leave both alone, as retention and open forms expect. A value
/// the code set itself is kept (demo data's past dates, a rectification's stamp). Raw SQL paths (the bulk import's
/// prepared INSERT, the set-based eraser, ExecuteUpdate) do not pass here and write their values in their SQL.
/// </summary>
public sealed class BookkeepingInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added && entry.Entity is ICreated created)
            {
                if (created.CreatedAtUtc == default)
                {
                    created.CreatedAtUtc = now;
                }

                if (created is IStamped stamped && stamped.UpdatedAtUtc == default)
                {
                    stamped.UpdatedAtUtc = created.CreatedAtUtc;
                }
            }
            else if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned && IsEdit(entry))
            {
                if (!SetByCode(entry.Property(nameof(IVersioned.ConcurrencyStamp))))
                {
                    versioned.ConcurrencyStamp = Guid.NewGuid();
                }

                if (entry.Entity is IStamped stamped && !SetByCode(entry.Property(nameof(IStamped.UpdatedAtUtc))))
                {
                    stamped.UpdatedAtUtc = now;
                }
            }
        }
    }

    /// <summary>An edit is saved under the version the user saw: <see cref="CrmWrite.ExpectVersion{TEntity}"/> marks the version modified.</summary>
    private static bool IsEdit(EntityEntry entry) => entry.Property(nameof(IVersioned.ConcurrencyStamp)).IsModified;

    private static bool SetByCode(PropertyEntry property) => property.IsModified && !Equals(property.CurrentValue, property.OriginalValue);
}

using System.Globalization;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Privacy.Requests;

/// <summary>The guards and lookups both request services share, so a state rule is written once.</summary>
internal static class RequestRules
{
    public const string EntityType = "SubjectRequest";

    /// <summary>Releases the holds a request placed on its matches (all of them, or one person's).</summary>
    public static async Task ReleaseHoldsAsync(CrmDbContext db, int requestId, PersonRef? person, CrmActor actor, DateTime now, CancellationToken cancellationToken)
    {
        var holds = db.RetentionHolds.Where(h => h.Kind == HoldKind.SubjectRequest && h.RequestId == requestId && h.ReleasedAtUtc == null);
        if (person is { } p)
        {
            holds = holds.Where(h => h.Category == p.Category && h.PersonId == p.Id);
        }

        await holds.ExecuteUpdateAsync(s => s.SetProperty(h => h.ReleasedAtUtc, now).SetProperty(h => h.ReleasedById, actor.Id).SetProperty(h => h.ReleasedByName, actor.DisplayName), cancellationToken);
    }

    public static async Task<SubjectRequest> FindAsync(CrmDbContext db, int id, CancellationToken cancellationToken, bool tracked = false)
    {
        var requests = tracked ? db.SubjectRequests : db.SubjectRequests.AsNoTracking();
        return await requests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new RecordNotFoundException(EntityType);
    }

    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

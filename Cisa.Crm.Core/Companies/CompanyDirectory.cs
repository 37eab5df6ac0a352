using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Companies;

/// <summary>Read access to the companies.</summary>
public sealed class CompanyDirectory(IDbContextFactory<CrmDbContext> dbFactory, ICurrentActor currentActor)
{
    /// <summary>How many companies there are of each type (every type present, zero included).</summary>
    public async Task<IReadOnlyDictionary<CompanyType, int>> CountByTypeAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.CompaniesRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Companies.AsNoTracking()
            .GroupBy(c => c.Type)
            .Select(g => new { Type = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Type, x => x.Count, cancellationToken);
        return Enum.GetValues<CompanyType>().ToDictionary(t => t, t => counts.GetValueOrDefault(t));
    }
}

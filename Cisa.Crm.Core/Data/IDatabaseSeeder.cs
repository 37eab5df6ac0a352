namespace Cisa.Crm.Core.Data;

/// <summary>
/// Fills an empty database when the host asks for it (the demo data of a development start). The core only calls it:
/// the data itself lives outside the core, which holds rules, not sample content.
/// </summary>
public interface IDatabaseSeeder
{
    /// <summary>Seeds when the database holds nothing yet; returns whether it did.</summary>
    Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default);
}

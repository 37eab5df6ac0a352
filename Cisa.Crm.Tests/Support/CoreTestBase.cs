using Cisa.Crm.Core.Security;

namespace Cisa.Crm.Tests.Support;

/// <summary>
/// A fresh migrated database per test; each feature's base class adds its own data and first caller.
/// </summary>
public abstract class CoreTestBase : IAsyncLifetime
{
    /// <summary>The test clock starts on Saturday 14 March 2026, 09:30 UTC (10:30 in Brussels).</summary>
    protected static readonly DateOnly Today = new(2026, 3, 14);

    protected TestDatabase Db { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await Db.DisposeAsync();

    protected void ActAs(CrmActor actor) => Db.Actor.Current = actor;
}

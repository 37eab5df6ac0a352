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

/// <summary>
/// A <see cref="CoreTestBase"/> for one feature: builds the feature's test-data helper, lets the feature create what
/// each of its tests starts from, then hands the database to the feature's usual caller.
/// </summary>
public abstract class CoreTestBase<TData>(Func<TestDatabase, TData> createData, CrmActor caller) : CoreTestBase
    where TData : class
{
    protected TData Data { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Data = createData(Db);
        await SeedAsync();
        ActAs(caller);
    }

    /// <summary>Creates, through <see cref="Data"/>, what every test of the feature starts from.</summary>
    protected abstract Task SeedAsync();
}

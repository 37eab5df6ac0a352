using Cisa.Crm.Core;
using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Web.Setup;
using Microsoft.AspNetCore.DataProtection;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cisa.Crm.Tests.Support;

/// <summary>
/// A real SQLite database in a temporary file, migrated like the app does, with the core services
/// wired to a <see cref="FakeTimeProvider"/> and a settable current actor. Never the EF in-memory provider.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private TestDatabase(string path, ServiceProvider services, FakeTimeProvider time, SettableActor actor)
    {
        FilePath = path;
        _services = services;
        _scope = services.CreateAsyncScope();
        Time = time;
        Actor = actor;
    }

    public const string AuditKey = "test-audit-key-0123456789abcdef0123456789";

    public string FilePath { get; }

    public FakeTimeProvider Time { get; }

    public SettableActor Actor { get; }

    /// <summary>One scope for the whole test, like one Blazor circuit.</summary>
    public IServiceProvider Services => _scope.ServiceProvider;

    public static async Task<TestDatabase> CreateAsync(bool seedDemoData = false)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cisa-crm-test-{Guid.NewGuid():N}.db");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero));
        var actor = new SettableActor();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<ICurrentActor>(actor)
            .AddCrmCoreServices($"Data Source={path};Pooling=False")
            .AddCrmDemoData()
            .Configure<AuditOptions>(o => (o.Key, o.AnchorPath) = (AuditKey, AnchorPathOf(path)))
            .Configure<SuppressionOptions>(o => o.Key = "test-suppression-key-0123456789abcdef")
            .AddSingleton<ICvProtector>(new DataProtectionCvProtector(DataProtectionProvider.Create("Cisa.Crm.Tests")))
            .BuildServiceProvider(validateScopes: true);
        var database = new TestDatabase(path, services, time, actor);
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemoData);
        return database;
    }

    /// <summary>The audit anchor of a test database: a file beside it (the app keeps it in another folder).</summary>
    public static string AnchorPathOf(string databasePath) => databasePath + ".audit-anchor.json";

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public CrmDbContext CreateContext() => _services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm", AnchorPathOf(FilePath) })
        {
            File.Delete(file);
        }
    }
}

/// <summary>The current actor of a core test; starts anonymous.</summary>
public sealed class SettableActor : ICurrentActor
{
    public CrmActor Current { get; set; } = CrmActor.Anonymous;

    public ValueTask<CrmActor> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Current);

    public static CrmActor WithRole(string? role, string id = "test-user", string name = "Test User") =>
        new(id, name, role is null ? [] : [role]);
}

using Cisa.Crm.Core;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Cisa.Crm.Benchmarks;

/// <summary>
/// The core wired as the web app wires it (<see cref="CoreServiceCollectionExtensions.AddCrmCoreServices"/>, pooled
/// SQLite connections, the system clock), with a fixed staff member as the current actor.
/// </summary>
internal static class BenchServices
{
    public static ServiceProvider Create(string databasePath, CrmActor actor, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection()
            .AddSingleton<ICurrentActor>(new FixedActor(actor))
            .AddCrmCoreServices(ConnectionString(databasePath))
            .Configure<AuditOptions>(o => (o.Key, o.AnchorPath) = (BenchmarkKeys.Audit, Path.GetFullPath(databasePath) + ".audit-anchor.json"))
            .Configure<SuppressionOptions>(o => o.Key = BenchmarkKeys.Suppression);
        configure?.Invoke(services);
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>The app's form (<c>Data Source=…</c>, pooling on): raw baselines use the same string, hence the same pool.</summary>
    public static string ConnectionString(string databasePath) => $"Data Source={Path.GetFullPath(databasePath)}";

    private sealed class FixedActor(CrmActor actor) : ICurrentActor
    {
        public ValueTask<CrmActor> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(actor);
    }
}

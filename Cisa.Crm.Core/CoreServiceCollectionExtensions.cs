using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cisa.Crm.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database and the core services. The host supplies an <see cref="Security.ICurrentActor"/>.
    /// </summary>
    public static IServiceCollection AddCrmCoreServices(this IServiceCollection services, string sqliteConnectionString)
    {
        services.AddDbContextFactory<CrmDbContext>(options => options.UseSqlite(sqliteConnectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditTrail>();
        services.AddScoped<AuditLog>();
        services.AddScoped<CompanyDirectory>();
        services.AddSingleton<DemoDataSeeder>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Cisa.Crm.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>
    /// Registers the demo data as the database's seeder; <see cref="DatabaseInitializer"/> runs it on start only when
    /// the host asks for demo data (<c>Crm:SeedDemoData</c>).
    /// </summary>
    public static IServiceCollection AddCrmDemoData(this IServiceCollection services)
    {
        services.AddSingleton<DemoDataSeeder>();
        services.AddSingleton<IDatabaseSeeder>(provider => provider.GetRequiredService<DemoDataSeeder>());
        return services;
    }
}

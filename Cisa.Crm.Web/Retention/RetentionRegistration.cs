namespace Cisa.Crm.Web.Retention;

public static class RetentionRegistration
{
    /// <summary>
    /// The sweep runner and the daily sweep (RET-RUN) as hosted services; one instance each, so pages can follow a sweep and
    /// ask when the next one runs. The runner comes first: the host stops in reverse order, so the schedule stops before it.
    /// </summary>
    public static WebApplicationBuilder AddCrmRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SweepRunner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SweepRunner>());
        builder.Services.AddSingleton<RetentionSweepScheduler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RetentionSweepScheduler>());
        return builder;
    }
}

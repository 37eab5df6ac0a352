namespace Cisa.Crm.Web.Retention;

public static class RetentionRegistration
{
    /// <summary>The daily sweep (RET-RUN) as a hosted service; one instance, so tests and pages can ask when it runs next.</summary>
    public static WebApplicationBuilder AddCrmRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RetentionSweepScheduler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RetentionSweepScheduler>());
        return builder;
    }
}

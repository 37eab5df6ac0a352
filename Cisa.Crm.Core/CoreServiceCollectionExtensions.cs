using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Data.Bookkeeping;
using Cisa.Crm.Core.Data.Sqlite;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Privacy.Erasure;
using Cisa.Crm.Core.Privacy.Requests;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Privacy.Suppression;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Core.Security.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database and the core services. The host supplies an <see cref="Security.ICurrentActor"/>
    /// and an <see cref="ICvProtector"/>, configures <see cref="AuditOptions"/> (the audit key and the anchor file) and <see cref="SuppressionOptions"/> (the suppression list's HMAC key); it may bind
    /// <see cref="RetentionOptions"/>, which are checked here.
    /// </summary>
    public static IServiceCollection AddCrmCoreServices(this IServiceCollection services, string sqliteConnectionString)
    {
        // Pooled: every service call takes a context and gives it back, and a new one costs more than the list's quick queries.
        // The bookkeeping interceptor stamps times from the registered TimeProvider (a test's fake clock too).
        services.AddPooledDbContextFactory<CrmDbContext>((provider, options) => options.UseSqlite(sqliteConnectionString)
            .AddInterceptors(new SqliteSecureDeleteInterceptor(), new BookkeepingInterceptor(provider.GetRequiredService<TimeProvider>()),
                provider.GetRequiredService<AuditAnchor>().Interceptor, provider.GetRequiredService<WaitingWriters>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditAnchor>();
        services.AddSingleton<WaitingWriters>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<SuppressionList>();
        services.AddSingleton<ProspectRules>();
        services.AddSingleton<PersonImport>();
        services.AddScoped<AuditLog>();
        services.AddScoped<CompanyService>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<ProspectService>();
        // The person categories (one class each in People/): services and components take them by injection; the one
        // instance is also PersonRegistry.Default, for the few static helpers that have no container (see PersonRegistry).
        services.AddSingleton(PersonRegistry.Default);
        services.AddSingleton(_ => new PreparedSearchConnections(sqliteConnectionString));
        services.AddScoped<PersonSearchService>();
        services.AddScoped<CallLogService>();
        services.AddScoped<SalesStatistics>();
        services.AddScoped<ProspectImportService>();
        services.AddScoped<ProspectExportService>();
        services.AddScoped<PartnerContactService>();
        services.AddScoped<DisclosureService>();
        services.AddScoped<PartnerContactCsvService>();
        services.AddScoped<ProcedureService>();
        services.AddScoped<ApplicantService>();
        // The host binds Crm:Retention; the checks are registered here, once, so a core-only host is checked as well.
        services.AddOptions<RetentionOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.AddSingleton<PersonEraser>();
        services.AddSingleton<RetentionSweep>();
        services.AddScoped<RetentionService>();
        services.AddScoped<SubjectRequestService>();
        services.AddScoped<RequestRecordsService>();
        services.AddSingleton<DatabaseInitializer>();
        // The host may bind Crm:Sessions; the checks are registered here, as for retention.
        services.AddOptions<UserSessionOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UserSessionOptions>, UserSessionOptionsValidator>());
        services.AddSingleton<SessionStore>();
        return services;
    }
}

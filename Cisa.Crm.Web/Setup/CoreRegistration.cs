using Cisa.Crm.Core;
using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Privacy.Suppression;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Demo;
using Cisa.Crm.Web.Authentication;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Web.Setup;

public static class CoreRegistration
{
    public const string AuditKeySetting = "Crm:Audit:Key";
    public const string SuppressionKeySetting = "Crm:Suppression:Key";
    public const string AuditAnchorSetting = "Crm:Audit:AnchorPath";
    private const string DefaultDatabaseFile = "cisa-crm.db";

    /// <summary>
    /// Registers the core against the SQLite database: <c>ConnectionStrings:Crm</c> when set,
    /// otherwise <c>db/cisa-crm.db</c> in the repository (the folder that holds <c>CisaCrm.sln</c>).
    /// </summary>
    public static WebApplicationBuilder AddCrmCore(this WebApplicationBuilder builder)
    {
        var root = FindRepositoryRoot(builder.Environment.ContentRootPath) ?? builder.Environment.ContentRootPath;
        var connectionString = builder.Configuration.GetConnectionString("Crm");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = $"Data Source={Path.Combine(root, "db", DefaultDatabaseFile)}";
        }

        builder.Services.AddCrmCoreServices(connectionString);
        // Always registered; seeded on start only when Crm:SeedDemoData is on (development and the one run command).
        builder.Services.AddCrmDemoData();

        // Secret keys: the audit chain's HMAC, the suppression list's HMAC, and ASP.NET Core's Data
        // Protection keys (sign-in cookies), all kept out of the repository.
        var configuration = builder.Configuration;
        var keys = new KeyStore(Path.Combine(root, "db", "keys"),
            mayGenerate: builder.Environment.IsDevelopment() || configuration.GetValue<bool>(SignInMode.LocalSignInSetting));
        var databaseFile = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        builder.Services.AddOptions<AuditOptions>()
            .Configure(o =>
            {
                o.Key = keys.Resolve(configuration, AuditKeySetting, "audit.key");
                o.AnchorPath = keys.ResolveAuditAnchor(configuration, AuditAnchorSetting, databaseFile);
            })
            .ValidateOnStart();
        builder.Services.AddOptions<SuppressionOptions>()
            .Configure(o => o.Key = keys.Resolve(configuration, SuppressionKeySetting, "suppression.key")).ValidateOnStart();
        AddKeyRing(builder, keys);
        builder.Services.AddOptions<CrmOptions>().BindConfiguration(CrmOptions.Section).ValidateOnStart();
        // Only the binding: the core registers RetentionOptions with their checks (AddCrmCoreServices).
        builder.Services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        builder.Services.AddScoped<ICurrentActor, SignedInActor>();
        builder.Services.AddSingleton<ICvProtector, DataProtectionCvProtector>();
        return builder;
    }

    /// <summary>
    /// ASP.NET Core Data Protection protects the sign-in cookie and encrypts the CVs. Its key ring lives in
    /// <c>Crm:DataProtection:KeysPath</c> (default <c>db/keys/data-protection</c>); in production the keys
    /// themselves must be encrypted with a certificate (<c>Crm:DataProtection:CertificatePath</c> and
    /// <c>...:CertificatePassword</c>), so a copy of the disk alone opens no CV.
    /// </summary>
    private static void AddKeyRing(WebApplicationBuilder builder, KeyStore keys)
    {
        var configuration = builder.Configuration;
        var path = configuration["Crm:DataProtection:KeysPath"];
        var keyRing = builder.Services.AddDataProtection()
            .SetApplicationName("Cisa.Crm")
            .PersistKeysToFileSystem(new DirectoryInfo(string.IsNullOrWhiteSpace(path) ? Path.Combine(keys.Folder, "data-protection") : path));
        var certificate = configuration["Crm:DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificate))
        {
            keyRing.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate, configuration["Crm:DataProtection:CertificatePassword"]));
        }


        // Checked when the app starts, after the other secrets, so each missing setting is named in turn.
        builder.Services.AddOptions<KeyRingOptions>()
            .Validate(_ => keys.MayGenerate || !string.IsNullOrWhiteSpace(certificate),
                "The setting Crm:DataProtection:CertificatePath is missing: in production the key ring that encrypts CVs and sign-in cookies must itself be encrypted with a certificate (.pfx).")
            .ValidateOnStart();
    }

    private sealed class KeyRingOptions;

    /// <summary>Migrates the database (creating it if needed) and seeds the demo data when configured.</summary>
    public static async Task InitializeCrmDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<CrmOptions>>().Value;
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(options.SeedDemoData, app.Lifetime.ApplicationStopping);
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CisaCrm.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}

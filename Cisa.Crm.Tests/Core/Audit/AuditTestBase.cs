using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Core.Audit;

/// <summary>A fresh database per test, the privacy officer signed in, and the ways tests write and tamper with the trail.</summary>
public abstract class AuditTestBase : IAsyncLifetime
{
    protected TestDatabase Db { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        Db.Actor.Current = SettableActor.WithRole(CrmRoles.PrivacyAdmin, "privacy-1", "Privacy Officer");
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();

    protected Task<AuditEntry> RecordAsync(string action, string? entityId = null) =>
        Db.Get<AuditTrail>().RecordEventAsync(SettableActor.WithRole(CrmRoles.Sales, "sales-1", "Sales Person"), action, "Company", entityId, "fields=Name");

    /// <summary>A chain of <paramref name="count"/> company updates, entity ids 0 to count - 1.</summary>
    protected async Task RecordManyAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await RecordAsync("Company.Update", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }


    /// <summary>Puts the guards back as the migration created them, after <see cref="BypassTriggersAsync"/>.</summary>
    protected async Task RestoreTriggersAsync()
    {
        await using var context = Db.CreateContext();
        await context.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;
            CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;
            """);
    }

    /// <summary>Simulates someone editing the file directly: drop the guards, change rows, put the guards back.</summary>
    protected async Task BypassTriggersAsync(string sql)
    {
        await using var context = Db.CreateContext();
        await context.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoUpdate; DROP TRIGGER AuditEntries_NoDelete;");
        await context.Database.ExecuteSqlRawAsync(sql);
    }
}

using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Core.Audit;

public sealed class AuditTrailTests : AuditTestBase
{
    [Fact]
    public async Task LOG_ACTIONS_entries_are_numbered_chained_and_stamped_with_the_clock()
    {
        await RecordAsync("Company.Update", "7");
        Db.Time.Advance(TimeSpan.FromMinutes(5));
        await RecordAsync("Company.Update", "8");

        await using var context = Db.CreateContext();
        var entries = await context.AuditEntries.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([1L, 2L], entries.Select(e => e.Id));
        Assert.Equal(AuditEntry.GenesisHash, entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(new DateTime(2026, 3, 14, 9, 35, 0, DateTimeKind.Utc), entries[1].OccurredAtUtc);
        Assert.Equal(DateTimeKind.Utc, entries[1].OccurredAtUtc.Kind);
        Assert.Equal("sales-1", entries[1].ActorId);
    }

    [Fact]
    public async Task LOG_ACTIONS_an_intact_chain_verifies_and_the_check_itself_is_recorded()
    {
        await RecordManyAsync(5);

        var report = await Db.Get<AuditLog>().VerifyChainAsync();

        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(5, report.EntriesChecked);
        await using var context = Db.CreateContext();
        Assert.Equal(AuditActions.AuditChainVerified, (await context.AuditEntries.OrderBy(e => e.Id).LastAsync()).Action);
    }

    [Fact]
    public async Task LOG_ACTIONS_the_database_refuses_to_update_or_delete_an_entry()
    {
        await RecordAsync("Company.Update", "1");
        await using var context = Db.CreateContext();

        var update = await Assert.ThrowsAsync<SqliteException>(() =>
            context.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Action = 'Nothing' WHERE Id = 1"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() =>
            context.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Id = 1"));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
    }

    /// <summary>Someone edits the file directly: one entry changed, one taken from the middle, or the newest ones cut off (also with the counter lowered, or everything emptied).</summary>
    [Theory]
    [InlineData(3, "UPDATE AuditEntries SET EntityId = '999' WHERE Id = 2", 2, AuditChainProblem.Altered, null)]
    [InlineData(4, "DELETE FROM AuditEntries WHERE Id = 3", 3, AuditChainProblem.Missing, null)]
    [InlineData(4, "DELETE FROM AuditEntries WHERE Id >= 3", 3, AuditChainProblem.CutFromEnd, 4L)]
    // Issue 18, 1a: the newest 100 entries deleted and SQLite's counter lowered to match (only the anchor knows).
    [InlineData(150, "DELETE FROM AuditEntries WHERE Id > 50; UPDATE sqlite_sequence SET seq = 50 WHERE name = 'AuditEntries';", 51, AuditChainProblem.CutFromEnd, 150L)]
    // Issue 18, 1b: every entry and the counter's row deleted: an empty trail is not an intact one.
    [InlineData(20, "DELETE FROM AuditEntries; DELETE FROM sqlite_sequence WHERE name = 'AuditEntries';", 1, AuditChainProblem.CutFromEnd, 20L)]
    public async Task LOG_ACTIONS_a_tampered_deleted_or_cut_off_entry_is_detected(int entries, string tampering, long brokenAt,
        AuditChainProblem kind, long? lastRemoved)
    {
        await RecordManyAsync(entries);

        await BypassTriggersAsync(tampering);

        var report = await Db.Get<AuditLog>().VerifyChainAsync();
        Assert.False(report.IsIntact);
        Assert.Equal(brokenAt, report.BrokenAtId);
        Assert.Equal(kind, report.Kind);
        Assert.Equal(lastRemoved, report.ThroughId);
    }

    /// <summary>
    /// Issue 18, 1c: the newest 100 entries deleted (the counter left alone), the guards put back, and the app writes
    /// 120 new entries over the gap, so the numbers, the links and the counter agree again.
    /// </summary>
    [Fact]
    public async Task LOG_ACTIONS_a_tail_cut_and_written_over_by_the_app_is_detected()
    {
        await RecordManyAsync(150);
        await BypassTriggersAsync("DELETE FROM AuditEntries WHERE Id > 50;");
        await RestoreTriggersAsync();

        await RecordManyAsync(120);

        var report = await Db.Get<AuditLog>().VerifyChainAsync();
        Assert.False(report.IsIntact, "A cut tail written over by 120 new entries verified as intact.");
        Assert.Equal(150, report.BrokenAtId);
        Assert.Equal(AuditChainProblem.Replaced, report.Kind);
    }

    /// <summary>Issue 18, 1d: a missing record id (NULL) turned into the one-character text char(0).</summary>
    [Fact]
    public async Task LOG_ACTIONS_a_null_field_turned_into_char_0_is_detected()
    {
        await RecordManyAsync(1);
        await RecordAsync("Company.Update", entityId: null);
        await RecordManyAsync(1);

        await BypassTriggersAsync("UPDATE AuditEntries SET EntityId = char(0) WHERE Id = 2 AND EntityId IS NULL;");

        await using (var context = Db.CreateContext())
        {
            Assert.Equal("\0", (await context.AuditEntries.SingleAsync(e => e.Id == 2)).EntityId);
        }

        var report = await Db.Get<AuditLog>().VerifyChainAsync();
        Assert.False(report.IsIntact, "A NULL record id changed to char(0) verified as intact.");
        Assert.Equal(2, report.BrokenAtId);
        Assert.Equal(AuditChainProblem.Altered, report.Kind);
    }

    [Fact]
    public async Task LOG_ACTIONS_a_signed_checkpoint_proves_later_that_the_trail_still_reaches_it()
    {
        await RecordManyAsync(10);
        var log = Db.Get<AuditLog>();

        var checkpoint = await log.ExportCheckpointAsync();
        await using (var context = Db.CreateContext())
        {
            Assert.Equal(AuditActions.AuditCheckpointExported, (await context.AuditEntries.SingleAsync(e => e.Id == 11)).Action);
        }

        var holds = await log.VerifyCheckpointAsync(checkpoint);
        var edited = await log.VerifyCheckpointAsync(checkpoint with { Count = 5 });
        await BypassTriggersAsync("DELETE FROM AuditEntries WHERE Id > 8;");
        var cut = await log.VerifyCheckpointAsync(checkpoint);

        Assert.Equal(11, checkpoint.Count);
        Assert.Equal(64, checkpoint.Mac.Length);
        Assert.Equal(AuditCheckpointVerdict.Holds, holds);
        Assert.Equal(AuditCheckpointVerdict.NotSigned, edited);
        Assert.Equal(AuditCheckpointVerdict.CutFromEnd, cut);
    }

    [Fact]
    public async Task LOG_ACTIONS_a_forger_without_the_key_cannot_rebuild_a_chain_that_verifies()
    {
        await RecordManyAsync(3);

        // Someone with write access to the file edits entry 2 and recomputes the hashes with a key of their own.
        await using (var context = Db.CreateContext())
        {
            var entries = await context.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
            var forgedKey = System.Text.Encoding.UTF8.GetBytes("not-the-real-key-not-the-real-key!");
            var previous = entries[0].Hash;
            await context.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoUpdate;");
            foreach (var entry in entries.Skip(1))
            {
                var forged = AuditEntry.Create(entry.Id, entry.OccurredAtUtc, entry.ActorId, entry.ActorName, entry.Action,
                    entry.EntityType, entry.Id == 2 ? "999" : entry.EntityId, entry.Details, previous, forgedKey);
                await context.Database.ExecuteSqlAsync($"UPDATE AuditEntries SET EntityId = {forged.EntityId}, PreviousHash = {forged.PreviousHash}, Hash = {forged.Hash} WHERE Id = {entry.Id}");
                previous = forged.Hash;
            }
        }

        var report = await Db.Get<AuditLog>().VerifyChainAsync();
        Assert.False(report.IsIntact);
        Assert.Equal(2, report.BrokenAtId);
        Assert.Equal(AuditChainProblem.Altered, report.Kind);
    }

    [Fact]
    public async Task LOG_ACTIONS_entries_written_while_the_chain_is_verified_are_no_false_alarm()
    {
        await RecordAsync("Company.Update");
        var trail = Db.Get<AuditTrail>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await trail.RecordEventAsync(CrmActor.System, "Company.Update", "Company");
            }
        });

        var reports = new List<AuditChainReport>();
        for (var i = 0; i < 20; i++)
        {
            reports.Add(await Db.Get<AuditLog>().VerifyChainAsync());
        }

        await stop.CancelAsync();
        await writer;
        Assert.All(reports, r => Assert.True(r.IsIntact, r.Problem));
    }

    [Fact]
    public async Task LOG_ACTIONS_an_entry_is_written_only_inside_the_transaction_of_its_change()
    {
        await using var context = Db.CreateContext();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Db.Get<AuditTrail>().RecordAsync(context, CrmActor.System, "Company.Update", "Company"));
    }

    [Fact]
    public async Task LOG_ACTIONS_a_rolled_back_change_leaves_no_audit_entry_and_no_gap()
    {
        await using (var context = Db.CreateContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            await Db.Get<AuditTrail>().RecordAsync(context, CrmActor.System, "Company.Update", "Company", "1");
            await transaction.RollbackAsync();
        }

        await RecordAsync("Company.Update", "2");

        var report = await Db.Get<AuditLog>().VerifyChainAsync();
        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(1, report.EntriesChecked);
    }

    [Fact]
    public async Task LOG_ACTIONS_the_browser_filters_by_user_action_and_date_and_pages_newest_first()
    {
        var trail = Db.Get<AuditTrail>();
        var anna = SettableActor.WithRole(CrmRoles.Sales, "anna", "Anna");
        var bart = SettableActor.WithRole(CrmRoles.HR, "bart", "Bart");
        for (var i = 0; i < 30; i++)
        {
            await trail.RecordEventAsync(i % 3 == 0 ? bart : anna, i % 2 == 0 ? AuditActions.SignIn : "Company.Update", "Company", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Db.Time.Advance(TimeSpan.FromHours(1));
        }

        var log = Db.Get<AuditLog>();
        var byBart = await log.SearchAsync(new AuditFilter(ActorId: "bart"), new PageRequest(0, 50));
        var bartSignIns = await log.SearchAsync(new AuditFilter(ActorId: "bart", Action: AuditActions.SignIn), new PageRequest(0, 50));
        var firstDay = await log.SearchAsync(new AuditFilter(ToUtcExclusive: new DateTime(2026, 3, 15, 0, 0, 0, DateTimeKind.Utc)), new PageRequest(0, 50));
        var secondPage = await log.SearchAsync(new AuditFilter(), new PageRequest(10, 10));

        Assert.Equal(10, byBart.TotalCount);
        Assert.Equal(5, bartSignIns.TotalCount);
        Assert.Equal(15, firstDay.TotalCount); // 09:30 … 23:30 UTC on 14 March
        Assert.Equal(30, secondPage.TotalCount);
        Assert.Equal(Enumerable.Range(11, 10).Select(i => (long)i).Reverse(), secondPage.Items.Select(e => e.Id));
    }

    [Theory]
    [InlineData(CrmRoles.Sales)]
    [InlineData(CrmRoles.HR)]
    [InlineData(null)]
    public async Task LOG_ACTIONS_only_the_privacy_officer_reads_or_verifies_the_trail(string? role)
    {
        Db.Actor.Current = SettableActor.WithRole(role);
        var log = Db.Get<AuditLog>();

        var read = await Assert.ThrowsAsync<PermissionDeniedException>(() => log.SearchAsync(new AuditFilter(), new PageRequest(0, 10)));
        var verify = await Assert.ThrowsAsync<PermissionDeniedException>(() => log.VerifyChainAsync());
        var checkpoint = await Assert.ThrowsAsync<PermissionDeniedException>(() => log.ExportCheckpointAsync());
        Assert.Equal(Permission.AuditVerify, checkpoint.Permission);

        Assert.Equal(Permission.AuditRead, read.Permission);
        Assert.Equal(Permission.AuditVerify, verify.Permission);
    }
}

using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Core.Audit;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _db.Actor.Current = SettableActor.WithRole(CrmRoles.PrivacyAdmin, "privacy-1", "Privacy Officer");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Task<AuditEntry> RecordAsync(string action, string? entityId = null) =>
        _db.Get<AuditTrail>().RecordEventAsync(SettableActor.WithRole(CrmRoles.Sales, "sales-1", "Sales Person"), action, "Company", entityId, "fields=Name");

    /// <summary>A chain of <paramref name="count"/> company updates, entity ids 0 to count - 1.</summary>
    private async Task RecordManyAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await RecordAsync("Company.Update", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task LOG_ACTIONS_entries_are_numbered_chained_and_stamped_with_the_clock()
    {
        await RecordAsync("Company.Update", "7");
        _db.Time.Advance(TimeSpan.FromMinutes(5));
        await RecordAsync("Company.Update", "8");

        await using var context = _db.CreateContext();
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

        var report = await _db.Get<AuditLog>().VerifyChainAsync();

        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(5, report.EntriesChecked);
        await using var context = _db.CreateContext();
        Assert.Equal(AuditActions.AuditChainVerified, (await context.AuditEntries.OrderBy(e => e.Id).LastAsync()).Action);
    }

    [Fact]
    public async Task LOG_ACTIONS_the_database_refuses_to_update_or_delete_an_entry()
    {
        await RecordAsync("Company.Update", "1");
        await using var context = _db.CreateContext();

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

        var report = await _db.Get<AuditLog>().VerifyChainAsync();
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

        var report = await _db.Get<AuditLog>().VerifyChainAsync();
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

        await using (var context = _db.CreateContext())
        {
            Assert.Equal("\0", (await context.AuditEntries.SingleAsync(e => e.Id == 2)).EntityId);
        }

        var report = await _db.Get<AuditLog>().VerifyChainAsync();
        Assert.False(report.IsIntact, "A NULL record id changed to char(0) verified as intact.");
        Assert.Equal(2, report.BrokenAtId);
        Assert.Equal(AuditChainProblem.Altered, report.Kind);
    }

    [Fact]
    public async Task LOG_ACTIONS_the_anchor_outside_the_database_follows_every_commit()
    {
        await RecordManyAsync(3);

        var (exists, valid, state) = _db.Get<AuditTrail>().Anchor.Read();

        Assert.True(exists && valid);
        Assert.Equal(3, state!.Count);
        Assert.Null(state.Pending);
        await using var context = _db.CreateContext();
        Assert.Equal((await context.AuditEntries.SingleAsync(e => e.Id == 3)).Hash, state.Hash);
        Assert.NotEqual(Path.GetFullPath(_db.FilePath), _db.Get<AuditTrail>().Anchor.FilePath);
    }

    [Fact]
    public async Task LOG_ACTIONS_a_rolled_back_commit_leaves_the_anchor_where_it_was()
    {
        await RecordManyAsync(2);
        var before = _db.Get<AuditTrail>().Anchor.Read().State;

        await using (var context = _db.CreateContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            await _db.Get<AuditTrail>().RecordAsync(context, CrmActor.System, "Company.Update", "Company", "1");
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, _db.Get<AuditTrail>().Anchor.Read().State);
    }

    /// <summary>
    /// The process stops after SQLite committed entries 4 and 5 but before the anchor folded them in: the anchor still
    /// says 3, with 4 to 5 pending. Verification says so precisely, and the next commit folds them in.
    /// </summary>
    [Fact]
    public async Task LOG_ACTIONS_a_stop_between_the_commit_and_the_anchor_update_is_named_and_no_false_alarm()
    {
        await RecordManyAsync(5);
        var anchor = _db.Get<AuditTrail>().Anchor;
        var state = anchor.Read().State!;
        string third;
        await using (var context = _db.CreateContext())
        {
            third = (await context.AuditEntries.SingleAsync(e => e.Id == 3)).Hash;
        }

        anchor.Write(state with { Count = 3, Hash = third, Pending = new AuditAnchorPending(4, 5, state.Hash) });

        var report = await _db.Get<AuditLog>().VerifyChainAsync();

        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(new AuditAnchorPending(4, 5, state.Hash), report.InFlight);
        var after = anchor.Read().State!;
        Assert.Equal(6, after.Count); // the verification's own entry folded 4 and 5 in
        Assert.Null(after.Pending);
    }

    /// <summary>The process stops after the anchor recorded a commit as pending but before SQLite committed it: nothing to explain.</summary>
    [Fact]
    public async Task LOG_ACTIONS_a_stop_before_the_commit_leaves_an_anchor_that_claims_nothing_uncommitted()
    {
        await RecordManyAsync(3);
        var anchor = _db.Get<AuditTrail>().Anchor;
        var state = anchor.Read().State!;
        anchor.Write(state with { Pending = new AuditAnchorPending(4, 6, new string('a', 64)) });

        var report = await _db.Get<AuditLog>().VerifyChainAsync();

        Assert.True(report.IsIntact, report.Problem);
        Assert.Null(report.InFlight);
        Assert.Equal(4, anchor.Read().State!.Count);
    }

    [Fact]
    public async Task LOG_ACTIONS_several_writers_at_once_keep_the_anchor_at_the_end_of_the_chain()
    {
        var trail = _db.Get<AuditTrail>();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await trail.RecordEventAsync(CrmActor.System, "Company.Update", "Company", writer.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        })));

        var report = await _db.Get<AuditLog>().VerifyChainAsync();

        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(90, report.EntriesChecked);
        Assert.Equal(91, trail.Anchor.Read().State!.Count);
    }

    [Fact]
    public async Task LOG_ACTIONS_a_trail_whose_anchor_file_is_gone_or_edited_is_not_proven()
    {
        await RecordManyAsync(3);
        var anchor = _db.Get<AuditTrail>().Anchor;
        var genuine = await File.ReadAllTextAsync(anchor.FilePath);

        File.Delete(anchor.FilePath);
        var missing = await _db.Get<AuditLog>().VerifyChainAsync();
        await File.WriteAllTextAsync(anchor.FilePath, genuine.Replace("\"Count\":3", "\"Count\":2", StringComparison.Ordinal));
        var edited = await _db.Get<AuditLog>().VerifyChainAsync();

        Assert.Equal(AuditChainProblem.AnchorMissing, missing.Kind);
        Assert.False(missing.IsIntact);
        Assert.Contains("\"Count\":3", genuine, StringComparison.Ordinal);
        Assert.Equal(AuditChainProblem.AnchorInvalid, edited.Kind);
        Assert.False(edited.IsIntact);
    }

    /// <summary>
    /// A database from before the anchor and the second hash format: its entries keep verifying in their format, the
    /// anchor starts at their end with an entry saying so, and the report says from which entry the end is proven.
    /// </summary>
    [Fact]
    public async Task LOG_ACTIONS_entries_of_the_older_hash_format_keep_verifying_and_the_anchor_starts_after_them()
    {
        var trail = _db.Get<AuditTrail>();
        await using (var context = _db.CreateContext())
        {
            var previous = AuditEntry.GenesisHash;
            for (var id = 1; id <= 3; id++)
            {
                var old = AuditEntry.Create(id, new DateTime(2025, 1, id, 8, 0, 0, DateTimeKind.Utc), "sales-1", "Sales Person", "Company.Update",
                    "Company", id == 2 ? null : id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, previous, trail.Key, hashFormat: 1);
                context.AuditEntries.Add(old);
                previous = old.Hash;
            }

            await context.SaveChangesAsync();
        }

        File.Delete(trail.Anchor.FilePath);
        await trail.StartAnchorAsync();
        await RecordAsync("Company.Update", "4");

        var report = await _db.Get<AuditLog>().VerifyChainAsync();

        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(5, report.EntriesChecked);
        Assert.Equal(3, report.LegacyEntries);
        Assert.Equal(3, report.AnchoredFrom);
        await using var check = _db.CreateContext();
        var started = await check.AuditEntries.SingleAsync(e => e.Id == 4);
        Assert.Equal((AuditActions.AuditAnchorStarted, "entries=3", AuditEntry.CurrentHashFormat), (started.Action, started.Details, started.HashFormat));
    }

    [Fact]
    public async Task LOG_ACTIONS_an_entry_set_back_to_the_older_hash_format_is_detected()
    {
        await RecordManyAsync(3);

        await BypassTriggersAsync("UPDATE AuditEntries SET HashFormat = 1 WHERE Id = 2;");

        var report = await _db.Get<AuditLog>().VerifyChainAsync();
        Assert.Equal((false, 2L, AuditChainProblem.Altered), (report.IsIntact, report.BrokenAtId, report.Kind));
    }

    [Fact]
    public async Task LOG_ACTIONS_a_signed_checkpoint_proves_later_that_the_trail_still_reaches_it()
    {
        await RecordManyAsync(10);
        var log = _db.Get<AuditLog>();

        var checkpoint = await log.ExportCheckpointAsync();
        await using (var context = _db.CreateContext())
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
        await using (var context = _db.CreateContext())
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

        var report = await _db.Get<AuditLog>().VerifyChainAsync();
        Assert.False(report.IsIntact);
        Assert.Equal(2, report.BrokenAtId);
        Assert.Equal(AuditChainProblem.Altered, report.Kind);
    }

    [Fact]
    public async Task LOG_ACTIONS_entries_written_while_the_chain_is_verified_are_no_false_alarm()
    {
        await RecordAsync("Company.Update");
        var trail = _db.Get<AuditTrail>();
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
            reports.Add(await _db.Get<AuditLog>().VerifyChainAsync());
        }

        await stop.CancelAsync();
        await writer;
        Assert.All(reports, r => Assert.True(r.IsIntact, r.Problem));
    }

    [Fact]
    public async Task LOG_ACTIONS_an_entry_is_written_only_inside_the_transaction_of_its_change()
    {
        await using var context = _db.CreateContext();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _db.Get<AuditTrail>().RecordAsync(context, CrmActor.System, "Company.Update", "Company"));
    }

    [Fact]
    public async Task LOG_ACTIONS_a_rolled_back_change_leaves_no_audit_entry_and_no_gap()
    {
        await using (var context = _db.CreateContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            await _db.Get<AuditTrail>().RecordAsync(context, CrmActor.System, "Company.Update", "Company", "1");
            await transaction.RollbackAsync();
        }

        await RecordAsync("Company.Update", "2");

        var report = await _db.Get<AuditLog>().VerifyChainAsync();
        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(1, report.EntriesChecked);
    }

    [Fact]
    public async Task LOG_ACTIONS_the_browser_filters_by_user_action_and_date_and_pages_newest_first()
    {
        var trail = _db.Get<AuditTrail>();
        var anna = SettableActor.WithRole(CrmRoles.Sales, "anna", "Anna");
        var bart = SettableActor.WithRole(CrmRoles.HR, "bart", "Bart");
        for (var i = 0; i < 30; i++)
        {
            await trail.RecordEventAsync(i % 3 == 0 ? bart : anna, i % 2 == 0 ? AuditActions.SignIn : "Company.Update", "Company", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _db.Time.Advance(TimeSpan.FromHours(1));
        }

        var log = _db.Get<AuditLog>();
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
        _db.Actor.Current = SettableActor.WithRole(role);
        var log = _db.Get<AuditLog>();

        var read = await Assert.ThrowsAsync<PermissionDeniedException>(() => log.SearchAsync(new AuditFilter(), new PageRequest(0, 10)));
        var verify = await Assert.ThrowsAsync<PermissionDeniedException>(() => log.VerifyChainAsync());
        var checkpoint = await Assert.ThrowsAsync<PermissionDeniedException>(() => log.ExportCheckpointAsync());
        Assert.Equal(Permission.AuditVerify, checkpoint.Permission);

        Assert.Equal(Permission.AuditRead, read.Permission);
        Assert.Equal(Permission.AuditVerify, verify.Permission);
    }

    /// <summary>Puts the guards back as the migration created them, after <see cref="BypassTriggersAsync"/>.</summary>
    private async Task RestoreTriggersAsync()
    {
        await using var context = _db.CreateContext();
        await context.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;
            CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only.'); END;
            """);
    }

    /// <summary>Simulates someone editing the file directly: drop the guards, change rows, put the guards back.</summary>
    private async Task BypassTriggersAsync(string sql)
    {
        await using var context = _db.CreateContext();
        await context.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoUpdate; DROP TRIGGER AuditEntries_NoDelete;");
        await context.Database.ExecuteSqlRawAsync(sql);
    }
}

using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Tests.Core.Audit;

/// <summary>The trail's end proven by the anchor outside the database, and the hash formats (issue 18, LOG-ACTIONS).</summary>
public sealed class AuditAnchorTests : AuditTestBase
{
    [Fact]
    public async Task LOG_ACTIONS_the_anchor_outside_the_database_follows_every_commit()
    {
        await RecordManyAsync(3);

        var (exists, valid, state) = Db.Get<AuditTrail>().Anchor.Read();

        Assert.True(exists && valid);
        Assert.Equal(3, state!.Count);
        Assert.Null(state.Pending);
        await using var context = Db.CreateContext();
        Assert.Equal((await context.AuditEntries.SingleAsync(e => e.Id == 3)).Hash, state.Hash);
        Assert.NotEqual(Path.GetFullPath(Db.FilePath), Db.Get<AuditTrail>().Anchor.FilePath);
    }

    [Fact]
    public async Task LOG_ACTIONS_a_rolled_back_commit_leaves_the_anchor_where_it_was()
    {
        await RecordManyAsync(2);
        var before = Db.Get<AuditTrail>().Anchor.Read().State;

        await using (var context = Db.CreateContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            await Db.Get<AuditTrail>().RecordAsync(context, CrmActor.System, "Company.Update", "Company", "1");
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, Db.Get<AuditTrail>().Anchor.Read().State);
    }

    /// <summary>
    /// The process stops after SQLite committed entries 4 and 5 but before the anchor folded them in: the anchor still
    /// says 3, with 4 to 5 pending. Verification says so precisely, and the next commit folds them in.
    /// </summary>
    [Fact]
    public async Task LOG_ACTIONS_a_stop_between_the_commit_and_the_anchor_update_is_named_and_no_false_alarm()
    {
        await RecordManyAsync(5);
        var anchor = Db.Get<AuditTrail>().Anchor;
        var state = anchor.Read().State!;
        string third;
        await using (var context = Db.CreateContext())
        {
            third = (await context.AuditEntries.SingleAsync(e => e.Id == 3)).Hash;
        }

        anchor.Write(state with { Count = 3, Hash = third, Pending = new AuditAnchorPending(4, 5, state.Hash) });

        var report = await Db.Get<AuditLog>().VerifyChainAsync();

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
        var anchor = Db.Get<AuditTrail>().Anchor;
        var state = anchor.Read().State!;
        anchor.Write(state with { Pending = new AuditAnchorPending(4, 6, new string('a', 64)) });

        var report = await Db.Get<AuditLog>().VerifyChainAsync();

        Assert.True(report.IsIntact, report.Problem);
        Assert.Null(report.InFlight);
        Assert.Equal(4, anchor.Read().State!.Count);
    }

    [Fact]
    public async Task LOG_ACTIONS_several_writers_at_once_keep_the_anchor_at_the_end_of_the_chain()
    {
        var trail = Db.Get<AuditTrail>();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await trail.RecordEventAsync(CrmActor.System, "Company.Update", "Company", writer.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        })));

        var report = await Db.Get<AuditLog>().VerifyChainAsync();

        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(90, report.EntriesChecked);
        Assert.Equal(91, trail.Anchor.Read().State!.Count);
    }

    [Fact]
    public async Task LOG_ACTIONS_a_trail_whose_anchor_file_is_gone_or_edited_is_not_proven()
    {
        await RecordManyAsync(3);
        var anchor = Db.Get<AuditTrail>().Anchor;
        var genuine = await File.ReadAllTextAsync(anchor.FilePath);

        File.Delete(anchor.FilePath);
        var missing = await Db.Get<AuditLog>().VerifyChainAsync();
        await File.WriteAllTextAsync(anchor.FilePath, genuine.Replace("\"Count\":3", "\"Count\":2", StringComparison.Ordinal));
        var edited = await Db.Get<AuditLog>().VerifyChainAsync();

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
        var trail = Db.Get<AuditTrail>();
        await using (var context = Db.CreateContext())
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

        var report = await Db.Get<AuditLog>().VerifyChainAsync();

        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(5, report.EntriesChecked);
        Assert.Equal(3, report.LegacyEntries);
        Assert.Equal(3, report.AnchoredFrom);
        await using var check = Db.CreateContext();
        var started = await check.AuditEntries.SingleAsync(e => e.Id == 4);
        Assert.Equal((AuditActions.AuditAnchorStarted, "entries=3", AuditEntry.CurrentHashFormat), (started.Action, started.Details, started.HashFormat));
    }

    [Fact]
    public async Task LOG_ACTIONS_an_entry_set_back_to_the_older_hash_format_is_detected()
    {
        await RecordManyAsync(3);

        await BypassTriggersAsync("UPDATE AuditEntries SET HashFormat = 1 WHERE Id = 2;");

        var report = await Db.Get<AuditLog>().VerifyChainAsync();
        Assert.Equal((false, 2L, AuditChainProblem.Altered), (report.IsIntact, report.BrokenAtId, report.Kind));
    }
}

using System.Globalization;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cisa.Crm.Core.Privacy.Retention;

/// <summary>
/// The privacy officer's view of retention (RET-RUN): the policies, a preview for any day, the sweep on
/// demand, the history of runs, and legal holds that keep a record out of the sweep.
/// </summary>
public sealed class RetentionService(
    IDbContextFactory<CrmDbContext> dbFactory,
    ICurrentActor currentActor,
    RetentionSweep sweep,
    AuditTrail trail,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    PersonRegistry registry)
{
    private const int HeldListLimit = 200;

    /// <summary>The field of the preview's day, for <see cref="FieldError"/>s.</summary>
    public const string AsOfField = "AsOf";

    /// <summary>The field of the preview's rule, for <see cref="FieldError"/>s.</summary>
    public const string RuleField = "Rule";

    /// <summary>
    /// The rules as the policy page lists them: the CV before the rest of the applicant, as people read them, which is
    /// the enum's order; the sweep works in its own order (<see cref="RetentionRules.All"/>).
    /// </summary>
    public IReadOnlyList<RetentionPolicyRow> Policies() =>
        Enum.GetValues<RetentionRule>()
            .Select(rule => new RetentionPolicyRow(rule, rule.Id(), RetentionPolicy.Years(rule, options.Value), rule.Category()))
            .ToList();

    public RetentionOptions Settings => options.Value;

    /// <summary>What a sweep on <paramref name="asOf"/> would erase and hold; erases nothing.</summary>
    /// <exception cref="CrmValidationException">The day is outside <see cref="DateWindow.RetentionPreview"/> (31/12/9999 would
    /// overflow the due dates), or the rule is none of <see cref="RetentionRule"/>.</exception>
    public async Task<RetentionPreview> PreviewAsync(DateOnly asOf, RetentionRule? only, PageRequest page, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.RetentionRead, cancellationToken);
        var v = new Validator();
        v.Day(AsOfField, asOf, DateWindow.RetentionPreview(BrusselsTime.Today(time)));
        if (only is { } asked)
        {
            v.Choice(RuleField, asked);
        }

        v.ThrowIfInvalid();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = new RetentionQueries(db, asOf, options.Value);
        var counts = await due.CountsAsync(cancellationToken);

        var rules = only is { } one ? [one] : RetentionRules.All;
        var wanted = new List<(RetentionRule Rule, int Id)>();
        var skip = page.SafeSkip;
        var take = page.SafeTake;
        foreach (var rule in rules)
        {
            var erasable = counts.Single(c => c.Rule == rule).Erasable;
            if (take > 0 && skip < erasable)
            {
                var ids = await due.Erasable(rule).OrderBy(id => id).Skip(skip).Take(take).ToListAsync(cancellationToken);
                wanted.AddRange(ids.Select(id => (rule, id)));
                take -= ids.Count;
            }

            skip = Math.Max(0, skip - erasable);
        }

        var held = new List<(RetentionRule Rule, RetentionHold Hold)>();
        foreach (var rule in rules)
        {
            held.AddRange((await due.Held(rule).AsNoTracking().OrderBy(h => h.PersonId).Take(HeldListLimit).ToListAsync(cancellationToken)).Select(h => (rule, h)));
        }

        var people = wanted.Select(w => new PersonRef(w.Rule.Category(), w.Id)).Concat(held.Select(h => new PersonRef(h.Hold.Category, h.Hold.PersonId))).ToList();
        var labels = await registry.LabelsAsync(db, people, cancellationToken);
        var anchors = await AnchorsAsync(db, people, cancellationToken);
        DueRecord Record(RetentionRule rule, PersonRef person, HoldRow? hold) =>
            new(rule, labels.GetValueOrDefault(person) ?? Unknown(person), RetentionPolicy.DueOn(rule, anchors.GetValueOrDefault(person), options.Value), hold);

        return new RetentionPreview(
            asOf,
            counts,
            new PagedResult<DueRecord>(wanted.Select(w => Record(w.Rule, new PersonRef(w.Rule.Category(), w.Id), null)).ToList(), rules.Sum(r => counts.Single(c => c.Rule == r).Erasable)),
            held.Select(h =>
            {
                var person = new PersonRef(h.Hold.Category, h.Hold.PersonId);
                return Record(h.Rule, person, ToRow(h.Hold, labels.GetValueOrDefault(person) ?? Unknown(person)));
            }).ToList());
    }

    /// <summary>
    /// The dashboard card: records past their period today, and those falling due after today within 30 and within 90
    /// days (not counting the ones already due, which the card shows apart).
    /// </summary>
    public async Task<RetentionOutlook> OutlookAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.RetentionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = BrusselsTime.Today(time);
        var now = await new RetentionQueries(db, today, options.Value).CountsAsync(cancellationToken);
        async Task<IReadOnlyList<RuleCount>> ComingAsync(int days)
        {
            var byThen = await new RetentionQueries(db, today.AddDays(days), options.Value).CountsAsync(cancellationToken);
            return byThen.Select(then =>
            {
                var already = now.Single(n => n.Rule == then.Rule);
                return new RuleCount(then.Rule, then.Due - already.Due, then.Held - already.Held);
            }).ToList();
        }

        return new RetentionOutlook(now, await ComingAsync(30), await ComingAsync(90));
    }

    /// <summary>Runs the sweep now as the signed-in privacy officer.</summary>
    public async Task<RetentionRun> RunNowAsync(IProgress<SweepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.RetentionRun, cancellationToken);
        return await sweep.RunAsync(actor, SweepTrigger.OnDemand, progress, cancellationToken);
    }

    public async Task<PagedResult<RetentionRun>> RunsAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.RetentionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.RetentionRuns.AsNoTracking();
        return new PagedResult<RetentionRun>(
            await runs.OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id).Skip(page.SafeSkip).Take(page.SafeTake).ToListAsync(cancellationToken),
            await runs.CountAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<HoldRow>> ActiveHoldsAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.RetentionRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var holds = await db.RetentionHolds.AsNoTracking().Where(h => h.ReleasedAtUtc == null).OrderByDescending(h => h.PlacedAtUtc).Take(500).ToListAsync(cancellationToken);
        var labels = await registry.LabelsAsync(db, holds.Select(h => new PersonRef(h.Category, h.PersonId)), cancellationToken);
        return holds.Select(h => ToRow(h, labels.GetValueOrDefault(new PersonRef(h.Category, h.PersonId)) ?? Unknown(new PersonRef(h.Category, h.PersonId)))).ToList();
    }

    /// <summary>Keeps a person out of every sweep until the hold is released (a legal claim, an inspection…).</summary>
    public async Task<int> PlaceLegalHoldAsync(PersonRef person, string? reason, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.LegalHoldsManage, cancellationToken);
        var validator = new Validator();
        var text = validator.RequiredMultilineText("Reason", reason, RetentionHold.ReasonMaxLength);
        validator.ThrowIfInvalid();
        return await dbFactory.InTransactionAsync(nameof(RetentionHold), async db =>
        {
            if (!await registry[person.Category].ExistsAsync(db, person.Id, cancellationToken))
            {
                throw new RecordNotFoundException(person.Category.ToString());
            }

            if (await db.RetentionHolds.AnyAsync(h => h.Category == person.Category && h.PersonId == person.Id && h.Kind == HoldKind.LegalHold && h.ReleasedAtUtc == null, cancellationToken))
            {
                throw new RuleViolationException("AlreadyHeld", "This record is already under a legal hold.");
            }

            var hold = RetentionHold.Place(person, HoldKind.LegalHold, text, actor, time.GetUtcNow().UtcDateTime);
            db.RetentionHolds.Add(hold);
            await db.SaveChangesAsync(cancellationToken);
            // The reason is free text and may name people: the trail records that a hold exists, not why.
            await trail.RecordAsync(db, actor, AuditActions.RetentionHoldPlaced, person.Category.ToString(), person.Id.ToString(CultureInfo.InvariantCulture),
                $"hold={hold.Id};kind={hold.Kind}", cancellationToken);
            return hold.Id;
        }, cancellationToken);
    }

    public async Task ReleaseLegalHoldAsync(int holdId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.LegalHoldsManage, cancellationToken);
        await dbFactory.InTransactionAsync(nameof(RetentionHold), async db =>
        {
            var hold = await db.RetentionHolds.SingleOrDefaultAsync(h => h.Id == holdId && h.Kind == HoldKind.LegalHold && h.ReleasedAtUtc == null, cancellationToken)
                ?? throw new RecordNotFoundException(nameof(RetentionHold));
            hold.ReleasedAtUtc = time.GetUtcNow().UtcDateTime;
            hold.ReleasedById = actor.Id;
            hold.ReleasedByName = actor.DisplayName;
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, AuditActions.RetentionHoldReleased, hold.Category.ToString(), hold.PersonId.ToString(CultureInfo.InvariantCulture),
                $"hold={hold.Id}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>What each record's expiry counts from, for the records on one page: each category reads its own.</summary>
    private async Task<Dictionary<PersonRef, RetentionAnchor>> AnchorsAsync(CrmDbContext db, IReadOnlyList<PersonRef> people, CancellationToken cancellationToken)
    {
        var anchors = new Dictionary<PersonRef, RetentionAnchor>();
        foreach (var group in people.GroupBy(p => p.Category))
        {
            var category = registry[group.Key];
            foreach (var (id, anchor) in await category.RetentionAnchorsAsync(db, group.Select(p => p.Id).Distinct().ToList(), cancellationToken))
            {
                anchors[new PersonRef(group.Key, id)] = anchor;
            }
        }

        return anchors;
    }

    private static HoldRow ToRow(RetentionHold hold, PersonLabel label) =>
        new(hold.Id, label, hold.Kind, hold.Reason, hold.RequestId, hold.PlacedByName, hold.PlacedAtUtc);

    private static PersonLabel Unknown(PersonRef person) => new(person, "#" + person.Id.ToString(CultureInfo.InvariantCulture), null, false);
}

using System.Globalization;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Prospects.Calls;

/// <summary>A call as the user enters it; the time is Brussels wall-clock time, as people read it.</summary>
public sealed record CallInput
{
    public DateTime? OccurredAtBrussels { get; init; }
    public CallDirection Direction { get; init; } = CallDirection.Outgoing;
    public CallOutcome? Outcome { get; init; }
    public int? DurationMinutes { get; init; }
    public string? Report { get; init; }
    public DateOnly? FollowUpOn { get; init; }
}

public sealed record CallRow(long Id, int ProspectId, DateTime OccurredAtUtc, CallDirection Direction, CallOutcome Outcome,
    int? DurationMinutes, string Report, DateOnly? FollowUpOn, string LoggedById, string LoggedByName, bool Edited, Guid Version);

public sealed record FollowUpRow(int ProspectId, string FirstName, string LastName, string CompanyName, string? Phone, DateOnly FollowUpOn);

public sealed record RecentCallRow(long Id, int ProspectId, string ProspectName, string CompanyName, DateTime OccurredAtUtc, CallOutcome Outcome);

public sealed record MyWork(IReadOnlyList<FollowUpRow> FollowUpsDue, IReadOnlyList<RecentCallRow> RecentCalls);

/// <summary>Logging calls with prospects, the timeline, and "my work" (follow-ups due, recent calls).</summary>
public sealed class CallLogService(IDbContextFactory<CrmDbContext> dbFactory, ICurrentActor currentActor, AuditTrail trail, TimeProvider time)
{
    public const int MaxDurationMinutes = 600;

    public async Task<long> LogAsync(int prospectId, CallInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.CallsWrite, cancellationToken);
        var valid = Validate(input);
        return await dbFactory.InTransactionAsync(nameof(Call), async db =>
        {
            var prospect = await db.Prospects.FirstOrDefaultAsync(p => p.Id == prospectId, cancellationToken) ?? throw new RecordNotFoundException(nameof(Prospect));
            RestrictionGuard.EnsureNotRestricted(prospect);
            var call = new Call
            {
                ProspectId = prospectId,
                CompanyId = prospect.CompanyId,
                LoggedById = actor.Id,
                LoggedByName = actor.DisplayName,
            };
            Apply(call, valid);
            db.Calls.Add(call);
            await db.SaveChangesAsync(cancellationToken);
            await RefreshProspectAsync(db, prospect, cancellationToken);
            await trail.RecordAsync(db, actor, "Call.Logged", nameof(Call), call.Id.ToString(CultureInfo.InvariantCulture),
                $"prospect={prospectId};outcome={call.Outcome}", cancellationToken);
            return call.Id;
        }, cancellationToken);
    }

    /// <summary>Corrects a call. Only the person who logged it may; the edit is audited with the changed fields.</summary>
    public async Task<Guid> EditAsync(long callId, CallInput input, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.CallsWrite, cancellationToken);
        return await dbFactory.InTransactionAsync(nameof(Call), async db =>
        {
            var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == callId, cancellationToken) ?? throw new RecordNotFoundException(nameof(Call));
            var valid = Validate(input, call.FollowUpOn);
            var prospect = await db.Prospects.FirstAsync(p => p.Id == call.ProspectId, cancellationToken);
            RestrictionGuard.EnsureNotRestricted(prospect);
            if (call.LoggedById != actor.Id)
            {
                throw new RuleViolationException("CallNotYours", "Only the person who logged a call can change it.");
            }

            Apply(call, valid);
            var changes = FieldChanges.Of(db, call);
            if (!changes.Any)
            {
                return call.ConcurrencyStamp;
            }

            db.ExpectVersion(call, version);
            await db.SaveChangesAsync(cancellationToken);
            await RefreshProspectAsync(db, prospect, cancellationToken);
            await trail.RecordAsync(db, actor, "Call.Edited", nameof(Call), callId.ToString(CultureInfo.InvariantCulture), changes.ToString(), cancellationToken);
            return call.ConcurrencyStamp;
        }, cancellationToken);
    }

    /// <summary>The prospect's calls, newest first.</summary>
    public async Task<IReadOnlyList<CallRow>> TimelineAsync(int prospectId, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.ProspectsRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Calls.AsNoTracking()
            .Where(c => c.ProspectId == prospectId)
            .OrderByDescending(c => c.OccurredAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new CallRow(c.Id, prospectId, c.OccurredAtUtc, c.Direction, c.Outcome, c.DurationMinutes, c.Report, c.FollowUpOn,
                c.LoggedById, c.LoggedByName, c.UpdatedAtUtc > c.CreatedAtUtc, c.ConcurrencyStamp))
            .ToListAsync(cancellationToken);
    }

    /// <summary>My follow-ups due today or overdue, and my last ten calls; restricted prospects are left out of both (DSR-RESTRICT).</summary>
    public async Task<MyWork> MyWorkAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ProspectsRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = BrusselsTime.Today(time);
        var due = await db.Prospects.AsNoTracking()
            .Where(p => p.FollowUpOwnerId == actor.Id && p.FollowUpOn <= today && !p.IsRestricted)
            .OrderBy(p => p.FollowUpOn).ThenBy(p => p.LastNameKey)
            .Take(100)
            .Select(p => new FollowUpRow(p.Id, p.FirstName, p.LastName, p.Company!.Name, p.Phone ?? p.Mobile, p.FollowUpOn!.Value))
            .ToListAsync(cancellationToken);
        var recent = await db.Calls.AsNoTracking()
            .Where(c => c.LoggedById == actor.Id)
            .Join(db.Prospects.Where(p => !p.IsRestricted), c => c.ProspectId, p => (int?)p.Id, (c, p) => new { Call = c, Prospect = p })
            .OrderByDescending(x => x.Call.OccurredAtUtc)
            .Take(10)
            .Select(x => new RecentCallRow(x.Call.Id, x.Prospect.Id, x.Prospect.FirstName + " " + x.Prospect.LastName, x.Prospect.Company!.Name, x.Call.OccurredAtUtc, x.Call.Outcome))
            .ToListAsync(cancellationToken);
        return new MyWork(due, recent);
    }

    /// <summary>The prospect's last call and current follow-up always come from its latest call.</summary>
    private static async Task RefreshProspectAsync(CrmDbContext db, Prospect prospect, CancellationToken cancellationToken)
    {
        var latest = await db.Calls.AsNoTracking()
            .Where(c => c.ProspectId == prospect.Id)
            .OrderByDescending(c => c.OccurredAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new { c.OccurredAtUtc, c.FollowUpOn, c.LoggedById })
            .FirstOrDefaultAsync(cancellationToken);
        prospect.LastCallAtUtc = latest?.OccurredAtUtc;
        prospect.FollowUpOn = latest?.FollowUpOn;
        prospect.FollowUpOwnerId = latest?.FollowUpOn is null ? null : latest.LoggedById;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <param name="keptFollowUp">On an edit, the follow-up date already stored: it may stay even once it has passed.</param>
    private (DateTime OccurredAtUtc, CallInput Input) Validate(CallInput input, DateOnly? keptFollowUp = null)
    {
        var v = new Validator();
        var now = time.GetUtcNow().UtcDateTime;
        var today = BrusselsTime.Today(time);
        var occurredAtUtc = now;
        // A day before 1900 or after today is said at the field and not converted (0001-01-01 has no UTC time before it).
        if (input.OccurredAtBrussels is { } local
            && v.Day(nameof(input.OccurredAtBrussels), DateOnly.FromDateTime(local), DateWindow.Past(today), tooLate: "CallInFuture"))
        {
            if (BrusselsTime.Zone.IsInvalidTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)))
            {
                // 02:00–03:00 on the last Sunday of March does not exist in Brussels.
                v.Add(nameof(input.OccurredAtBrussels), "TimeDoesNotExist");
            }
            else
            {
                occurredAtUtc = BrusselsTime.ToUtc(local);
            }
        }

        if (occurredAtUtc > now.AddMinutes(5))
        {
            v.Add(nameof(input.OccurredAtBrussels), "CallInFuture");
        }

        v.Choice(nameof(input.Outcome), input.Outcome);
        v.Choice(nameof(input.Direction), input.Direction);

        if (input.DurationMinutes is < 0 or > MaxDurationMinutes)
        {
            v.Add(nameof(input.DurationMinutes), "DurationOutOfRange", MaxDurationMinutes);
        }

        // MINIMISE: a short, factual report.
        var report = v.MultilineText(nameof(input.Report), input.Report, Call.ReportMaxLength) ?? "";
        if (input.FollowUpOn is { } followUp && followUp != keptFollowUp)
        {
            v.Day(nameof(input.FollowUpOn), followUp, DateWindow.Plan(today), tooEarly: "FollowUpInPast");
        }

        v.ThrowIfInvalid();
        return (occurredAtUtc, input with { Report = report });
    }

    private static void Apply(Call call, (DateTime OccurredAtUtc, CallInput Input) valid)
    {
        var (occurredAtUtc, input) = valid;
        call.OccurredAtUtc = occurredAtUtc;
        call.Direction = input.Direction;
        call.Outcome = input.Outcome!.Value;
        call.DurationMinutes = input.DurationMinutes;
        call.Report = input.Report!;
        call.FollowUpOn = input.FollowUpOn;
    }
}

using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Prospects.Calls;

/// <summary>Calls in one week (Monday to Sunday, Brussels time): mine and the whole team's.</summary>
public sealed record WeekCalls(DateOnly WeekStart, int Mine, int Team);

/// <summary>
/// The sales dashboard: calls per week, outcomes (mine and the team's), and my follow-ups, the overdue ones (before
/// today) apart from those due today or within <see cref="SalesStatistics.FollowUpDays"/> days.
/// </summary>
public sealed record SalesOverview(IReadOnlyList<WeekCalls> Weeks, IReadOnlyDictionary<CallOutcome, int> OutcomesMine,
    IReadOnlyDictionary<CallOutcome, int> OutcomesTeam, int FollowUpsOverdue, int FollowUpsUpcoming);

/// <summary>The sales dashboard's figures, counted in the database with indexed ranges, never by loading calls.</summary>
public sealed class SalesStatistics(IDbContextFactory<CrmDbContext> dbFactory, ICurrentActor currentActor, TimeProvider time)
{
    public const int Weeks = 12;

    /// <summary>The follow-ups counted as coming up: due today or in the next 30 days.</summary>
    public const int FollowUpDays = 30;

    public async Task<SalesOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.ProspectsRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = BrusselsTime.Today(time);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstMonday = thisMonday.AddDays(-7 * (Weeks - 1));

        var weeks = new List<WeekCalls>(Weeks);
        for (var week = firstMonday; week <= thisMonday; week = week.AddDays(7))
        {
            var from = BrusselsTime.StartOfDayUtc(week);
            var to = BrusselsTime.StartOfDayUtc(week.AddDays(7));
            var counts = await db.Calls.AsNoTracking()
                .Where(c => c.OccurredAtUtc >= from && c.OccurredAtUtc < to)
                .GroupBy(c => c.LoggedById == actor.Id)
                .Select(g => new { Mine = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var mine = counts.Where(c => c.Mine).Sum(c => c.Count);
            weeks.Add(new WeekCalls(week, mine, counts.Sum(c => c.Count)));
        }

        var since = BrusselsTime.StartOfDayUtc(firstMonday);
        var outcomes = await db.Calls.AsNoTracking()
            .Where(c => c.OccurredAtUtc >= since)
            .GroupBy(c => new { c.Outcome, Mine = c.LoggedById == actor.Id })
            .Select(g => new { g.Key.Outcome, g.Key.Mine, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var horizon = today.AddDays(FollowUpDays);
        var followUps = await db.Prospects.AsNoTracking()
            .Where(p => p.FollowUpOwnerId == actor.Id && p.FollowUpOn <= horizon && !p.IsRestricted)
            .GroupBy(p => p.FollowUpOn < today)
            .Select(g => new { Overdue = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return new SalesOverview(
            weeks,
            Enum.GetValues<CallOutcome>().ToDictionary(o => o, o => outcomes.Where(x => x.Outcome == o && x.Mine).Sum(x => x.Count)),
            Enum.GetValues<CallOutcome>().ToDictionary(o => o, o => outcomes.Where(x => x.Outcome == o).Sum(x => x.Count)),
            followUps.Where(f => f.Overdue).Sum(f => f.Count),
            followUps.Where(f => !f.Overdue).Sum(f => f.Count));
    }
}

using Cisa.Crm.Core.Prospects.Calls;

namespace Cisa.Crm.Tests.Core.Prospects;

public sealed class SalesStatisticsTests : SalesTestBase
{
    private int _prospect;

    private SalesStatistics Statistics => Db.Get<SalesStatistics>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _prospect = await CreateProspectAsync();
    }

    [Fact]
    public async Task Calls_land_in_the_brussels_week_they_were_made_in_mine_and_the_team()
    {
        // Today is Saturday 14 March 2026: this week starts on Monday 9 March (Brussels, UTC+1).
        await LogAsync(SalesPeople.Sofie, new DateTime(2026, 3, 9, 0, 30, 0), CallOutcome.Reached); // Sunday 23:30 UTC, Monday in Brussels
        await LogAsync(SalesPeople.Sofie, new DateTime(2026, 3, 8, 23, 30, 0), CallOutcome.Voicemail); // Sunday in Brussels: the week before
        await LogAsync(SalesPeople.Tom, new DateTime(2026, 3, 13, 15, 0, 0), CallOutcome.MeetingBooked);
        await LogAsync(SalesPeople.Tom, new DateTime(2026, 3, 3, 11, 0, 0), CallOutcome.Reached);
        await LogAsync(SalesPeople.Sofie, new DateTime(2025, 12, 19, 11, 0, 0), CallOutcome.Reached); // before the twelve weeks
        await LogAsync(SalesPeople.Sofie, new DateTime(2025, 12, 22, 9, 0, 0), CallOutcome.NoAnswer); // first day of the twelve weeks

        var mine = await Statistics.OverviewAsync();

        Assert.Equal(SalesStatistics.Weeks, mine.Weeks.Count);
        Assert.Equal(new DateOnly(2025, 12, 22), mine.Weeks[0].WeekStart);
        Assert.Equal(new DateOnly(2026, 3, 9), mine.Weeks[^1].WeekStart);
        Assert.All(mine.Weeks, w => Assert.Equal(DayOfWeek.Monday, w.WeekStart.DayOfWeek));
        Assert.Equal(new WeekCalls(new DateOnly(2026, 3, 9), Mine: 1, Team: 2), mine.Weeks[^1]);
        Assert.Equal(new WeekCalls(new DateOnly(2026, 3, 2), Mine: 1, Team: 2), mine.Weeks[^2]);
        Assert.Equal(new WeekCalls(new DateOnly(2025, 12, 22), Mine: 1, Team: 1), mine.Weeks[0]);
        Assert.Equal(3, mine.Weeks.Sum(w => w.Mine));
        Assert.Equal(5, mine.Weeks.Sum(w => w.Team));
        Assert.Equal(1, mine.OutcomesMine[CallOutcome.Reached]);
        Assert.Equal(2, mine.OutcomesTeam[CallOutcome.Reached]);
        Assert.Equal(0, mine.OutcomesMine[CallOutcome.MeetingBooked]);
        Assert.Equal(1, mine.OutcomesTeam[CallOutcome.MeetingBooked]);

        ActAs(SalesPeople.Tom);
        var toms = await Statistics.OverviewAsync();
        Assert.Equal(new WeekCalls(new DateOnly(2026, 3, 9), Mine: 1, Team: 2), toms.Weeks[^1]);
        Assert.Equal(new WeekCalls(new DateOnly(2026, 3, 2), Mine: 1, Team: 2), toms.Weeks[^2]);
        Assert.Equal(new WeekCalls(new DateOnly(2025, 12, 22), Mine: 0, Team: 1), toms.Weeks[0]);
    }

    [Fact]
    public async Task Weeks_follow_brussels_summer_time()
    {
        // Summer time starts on Sunday 29 March 2026; today becomes Thursday 2 April.
        Db.Time.Advance(TimeSpan.FromDays(19));
        await LogAsync(SalesPeople.Sofie, new DateTime(2026, 3, 29, 23, 30, 0), CallOutcome.Reached); // 21:30 UTC, still Sunday
        await LogAsync(SalesPeople.Sofie, new DateTime(2026, 3, 30, 0, 30, 0), CallOutcome.Reached); // 22:30 UTC Sunday, Monday in Brussels

        var overview = await Statistics.OverviewAsync();

        Assert.Equal(new WeekCalls(new DateOnly(2026, 3, 30), 1, 1), overview.Weeks[^1]);
        Assert.Equal(new WeekCalls(new DateOnly(2026, 3, 23), 1, 1), overview.Weeks[^2]);
    }

    [Fact]
    public async Task My_follow_ups_are_split_into_overdue_and_due_today_or_within_30_days_and_the_teams_are_left_out()
    {
        var second = await CreateProspectAsync();
        var third = await CreateProspectAsync();
        var fourth = await CreateProspectAsync();
        await LogAsync(SalesPeople.Sofie, new DateTime(2026, 3, 14, 9, 0, 0), CallOutcome.CallBack, Today, _prospect);
        await LogAsync(SalesPeople.Sofie, new DateTime(2026, 3, 14, 9, 5, 0), CallOutcome.CallBack, Today.AddDays(2), second);
        await LogAsync(SalesPeople.Sofie, new DateTime(2026, 3, 14, 9, 7, 0), CallOutcome.CallBack, Today.AddDays(31), fourth);
        await LogAsync(SalesPeople.Tom, new DateTime(2026, 3, 14, 9, 10, 0), CallOutcome.CallBack, Today, third);

        var overview = await Statistics.OverviewAsync();
        Assert.Equal((0, 2), (overview.FollowUpsOverdue, overview.FollowUpsUpcoming));

        // Three days on, the first two are overdue and the one 31 days out has come within the 30 days.
        Db.Time.Advance(TimeSpan.FromDays(3));
        overview = await Statistics.OverviewAsync();
        Assert.Equal((2, 1), (overview.FollowUpsOverdue, overview.FollowUpsUpcoming));
    }

    private Task<long> LogAsync(Cisa.Crm.Core.Security.CrmActor who, DateTime brussels, CallOutcome outcome, DateOnly? followUpOn = null, int? prospect = null) =>
        Data.AsAsync(who, () => Calls.LogAsync(prospect ?? _prospect, SalesData.Call(brussels, outcome, followUpOn: followUpOn)));
}

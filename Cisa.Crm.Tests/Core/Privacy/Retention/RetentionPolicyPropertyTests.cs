using Cisa.Crm.Core.Privacy.Retention;
using Cisa.Crm.Core.Time;

namespace Cisa.Crm.Tests.Core.Privacy.Retention;

/// <summary>
/// The two directions of every retention rule agree: the expiry of a record (what the screens show) and the cut-off for
/// "due by day D" (what the sweep, the preview and the dashboards select by). Checked over every day from 2019 to 2033
/// (three leap days, every month end, both daylight-saving changes each year) and every period from 1 to 12 years.
/// </summary>
public sealed class RetentionPolicyPropertyTests
{
    private static readonly DateOnly FirstDay = new(2019, 1, 1);
    private static readonly DateOnly LastDay = new(2033, 12, 31);

    [Fact]
    public void RET_APP_CV_a_cv_anchored_on_the_cut_off_for_day_D_expires_on_D_and_one_anchored_a_day_later_does_not() =>
        CheckEveryDayAndPeriod(RetentionRule.ApplicantCv);

    [Fact]
    public void RET_APP_CONTACT_an_applicant_anchored_on_the_cut_off_for_day_D_expires_on_D_and_one_anchored_a_day_later_does_not() =>
        CheckEveryDayAndPeriod(RetentionRule.ApplicantContact);

    [Fact]
    public void RET_PROSPECT_a_prospect_anchored_on_the_cut_off_for_day_D_expires_on_D_and_one_anchored_a_day_later_does_not() =>
        CheckEveryDayAndPeriod(RetentionRule.Prospect);

    [Fact]
    public void RET_PARTNER_a_contact_anchored_on_the_cut_off_for_day_D_expires_on_D_and_one_anchored_a_day_later_does_not() =>
        CheckEveryDayAndPeriod(RetentionRule.PartnerContact);

    [Fact]
    public void RET_PROSPECT_an_activity_before_the_cut_off_instant_for_day_D_expires_by_D_and_one_at_or_after_it_does_not()
    {
        // Every half hour of the evening and night around Brussels midnight (22:00 to 01:30 UTC covers both offsets).
        for (var years = 1; years <= 10; years++)
        {
            var options = Periods(years);
            for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
            {
                var notDueFrom = RetentionPolicy.ProspectNotDueFromUtc(day, options);
                Assert.Equal(DateTimeKind.Utc, notDueFrom.Kind);
                Assert.Equal(TimeOnly.MinValue, TimeOnly.FromDateTime(BrusselsTime.FromUtc(notDueFrom))); // a Brussels midnight

                var evening = day.ToDateTime(new TimeOnly(22, 0), DateTimeKind.Utc).AddDays(-1);
                for (var activity = evening; activity <= evening.AddHours(3.5); activity = activity.AddMinutes(30))
                {
                    var activityAt = activity.AddYears(-years);
                    var expiresByDay = RetentionPolicy.ProspectExpiry(activityAt, null, options) <= day;
                    Assert.True(expiresByDay == (activityAt < notDueFrom), $"{years} years, day {day:yyyy-MM-dd}, activity at {activityAt:O} UTC");
                }

                // The last instant before the cut-off is due; the cut-off itself is not (the call or update counts, whichever is later).
                Assert.True(RetentionPolicy.ProspectExpiry(notDueFrom.AddTicks(-1), null, options) <= day);
                Assert.True(RetentionPolicy.ProspectExpiry(notDueFrom.AddDays(-400), notDueFrom, options) > day);
            }
        }
    }

    [Fact]
    public void RET_APP_CV_RET_PARTNER_the_screens_expiry_helpers_agree_with_the_cut_off()
    {
        var options = new RetentionOptions();
        for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
        {
            var cvCutOff = RetentionPolicy.LatestAnchorDueBy(RetentionRule.ApplicantCv, day, options);
            var contactCutOff = RetentionPolicy.LatestAnchorDueBy(RetentionRule.ApplicantContact, day, options);
            // The latest procedure end is the anchor.
            Assert.True(RetentionPolicy.ApplicantExpiry([cvCutOff.AddDays(-30), cvCutOff], options).CvUntil <= day);
            Assert.True(RetentionPolicy.ApplicantExpiry([cvCutOff.AddDays(1)], options).CvUntil > day);
            Assert.True(RetentionPolicy.ApplicantExpiry([contactCutOff], options).ContactUntil <= day);
            Assert.True(RetentionPolicy.ApplicantExpiry([contactCutOff.AddDays(1)], options).ContactUntil > day);

            var partnerCutOff = RetentionPolicy.LatestAnchorDueBy(RetentionRule.PartnerContact, day, options);
            Assert.True(RetentionPolicy.PartnerContactExpiry(partnerCutOff, day, options) <= day);
            Assert.True(RetentionPolicy.PartnerContactExpiry(partnerCutOff.AddDays(1), day, options) > day);
        }
    }

    private static void CheckEveryDayAndPeriod(RetentionRule rule)
    {
        for (var years = 1; years <= 12; years++)
        {
            var options = Periods(years);
            Assert.Equal(years, RetentionPolicy.Years(rule, options));
            var previousCutOff = RetentionPolicy.LatestAnchorDueBy(rule, FirstDay.AddDays(-1), options);
            for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
            {
                var because = $"{rule.Id()}, {years} years, day {day:yyyy-MM-dd}";
                var cutOff = RetentionPolicy.LatestAnchorDueBy(rule, day, options);

                // The cut-off expires on D itself, unless no anchor can: 29 February of a leap year whose anchor year has none.
                var noAnchorExpiresOnDay = day is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(day.Year - years);
                Assert.True(RetentionPolicy.Expiry(rule, cutOff, options) == (noAnchorExpiresOnDay ? day.AddDays(-1) : day), because);
                Assert.True(RetentionPolicy.Expiry(rule, cutOff.AddDays(1), options) > day, because);

                // Around the cut-off, due by D exactly when anchored on or before it.
                for (var anchor = cutOff.AddDays(-3); anchor <= cutOff.AddDays(3); anchor = anchor.AddDays(1))
                {
                    Assert.True((RetentionPolicy.Expiry(rule, anchor, options) <= day) == (anchor <= cutOff), because + $", anchor {anchor:yyyy-MM-dd}");
                }

                // Day by day the cut-off only moves forward, and what falls due on D is what lies between yesterday's and D's.
                Assert.True(cutOff >= previousCutOff, because);
                var (after, upTo) = RetentionPolicy.AnchorsFallingDue(rule, day, day, options);
                Assert.Equal((previousCutOff, cutOff), (after, upTo));
                for (var anchor = after.AddDays(1); anchor <= upTo; anchor = anchor.AddDays(1))
                {
                    Assert.True(RetentionPolicy.Expiry(rule, anchor, options) == day, because + $", anchor {anchor:yyyy-MM-dd}");
                }

                previousCutOff = cutOff;
            }
        }
    }

    /// <summary>Every rule's period set to <paramref name="years"/> (the policy reads each rule's own setting).</summary>
    private static RetentionOptions Periods(int years) => new()
    {
        ApplicantCvYearsAfterProcedure = years,
        ApplicantContactYearsAfterProcedure = years,
        ProspectYearsAfterLastActivity = years,
        PartnerContactYearsAfterRelationship = years,
    };
}

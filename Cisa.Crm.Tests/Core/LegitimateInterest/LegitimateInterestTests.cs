using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.LegitimateInterest;

public sealed class LegitimateInterestTests : SalesTestBase
{
    /// <summary>Sofie creates a prospect; <paramref name="later"/>, Tom saves it with <paramref name="edit"/>. Who wrote the note and when is what these tests look at.</summary>
    private async Task<(int Id, ProspectDetails Before, ProspectDetails After)> TomEditsLaterAsync(TimeSpan later, Func<ProspectInput, ProspectInput> edit)
    {
        var id = await CreateProspectAsync();
        var before = await Prospects.GetAsync(id);
        Db.Time.Advance(later);
        ActAs(SalesPeople.Tom);

        await Prospects.UpdateAsync(id, edit(before.Input), before.Version);

        return (id, before, await Prospects.GetAsync(id));
    }

    [Fact]
    public async Task LI_NOTE_a_prospect_without_an_assessment_is_refused_with_a_field_error()
    {
        await CreateRefusedAsync(NewProspect() with { AssessmentId = null }, "LegitimateInterestRequired", nameof(ProspectInput.AssessmentId));
        Assert.Equal(0, await Data.CountAsync<Prospect>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task LI_NOTE_a_prospect_without_its_own_note_is_refused_with_a_field_error(string? note)
    {
        await CreateRefusedAsync(NewProspect() with { LegitimateInterestNote = note }, "LegitimateInterestNoteRequired", nameof(ProspectInput.LegitimateInterestNote));
        Assert.Equal(0, await Data.CountAsync<Prospect>());
    }

    [Fact]
    public async Task LI_NOTE_every_missing_piece_is_reported_at_once()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            CreateProspectAsync(NewProspect() with { AssessmentId = null, LegitimateInterestNote = null, Source = null }));

        Assert.Equal(
            ["AssessmentId", "LegitimateInterestNote", "Source"],
            refusal.Errors.Select(e => e.Field).Distinct().Order());
    }

    [Fact]
    public async Task LI_NOTE_an_assessment_that_does_not_exist_is_refused()
    {
        await CreateRefusedAsync(NewProspect() with { AssessmentId = 9999 }, "LegitimateInterestRequired", nameof(ProspectInput.AssessmentId));
    }

    [Fact]
    public async Task LI_NOTE_a_recruitment_assessment_cannot_cover_a_prospect()
    {
        var recruitment = await Data.AssessmentAsync("Keeping applicants", purpose: AssessmentPurpose.Recruitment);

        await CreateRefusedAsync(NewProspect() with { AssessmentId = recruitment }, "LegitimateInterestRequired", nameof(ProspectInput.AssessmentId));
    }

    [Fact]
    public async Task LI_NOTE_a_note_longer_than_300_characters_is_refused()
    {
        await CreateRefusedAsync(NewProspect() with { LegitimateInterestNote = new string('x', AssessmentLimits.PersonNote + 1) }, "TooLong", nameof(ProspectInput.LegitimateInterestNote));
    }

    [Fact]
    public async Task LI_NOTE_the_note_records_who_wrote_it_and_when()
    {
        var id = await CreateProspectAsync();

        var details = await Prospects.GetAsync(id);
        var row = await Data.ProspectRowAsync(id);

        Assert.Equal(SalesData.Note, details.Input.LegitimateInterestNote);
        Assert.Equal("Prospecting IT decision makers", details.AssessmentTitle);
        Assert.Equal("Sofie", details.LegitimateInterestNoteByName);
        Assert.Equal("sales-1", row.LegitimateInterestNote.ById);
        Assert.Equal(new DateTime(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc), details.LegitimateInterestNoteAtUtc);
    }

    [Fact]
    public async Task LI_NOTE_changing_the_note_updates_who_wrote_it_and_when()
    {
        var (id, _, after) = await TomEditsLaterAsync(TimeSpan.FromDays(2),
            input => input with { LegitimateInterestNote = "Now also responsible for security; fits the SOC offer." });

        var row = await Data.ProspectRowAsync(id);
        Assert.Equal("Now also responsible for security; fits the SOC offer.", after.Input.LegitimateInterestNote);
        Assert.Equal("Tom", after.LegitimateInterestNoteByName);
        Assert.Equal("sales-2", row.LegitimateInterestNote.ById);
        Assert.Equal(new DateTime(2026, 3, 16, 9, 30, 0, DateTimeKind.Utc), after.LegitimateInterestNoteAtUtc);
        Assert.Equal("Sofie", after.OwnerName);
    }

    [Fact]
    public async Task LI_NOTE_changing_the_assessment_also_updates_who_chose_it_and_when()
    {
        var other = await Data.AssessmentAsync("Prospecting at events");

        var (_, _, after) = await TomEditsLaterAsync(TimeSpan.FromHours(3), input => input with { AssessmentId = other });

        Assert.Equal("Prospecting at events", after.AssessmentTitle);
        Assert.Equal("Tom", after.LegitimateInterestNoteByName);
        Assert.Equal(new DateTime(2026, 3, 14, 12, 30, 0, DateTimeKind.Utc), after.LegitimateInterestNoteAtUtc);
    }

    [Fact]
    public async Task LI_NOTE_editing_other_fields_leaves_the_note_stamp_alone()
    {
        var (_, before, after) = await TomEditsLaterAsync(TimeSpan.FromDays(1), input => input with { JobTitle = "CIO" });

        Assert.Equal("CIO", after.Input.JobTitle);
        Assert.Equal("Sofie", after.LegitimateInterestNoteByName);
        Assert.Equal(before.LegitimateInterestNoteAtUtc, after.LegitimateInterestNoteAtUtc);
        Assert.Equal(new DateTime(2026, 3, 15, 9, 30, 0, DateTimeKind.Utc), after.UpdatedAtUtc);
    }

    [Fact]
    public async Task LI_NOTE_a_note_change_is_audited_with_the_field_name_only()
    {
        var id = await CreateProspectAsync();
        var before = await Prospects.GetAsync(id);

        await Prospects.UpdateAsync(id, before.Input with { LegitimateInterestNote = "Fits the SOC offer." }, before.Version);

        var entry = Assert.Single(await Data.AuditAsync("Prospect.Updated"));
        Assert.Equal("fields=LegitimateInterestNote", entry.Details);
    }

    [Fact]
    public async Task LI_REVIEW_an_assessment_without_a_review_date_is_due_in_twelve_months()
    {
        ActAs(SalesPeople.PrivacyOfficer);

        var details = await Assessments.GetAsync(AssessmentId);

        Assert.Equal(new DateOnly(2027, 3, 14), details.Input.ReviewDueOn);
        Assert.False(details.IsOverdue);
        Assert.Equal("Petra", details.ApprovedByName);
    }

    [Fact]
    public async Task LI_REVIEW_an_assessment_cannot_be_approved_with_a_review_date_in_the_past()
    {
        ActAs(SalesPeople.PrivacyOfficer);

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Assessments.CreateAsync(SalesData.Assessment(reviewDueOn: Today)));

        Assert.Contains(refusal.For(nameof(AssessmentInput.ReviewDueOn)), e => e.Code == "ReviewDateInPast");
    }

    [Fact]
    public async Task LI_REVIEW_an_assessment_past_its_review_date_is_not_selectable()
    {
        var shortLived = await Data.AssessmentAsync("Spring campaign", new DateOnly(2026, 4, 1));

        Db.Time.Advance(TimeSpan.FromDays(17)); // 31 March: the day before the review date
        Assert.Contains(await Assessments.SelectableAsync(AssessmentPurpose.Prospecting), a => a.Id == shortLived);

        Db.Time.Advance(TimeSpan.FromDays(1)); // 1 April: due for review
        var selectable = await Assessments.SelectableAsync(AssessmentPurpose.Prospecting);
        Assert.DoesNotContain(selectable, a => a.Id == shortLived);
        Assert.Contains(selectable, a => a.Id == AssessmentId);
    }

    [Fact]
    public async Task LI_REVIEW_an_overdue_assessment_is_refused_for_a_new_prospect()
    {
        var shortLived = await Data.AssessmentAsync("Spring campaign", new DateOnly(2026, 4, 1));
        Db.Time.Advance(TimeSpan.FromDays(18));

        await CreateRefusedAsync(NewProspect() with { AssessmentId = shortLived }, "AssessmentOverdue", nameof(ProspectInput.AssessmentId));
        Assert.Equal(0, await Data.CountAsync<Prospect>());
    }

    [Fact]
    public async Task LI_REVIEW_an_existing_prospect_keeping_an_overdue_assessment_can_still_be_edited()
    {
        var shortLived = await Data.AssessmentAsync("Spring campaign", new DateOnly(2026, 4, 1));
        var id = await CreateProspectAsync(NewProspect() with { AssessmentId = shortLived });
        Db.Time.Advance(TimeSpan.FromDays(30));
        var before = await Prospects.GetAsync(id);
        Assert.True(before.AssessmentOverdue);

        await Prospects.UpdateAsync(id, before.Input with { JobTitle = "Head of IT" }, before.Version);

        var after = await Prospects.GetAsync(id);
        Assert.Equal("Head of IT", after.Input.JobTitle);
        Assert.Equal(shortLived, after.Input.AssessmentId);
    }

    [Fact]
    public async Task LI_REVIEW_an_existing_prospect_cannot_switch_to_an_overdue_assessment()
    {
        var shortLived = await Data.AssessmentAsync("Spring campaign", new DateOnly(2026, 4, 1));
        var id = await CreateProspectAsync();
        Db.Time.Advance(TimeSpan.FromDays(30));
        var before = await Prospects.GetAsync(id);

        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Prospects.UpdateAsync(id, before.Input with { AssessmentId = shortLived }, before.Version));

        Assert.Contains(refusal.For(nameof(ProspectInput.AssessmentId)), e => e.Code == "AssessmentOverdue");
        Assert.Equal(AssessmentId, (await Prospects.GetAsync(id)).Input.AssessmentId);
    }

    [Fact]
    public async Task LI_REVIEW_reviewing_makes_an_overdue_assessment_selectable_again()
    {
        var shortLived = await Data.AssessmentAsync("Spring campaign", new DateOnly(2026, 4, 1));
        Db.Time.Advance(TimeSpan.FromDays(20)); // 3 April
        ActAs(SalesPeople.PrivacyOfficer);
        var overdue = await Assessments.GetAsync(shortLived);
        Assert.True(overdue.IsOverdue);

        await Assessments.ReviewAsync(shortLived, overdue.Input with { ReviewDueOn = null }, overdue.Version);

        var reviewed = await Assessments.GetAsync(shortLived);
        Assert.False(reviewed.IsOverdue);
        Assert.Equal(new DateOnly(2027, 4, 3), reviewed.Input.ReviewDueOn);
        Assert.Equal(new DateTime(2026, 4, 3, 9, 30, 0, DateTimeKind.Utc), reviewed.LastReviewedAtUtc);
        Assert.Single(await Data.AuditAsync("Assessment.Reviewed"));

        ActAs(SalesPeople.Sofie);
        Assert.Contains(await Assessments.SelectableAsync(AssessmentPurpose.Prospecting), a => a.Id == shortLived);
        var id = await CreateProspectAsync(NewProspect() with { AssessmentId = shortLived });
        Assert.Equal(shortLived, (await Prospects.GetAsync(id)).Input.AssessmentId);
    }

    [Fact]
    public async Task LI_REVIEW_overdue_assessments_are_listed_for_the_privacy_officer()
    {
        var shortLived = await Data.AssessmentAsync("Spring campaign", new DateOnly(2026, 4, 1));
        await CreateProspectAsync(NewProspect() with { AssessmentId = shortLived });
        Db.Time.Advance(TimeSpan.FromDays(18));
        ActAs(SalesPeople.PrivacyOfficer);

        var overdue = await Assessments.ListOverdueAsync();

        var row = Assert.Single(overdue);
        Assert.Equal(shortLived, row.Id);
        Assert.True(row.IsOverdue);
        Assert.Equal(1, row.PeopleCount);
    }

    [Theory]
    [InlineData(CrmRoles.Sales)]
    [InlineData(CrmRoles.HR)]
    public async Task LI_REVIEW_only_the_privacy_officer_sees_the_overdue_list(string role)
    {
        ActAs(SalesPeopleWithRole(role));

        var refusal = await Assert.ThrowsAsync<PermissionDeniedException>(() => Assessments.ListOverdueAsync());

        Assert.Equal(Permission.AssessmentsManage, refusal.Permission);
    }

    [Fact]
    public async Task LI_REVIEW_sales_cannot_approve_or_review_an_assessment()
    {
        var details = await Data.AsAsync(SalesPeople.PrivacyOfficer, () => Assessments.GetAsync(AssessmentId));

        await Assert.ThrowsAsync<PermissionDeniedException>(() => Assessments.CreateAsync(SalesData.Assessment()));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Assessments.ReviewAsync(AssessmentId, details.Input, details.Version));
    }

    private static CrmActor SalesPeopleWithRole(string role) => role == CrmRoles.HR ? SalesPeople.Hr : SalesPeople.Sofie;
}

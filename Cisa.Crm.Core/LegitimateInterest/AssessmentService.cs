using System.Globalization;
using Cisa.Crm.Core.Audit;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.LegitimateInterest;

public sealed record AssessmentInput
{
    public string? Title { get; init; }
    public AssessmentPurpose Purpose { get; init; }
    public string? InterestPursued { get; init; }
    public string? Necessity { get; init; }
    public string? BalancingTest { get; init; }
    public string? Safeguards { get; init; }
    public DateOnly? ReviewDueOn { get; init; }
}

public sealed record AssessmentRow(int Id, string Title, AssessmentPurpose Purpose, DateOnly ReviewDueOn, bool IsOverdue,
    string ApprovedByName, DateTime ApprovedAtUtc, DateTime? LastReviewedAtUtc, int PeopleCount);

public sealed record AssessmentDetails(int Id, AssessmentInput Input, string ApprovedByName, DateTime ApprovedAtUtc, DateTime? LastReviewedAtUtc, bool IsOverdue, Guid Version);

public sealed record AssessmentOption(int Id, string Title, DateOnly ReviewDueOn);

/// <summary>
/// Legitimate-interest assessments (LI-NOTE, LI-REVIEW). The privacy officer writes and approves
/// them; an assessment past its review date is flagged and cannot be chosen for new people until reviewed.
/// </summary>
public sealed class AssessmentService(IDbContextFactory<CrmDbContext> dbFactory, ICurrentActor currentActor, AuditTrail trail, TimeProvider time)
{
    /// <summary>All assessments with how many people rely on each: the privacy officer's overview (the counts are not for HR or Sales).</summary>
    public async Task<IReadOnlyList<AssessmentRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.AssessmentsManage, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = BrusselsTime.Today(time);
        var rows = await db.Assessments.AsNoTracking()
            .OrderBy(a => a.ReviewDueOn)
            .Select(a => new
            {
                a.Id, a.Title, a.Purpose, a.ReviewDueOn, a.ApprovedByName, a.ApprovedAtUtc, a.LastReviewedAtUtc,
                People = db.Prospects.Count(p => p.AssessmentId == a.Id) + db.Applicants.Count(p => p.AssessmentId == a.Id),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(a => new AssessmentRow(a.Id, a.Title, a.Purpose, a.ReviewDueOn, today >= a.ReviewDueOn,
            a.ApprovedByName, a.ApprovedAtUtc, a.LastReviewedAtUtc, a.People)).ToList();
    }

    /// <summary>LI-REVIEW: the assessments past their review date, for the privacy officer's attention.</summary>
    public async Task<IReadOnlyList<AssessmentRow>> ListOverdueAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.AssessmentsManage, cancellationToken);
        return (await ListAsync(cancellationToken)).Where(a => a.IsOverdue).ToList();
    }

    /// <summary>The assessments that may be chosen now for a new person: right purpose, not overdue.</summary>
    public async Task<IReadOnlyList<AssessmentOption>> SelectableAsync(AssessmentPurpose purpose, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.AssessmentsRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = BrusselsTime.Today(time);
        return await db.Assessments.AsNoTracking()
            .Where(a => a.Purpose == purpose && a.ReviewDueOn > today)
            .OrderBy(a => a.Title)
            .Select(a => new AssessmentOption(a.Id, a.Title, a.ReviewDueOn))
            .ToListAsync(cancellationToken);
    }

    public async Task<AssessmentDetails> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await currentActor.DemandAsync(Permission.AssessmentsRead, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var a = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw new RecordNotFoundException("Assessment");
        var input = new AssessmentInput
        {
            Title = a.Title, Purpose = a.Purpose, InterestPursued = a.InterestPursued, Necessity = a.Necessity,
            BalancingTest = a.BalancingTest, Safeguards = a.Safeguards, ReviewDueOn = a.ReviewDueOn,
        };
        return new AssessmentDetails(a.Id, input, a.ApprovedByName, a.ApprovedAtUtc, a.LastReviewedAtUtc, a.IsOverdueOn(BrusselsTime.Today(time)), a.ConcurrencyStamp);
    }

    /// <summary>Writes and approves a new assessment; without a review date it is due in 12 months.</summary>
    public async Task<int> CreateAsync(AssessmentInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.AssessmentsManage, cancellationToken);
        var valid = Validate(input);
        return await dbFactory.InTransactionAsync("Assessment", async db =>
        {
            var assessment = new LegitimateInterestAssessment
            {
                Title = valid.Title!, Purpose = valid.Purpose, InterestPursued = valid.InterestPursued!, Necessity = valid.Necessity!,
                BalancingTest = valid.BalancingTest!, Safeguards = valid.Safeguards!, ReviewDueOn = valid.ReviewDueOn!.Value,
                ApprovedById = actor.Id, ApprovedByName = actor.DisplayName, ApprovedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "Assessment.Approved", "Assessment", assessment.Id.ToString(CultureInfo.InvariantCulture), $"purpose={assessment.Purpose}", cancellationToken);
            return assessment.Id;
        }, cancellationToken);
    }

    /// <summary>
    /// LI-REVIEW: the privacy officer reviews an assessment (editing it if needed) and sets the next
    /// review date (12 months from today unless given). It can then be chosen again.
    /// </summary>
    public async Task<Guid> ReviewAsync(int id, AssessmentInput input, Guid version, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.DemandAsync(Permission.AssessmentsManage, cancellationToken);
        var valid = Validate(input);
        return await dbFactory.InTransactionAsync("Assessment", async db =>
        {
            var a = await db.Assessments.FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Assessment");
            a.Title = valid.Title!;
            a.InterestPursued = valid.InterestPursued!;
            a.Necessity = valid.Necessity!;
            a.BalancingTest = valid.BalancingTest!;
            a.Safeguards = valid.Safeguards!;
            a.ReviewDueOn = valid.ReviewDueOn!.Value;
            var changes = FieldChanges.Of(db, a);
            a.LastReviewedAtUtc = time.GetUtcNow().UtcDateTime;
            db.ExpectVersion(a, version);
            await db.SaveChangesAsync(cancellationToken);
            await trail.RecordAsync(db, actor, "Assessment.Reviewed", "Assessment", id.ToString(CultureInfo.InvariantCulture), changes.ToString(), cancellationToken);
            return a.ConcurrencyStamp;
        }, cancellationToken);
    }

    private AssessmentInput Validate(AssessmentInput input)
    {
        var v = new Validator();
        var today = BrusselsTime.Today(time);
        var reviewDue = input.ReviewDueOn ?? today.AddMonths(AssessmentLimits.DefaultReviewMonths);
        v.Day(nameof(input.ReviewDueOn), reviewDue, DateWindow.Review(today), tooEarly: "ReviewDateInPast");

        var valid = input with
        {
            Title = v.RequiredText(nameof(input.Title), input.Title, AssessmentLimits.Title),
            InterestPursued = v.RequiredMultilineText(nameof(input.InterestPursued), input.InterestPursued, AssessmentLimits.Text),
            Necessity = v.RequiredMultilineText(nameof(input.Necessity), input.Necessity, AssessmentLimits.Text),
            BalancingTest = v.RequiredMultilineText(nameof(input.BalancingTest), input.BalancingTest, AssessmentLimits.Text),
            Safeguards = v.RequiredMultilineText(nameof(input.Safeguards), input.Safeguards, AssessmentLimits.Text),
            ReviewDueOn = reviewDue,
        };
        v.Choice(nameof(input.Purpose), input.Purpose);

        v.ThrowIfInvalid();
        return valid;
    }
}

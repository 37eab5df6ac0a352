using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.LegitimateInterest;

/// <summary>The legitimate-interest check every person under legitimate interest passes (prospects, applicants).</summary>
public static class AssessmentRules
{
    /// <summary>
    /// LI-NOTE and LI-REVIEW: the assessment must exist, cover <paramref name="purpose"/> and, when newly
    /// chosen, not be past its review date (an overdue one may stay on people who already have it).
    /// </summary>
    public static async Task CheckAsync(CrmDbContext db, int? assessmentId, AssessmentPurpose purpose, bool isNewChoice, DateOnly today, Validator v, CancellationToken cancellationToken)
    {
        if (assessmentId is null)
        {
            return;
        }

        var assessment = await db.Assessments.AsNoTracking()
            .Where(a => a.Id == assessmentId)
            .Select(a => new { a.Purpose, a.ReviewDueOn })
            .FirstOrDefaultAsync(cancellationToken);
        if (assessment is null || assessment.Purpose != purpose)
        {
            v.Add("AssessmentId", "LegitimateInterestRequired");
        }
        else if (isNewChoice && today >= assessment.ReviewDueOn)
        {
            v.Add("AssessmentId", "AssessmentOverdue");
        }
    }
}

using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Prospects;

/// <summary>
/// The checks every prospect passes, whether typed in a form or read from a CSV file: field rules,
/// contact normalisation, source (SOURCE), legitimate interest (LI-NOTE, LI-REVIEW) and duplicates.
/// One implementation, so the form and the import can never disagree.
/// </summary>
public sealed class ProspectRules(TimeProvider time)
{
    /// <summary>Checks the fields alone (no database); returns the normalised input or the field errors.</summary>
    public (ProspectInput Valid, Validator Errors) CheckFields(ProspectInput input)
    {
        var v = new Validator();
        var email = v.Email(nameof(input.Email), input.Email, ContactLimits.Email);
        var phone = v.Phone(nameof(input.Phone), input.Phone, ContactLimits.Phone);
        var mobile = v.Phone(nameof(input.Mobile), input.Mobile, ContactLimits.Phone);
        if (string.IsNullOrWhiteSpace(input.Email) && string.IsNullOrWhiteSpace(input.Phone) && string.IsNullOrWhiteSpace(input.Mobile))
        {
            v.Add(nameof(input.Email), "ContactRequired");
        }

        if (input.CompanyId is null)
        {
            v.Add(nameof(input.CompanyId), "Required");
        }

        v.Choice(nameof(input.Source), input.Source, "SourceRequired");

        var sourceDetail = v.Text(nameof(input.SourceDetail), input.SourceDetail, ProspectLimits.SourceDetail);
        if (input.Source == ProspectSource.Other && sourceDetail is null)
        {
            v.Add(nameof(input.SourceDetail), "SourceDetailRequired");
        }

        if (input.AssessmentId is null)
        {
            v.Add(nameof(input.AssessmentId), "LegitimateInterestRequired");
        }

        var note = CheckLegitimateInterestNote(input.LegitimateInterestNote, v);

        v.Choice(nameof(input.PreferredLanguage), input.PreferredLanguage);

        var valid = input with
        {
            FirstName = v.RequiredText(nameof(input.FirstName), input.FirstName, PersonLimits.Name),
            LastName = v.RequiredText(nameof(input.LastName), input.LastName, PersonLimits.Name),
            JobTitle = v.Text(nameof(input.JobTitle), input.JobTitle, ProspectLimits.JobTitle),
            Email = email,
            Phone = phone,
            Mobile = mobile,
            SourceDetail = sourceDetail,
            LegitimateInterestNote = note,
        };
        return (valid, v);
    }

    /// <summary>LI-NOTE and LI-REVIEW for prospecting (see <see cref="AssessmentRules"/>).</summary>
    /// <summary>LI-NOTE: the line on why the person fits the assessment, required and short; returns it trimmed.</summary>
    public static string? CheckLegitimateInterestNote(string? note, Validator v)
    {
        var trimmed = v.MultilineText(nameof(ProspectInput.LegitimateInterestNote), note, AssessmentLimits.PersonNote);
        if (trimmed is null)
        {
            v.Add(nameof(ProspectInput.LegitimateInterestNote), "LegitimateInterestNoteRequired");
        }

        return trimmed;
    }

    public Task CheckAssessmentAsync(CrmDbContext db, int? assessmentId, bool isNewChoice, Validator v, CancellationToken cancellationToken) =>
        AssessmentRules.CheckAsync(db, assessmentId, AssessmentPurpose.Prospecting, isNewChoice, BrusselsTime.Today(time), v, cancellationToken);

    /// <summary>Another prospect with the same e-mail or phone number is the same person: refuse a second record.</summary>
    public static async Task CheckDuplicatesAsync(CrmDbContext db, ProspectInput valid, int? existingId, Validator v, CancellationToken cancellationToken)
    {
        if (valid.Email is { } email && await db.Prospects.AnyAsync(p => p.Email == email && p.Id != existingId, cancellationToken))
        {
            v.Add(nameof(valid.Email), "DuplicateEmail");
        }

        foreach (var (field, number) in new[] { (nameof(valid.Phone), valid.Phone), (nameof(valid.Mobile), valid.Mobile) })
        {
            if (number is not null && await db.Prospects.AnyAsync(p => (p.Phone == number || p.Mobile == number) && p.Id != existingId, cancellationToken))
            {
                v.Add(field, "DuplicatePhone");
            }
        }
    }
}

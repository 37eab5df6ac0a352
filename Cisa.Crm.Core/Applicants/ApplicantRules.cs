using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.LegitimateInterest;
using Cisa.Crm.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Applicants;

/// <summary>The checks every applicant passes: fields, contact normalisation, SOURCE, LI-NOTE and LI-REVIEW.</summary>
public static class ApplicantRules
{
    public static (ApplicantInput Valid, Validator Errors) CheckFields(ApplicantInput input)
    {
        var v = new Validator();
        var email = v.Email(nameof(input.Email), input.Email);
        var phone = v.Phone(nameof(input.Phone), input.Phone);
        if (string.IsNullOrWhiteSpace(input.Email) && string.IsNullOrWhiteSpace(input.Phone))
        {
            v.Add(nameof(input.Email), "ContactRequired");
        }

        var country = v.Country(nameof(input.CountryCode), input.CountryCode);
        var postalCode = v.PostalCode(nameof(input.PostalCode), input.PostalCode, country, AddressLimits.PostalCode);

        v.Choice(nameof(input.PreferredLanguage), input.PreferredLanguage);
        if (v.Choice(nameof(input.Source), input.Source, "SourceRequired") == ApplicantSource.RecruitmentAgency)
        {
            // SOURCE: an agency's CV names both the agency and the person there who sent it.
            if (input.AgencyId is null)
            {
                v.Add(nameof(input.AgencyId), "AgencyRequired");
            }

            if (input.AgencyContactId is null)
            {
                v.Add(nameof(input.AgencyContactId), "AgencyContactRequired");
            }
        }

        if (input.AssessmentId is null)
        {
            v.Add(nameof(input.AssessmentId), "LegitimateInterestRequired");
        }

        var note = v.MultilineText(nameof(input.LegitimateInterestNote), input.LegitimateInterestNote, AssessmentLimits.PersonNote);
        if (note is null)
        {
            v.Add(nameof(input.LegitimateInterestNote), "LegitimateInterestNoteRequired");
        }

        var valid = input with
        {
            FirstName = v.RequiredText(nameof(input.FirstName), input.FirstName, PersonLimits.Name),
            LastName = v.RequiredText(nameof(input.LastName), input.LastName, PersonLimits.Name),
            Email = email,
            Phone = phone,
            Street = v.Text(nameof(input.Street), input.Street, AddressLimits.Street),
            PostalCode = postalCode,
            City = v.Text(nameof(input.City), input.City, AddressLimits.City),
            CountryCode = country,
            AgencyId = input.Source == ApplicantSource.RecruitmentAgency ? input.AgencyId : null,
            AgencyContactId = input.Source == ApplicantSource.RecruitmentAgency ? input.AgencyContactId : null,
            LegitimateInterestNote = note,
        };
        return (valid, v);
    }

    /// <summary>The agency is a recruitment agency and the contact person works there.</summary>
    public static async Task CheckAgencyAsync(CrmDbContext db, ApplicantInput valid, Validator v, CancellationToken cancellationToken)
    {
        if (valid.AgencyId is not { } agencyId)
        {
            return;
        }

        if (!await db.Companies.AnyAsync(c => c.Id == agencyId && c.Type == CompanyType.RecruitmentAgency, cancellationToken))
        {
            v.Add(nameof(valid.AgencyId), "NotAnAgency");
        }
        else if (valid.AgencyContactId is { } contactId && !await db.PartnerContacts.AnyAsync(p => p.Id == contactId && p.CompanyId == agencyId && !p.IsRestricted, cancellationToken))
        {
            v.Add(nameof(valid.AgencyContactId), "ContactNotAtAgency");
        }
    }
}

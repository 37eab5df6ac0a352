using System.Globalization;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Data;
using Cisa.Crm.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Cisa.Crm.Core.Partners;

/// <summary>The checks every partner contact passes, from the form or from a CSV file.</summary>
public static class PartnerContactRules
{
    public static (PartnerContactInput Valid, Validator Errors) CheckFields(PartnerContactInput input)
    {
        var v = new Validator();
        var emails = new List<string?>();
        for (var i = 0; i < input.Emails.Count; i++)
        {
            var field = $"Emails[{i}]";
            if (v.Email(field, input.Emails[i]) is not { } email)
            {
                continue;
            }

            if (emails.Contains(email))
            {
                v.Add(field, "DuplicateInList");
            }
            else
            {
                emails.Add(email);
            }
        }

        var phones = new List<PhoneInput>();
        for (var i = 0; i < input.Phones.Count; i++)
        {
            var field = $"Phones[{i}]";
            if (v.Phone(field, input.Phones[i].Number) is not { } number || !v.Choice(field, input.Phones[i].Kind))
            {
                continue;
            }

            if (phones.Any(p => p.Number == number))
            {
                v.Add(field, "DuplicateInList");
            }
            else
            {
                phones.Add(input.Phones[i] with { Number = number });
            }
        }

        var addresses = new List<AddressInput>();
        for (var i = 0; i < input.Addresses.Count; i++)
        {
            var a = input.Addresses[i];
            if (string.IsNullOrWhiteSpace(a.Street) && string.IsNullOrWhiteSpace(a.PostalCode) && string.IsNullOrWhiteSpace(a.City))
            {
                continue;
            }

            var country = v.Country($"Addresses[{i}].CountryCode", a.CountryCode);
            var postalCode = v.PostalCode($"Addresses[{i}].PostalCode", a.PostalCode, country, AddressLimits.PostalCode, required: true) ?? "";

            addresses.Add(new AddressInput(
                v.RequiredText($"Addresses[{i}].Street", a.Street, AddressLimits.Street),
                postalCode,
                v.RequiredText($"Addresses[{i}].City", a.City, AddressLimits.City),
                country));
        }

        if (emails.Count > PartnerLimits.MaxEmails)
        {
            v.Add(nameof(input.Emails), "TooMany", PartnerLimits.MaxEmails);
        }

        if (phones.Count > PartnerLimits.MaxPhones)
        {
            v.Add(nameof(input.Phones), "TooMany", PartnerLimits.MaxPhones);
        }

        if (addresses.Count > PartnerLimits.MaxAddresses)
        {
            v.Add(nameof(input.Addresses), "TooMany", PartnerLimits.MaxAddresses);
        }

        if (emails.Count == 0 && phones.Count == 0 && v.IsValid)
        {
            v.Add("Emails[0]", "ContactRequired");
        }

        if (input.CompanyId is null)
        {
            v.Add(nameof(input.CompanyId), "Required");
        }

        v.Choice(nameof(input.LawfulBasis), input.LawfulBasis, "LawfulBasisRequired");
        v.Choice(nameof(input.PreferredLanguage), input.PreferredLanguage);

        var valid = input with
        {
            FirstName = v.RequiredText(nameof(input.FirstName), input.FirstName, PersonLimits.Name),
            LastName = v.RequiredText(nameof(input.LastName), input.LastName, PersonLimits.Name),
            JobFunction = v.Text(nameof(input.JobFunction), input.JobFunction, PartnerLimits.JobFunction),
            Notes = v.MultilineText(nameof(input.Notes), input.Notes, PartnerLimits.Notes),
            Emails = emails,
            Phones = phones,
            Addresses = addresses,
        };
        return (valid, v);
    }

    /// <summary>Partner contacts belong to customers, suppliers, subcontractors or recruitment agencies, not to prospects.</summary>
    public static async Task CheckCompanyAsync(CrmDbContext db, int? companyId, Validator v, CancellationToken cancellationToken)
    {
        if (companyId is not { } id)
        {
            return;
        }

        var type = await db.Companies.Where(c => c.Id == id).Select(c => (CompanyType?)c.Type).FirstOrDefaultAsync(cancellationToken);
        if (type is null)
        {
            v.Add(nameof(PartnerContactInput.CompanyId), "Required");
        }
        else if (type == CompanyType.Prospect)
        {
            v.Add(nameof(PartnerContactInput.CompanyId), "CompanyNotPartner");
        }
    }

    /// <summary>
    /// Another partner contact with the same e-mail address or mobile number is the same person. Office
    /// numbers may be shared (two people behind one switchboard). Errors name the field as the user
    /// typed it (<c>Emails[1]</c>), blank entries included.
    /// </summary>
    public static async Task CheckDuplicatesAsync(CrmDbContext db, PartnerContactInput input, int? existingId, Validator v, CancellationToken cancellationToken)
    {
        for (var i = 0; i < input.Emails.Count; i++)
        {
            var email = ContactNormaliser.NormaliseEmail(input.Emails[i]);
            if (email is not null && await db.PartnerContactEmails.AnyAsync(e => e.Address == email && e.PartnerContactId != existingId, cancellationToken))
            {
                v.Add(string.Create(CultureInfo.InvariantCulture, $"Emails[{i}]"), "DuplicateEmail");
            }
        }

        for (var i = 0; i < input.Phones.Count; i++)
        {
            var number = ContactNormaliser.NormalisePhone(input.Phones[i].Number);
            if (number is not null && input.Phones[i].Kind == PhoneKind.Mobile
                && await db.PartnerContactPhones.AnyAsync(p => p.Number == number && p.Kind == PhoneKind.Mobile && p.PartnerContactId != existingId, cancellationToken))
            {
                v.Add(string.Create(CultureInfo.InvariantCulture, $"Phones[{i}]"), "DuplicatePhone");
            }
        }
    }
}

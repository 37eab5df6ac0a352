using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Prospects;
using static Cisa.Crm.Benchmarks.Generation.EfSqliteFormat;

namespace Cisa.Crm.Benchmarks.Generation;

/// <summary>A contact person at a recruitment agency, whom an agency applicant names.</summary>
internal sealed record AgencyContact(int Id, int AgencyId);

/// <summary>Contact persons at customers, suppliers, subcontractors and agencies, with their e-mail addresses, phones and postal addresses.</summary>
internal static class PartnerSection
{
    public static List<AgencyContact> Write(GenerationRun run, IReadOnlyList<GeneratedCompany> companies)
    {
        var partners = companies.Where(c => c.Type != CompanyType.Prospect).ToList();
        var count = run.Options.PartnerContacts;

        // Every partner company gets a contact first (agencies first: applicants need one there), the rest at random.
        var ordered = partners.OrderByDescending(c => c.Type == CompanyType.RecruitmentAgency).ToList();
        var assignment = Enumerable.Range(0, count).Select(i => i < ordered.Count ? ordered[i] : run.Random.ListItem(partners)).ToList();

        var contacts = run.Table("PartnerContacts", "Id", "CompanyId", "JobFunction", "PreferredLanguage", "LawfulBasis", "Notes", "CreatedAtUtc", "UpdatedAtUtc",
            "ConcurrencyStamp", "FirstName", "LastName", "FirstNameKey", "LastNameKey", "IsRestricted", "RestrictedAtUtc");
        var emails = run.Table("PartnerContactEmails", "PartnerContactId", "Address");
        var phones = run.Table("PartnerContactPhones", "PartnerContactId", "Kind", "Number");
        var addresses = run.Table("PartnerContactAddresses", "PartnerContactId", "Street", "PostalCode", "City", "CountryCode");
        var agencyContacts = new List<AgencyContact>();
        var expired = 0L;
        for (var i = 0; i < count; i++)
        {
            var id = i + 1;
            var company = assignment[i];
            var (first, last) = run.Names.Next();

            // While the relationship runs the contact was touched in the last years; once ended, before the end.
            var latest = company.RelationshipEndedOn ?? run.AsOf;
            var updated = run.OfficeMoment(latest.AddDays(-run.Random.Int(0, 3 * 365)), latest);
            var created = updated.AddDays(-run.Random.Int(0, 5 * 365));
            var restricted = company.Type != CompanyType.RecruitmentAgency && run.Random.Bool(0.005f);
            contacts.Insert(id, company.Id, run.Random.ArrayElement(FlemishWords.PartnerFunctions),
                Enum(run.Random.Bool(0.85f) ? PreferredLanguage.Dutch : PreferredLanguage.French),
                Enum(company.Type is CompanyType.Customer or CompanyType.Supplier ? PartnerLawfulBasis.Contract : PartnerLawfulBasis.LegitimateInterest),
                run.Random.Bool(0.2f) ? "Liefst contact per mail; maandag en vrijdag afwezig." : null,
                DateTime(created), DateTime(updated), Guid(run.NewGuid()), first, last, ContactNormaliser.SearchKey(first), ContactNormaliser.SearchKey(last),
                Bool(restricted), restricted ? DateTime(updated) : null);

            emails.Insert(id, run.Contacts.Email(first, last, company.Domain));
            var rows = 2;
            if (run.Random.Bool(0.25f))
            {
                emails.Insert(id, run.Contacts.Email($"{ContactPoints.Slug(first)[..1]}{ContactPoints.Slug(last)}", company.Domain));
                rows++;
            }

            // Office numbers may be shared (the company's switchboard); mobiles belong to one person.
            if (run.Random.Bool(0.7f))
            {
                phones.Insert(id, Enum(PhoneKind.Office), company.Switchboard);
                rows++;
            }

            if (run.Random.Bool(0.5f))
            {
                phones.Insert(id, Enum(PhoneKind.Mobile), run.Contacts.Mobile());
                rows++;
            }

            if (run.Random.Bool(0.3f))
            {
                if (run.Random.Bool(0.95f))
                {
                    var place = run.Random.ArrayElement(FlemishWords.Places);
                    addresses.Insert(id, $"{run.Random.ArrayElement(FlemishWords.Streets)} {run.Random.Int(1, 250)}", place.PostalCode, place.City, "BE");
                }
                else
                {
                    addresses.Insert(id, $"Stratumseind {run.Random.Int(1, 120)}", "5611 ET", "Eindhoven", "NL");
                }

                rows++;
            }

            run.Wrote(rows);
            if (company.Type == CompanyType.RecruitmentAgency && !restricted)
            {
                agencyContacts.Add(new AgencyContact(id, company.Id));
            }

            if (company.IsExpired)
            {
                expired++;
            }
        }

        run.Expired["Partner contacts at those companies"] = expired;
        return agencyContacts;
    }
}

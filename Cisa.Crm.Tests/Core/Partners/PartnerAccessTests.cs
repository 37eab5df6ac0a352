using System.Globalization;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Partners;

public sealed class PartnerAccessTests : PartnerTestBase
{
    [Fact]
    public async Task CAT_PARTNER_HR_cannot_list_or_open_partner_contacts()
    {
        var id = await CreateContactAsync();
        ActAs(SalesPeople.Hr);

        var search = await Assert.ThrowsAsync<PermissionDeniedException>(() => Contacts.SearchAsync(new PartnerContactQuery(), new PageRequest(0, 20)));
        var open = await Assert.ThrowsAsync<PermissionDeniedException>(() => Contacts.GetAsync(id));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Contacts.CreateAsync(NewContact()));

        Assert.Equal(Permission.PartnerContactsRead, search.Permission);
        Assert.Equal(Permission.PartnerContactsRead, open.Permission);
        Assert.Empty(await Data.AuditAsync("PartnerContact.Viewed"));
    }

    [Fact]
    public async Task CAT_APPLICANT_HR_sees_the_contact_persons_of_a_recruitment_agency_only()
    {
        var agency = await Data.CompanyAsync("Jobs Kempen", CompanyType.RecruitmentAgency);
        var recruiter = await CreateContactAsync(NewContact(agency) with { LastName = "Recruiter" });
        await CreateContactAsync(NewContact() with { LastName = "Klant" });
        ActAs(SalesPeople.Hr);

        var agencyContacts = await Contacts.AgencyContactsAsync(agency);
        var customerContacts = await Contacts.AgencyContactsAsync(CustomerId);

        var row = Assert.Single(agencyContacts);
        Assert.Equal(recruiter, row.Id);
        Assert.Equal("Jobs Kempen", row.CompanyName);
        Assert.Equal(CompanyType.RecruitmentAgency, row.CompanyType);
        Assert.Empty(customerContacts);
    }

    [Fact]
    public async Task A_user_without_a_role_cannot_see_agency_contacts()
    {
        var agency = await Data.CompanyAsync("Jobs Kempen", CompanyType.RecruitmentAgency);
        ActAs(SettableActorWithoutRole);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => Contacts.AgencyContactsAsync(agency));
    }

    [Fact]
    public async Task The_privacy_officer_reads_contacts_but_cannot_create_change_or_disclose_them()
    {
        var id = await CreateContactAsync();
        ActAs(SalesPeople.PrivacyOfficer);

        var list = await Contacts.SearchAsync(new PartnerContactQuery(), new PageRequest(0, 20));
        var details = await Contacts.GetAsync(id);
        var create = await Assert.ThrowsAsync<PermissionDeniedException>(() => Contacts.CreateAsync(NewContact()));
        var update = await Assert.ThrowsAsync<PermissionDeniedException>(() => Contacts.UpdateAsync(id, details.Input with { JobFunction = "CEO" }, details.Version));
        var disclose = await Assert.ThrowsAsync<PermissionDeniedException>(() => Disclosures.RecordAsync(id, PartnerData.MinimalDisclosure(SubcontractorId)));

        Assert.Equal(id, Assert.Single(list.Items).Id);
        Assert.Equal(Permission.PartnerContactsWrite, create.Permission);
        Assert.Equal(Permission.PartnerContactsWrite, update.Permission);
        Assert.Equal(Permission.DisclosuresWrite, disclose.Permission);
        Assert.Equal(1, await Data.CountAsync<PartnerContact>());
        Assert.Equal(0, await Data.CountAsync<Disclosure>());
    }

    [Fact]
    public void The_role_map_gives_partner_contacts_to_Sales_and_read_only_to_the_privacy_officer()
    {
        Assert.Superset(
            new HashSet<Permission> { Permission.PartnerContactsRead, Permission.PartnerContactsWrite, Permission.DisclosuresWrite, Permission.AgencyContactsRead },
            RolePermissions.For(CrmRoles.Sales).ToHashSet());
        Assert.Contains(Permission.PartnerContactsRead, RolePermissions.For(CrmRoles.PrivacyAdmin));
        Assert.DoesNotContain(Permission.PartnerContactsWrite, RolePermissions.For(CrmRoles.PrivacyAdmin));
        Assert.DoesNotContain(Permission.DisclosuresWrite, RolePermissions.For(CrmRoles.PrivacyAdmin));
        Assert.DoesNotContain(Permission.PartnerContactsRead, RolePermissions.For(CrmRoles.HR));
        Assert.DoesNotContain(Permission.PartnerContactsWrite, RolePermissions.For(CrmRoles.HR));
        Assert.DoesNotContain(Permission.DisclosuresWrite, RolePermissions.For(CrmRoles.HR));
        Assert.Contains(Permission.AgencyContactsRead, RolePermissions.For(CrmRoles.HR));
    }

    [Fact]
    public async Task LOG_ACTIONS_opening_a_contact_is_recorded_as_a_view()
    {
        var id = await CreateContactAsync();
        ActAs(SalesPeople.PrivacyOfficer);

        await Contacts.GetAsync(id);

        var entry = Assert.Single(await Data.AuditAsync("PartnerContact.Viewed"));
        Assert.Equal("privacy-1", entry.ActorId);
        Assert.Equal(nameof(PartnerContact), entry.EntityType);
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), entry.EntityId);
    }

    [Fact]
    public async Task LOG_ACTIONS_the_history_on_the_contact_page_lists_creation_update_and_disclosure_newest_first_without_views()
    {
        var id = await CreateContactAsync();
        var other = await CreateContactAsync();
        Db.Time.Advance(TimeSpan.FromMinutes(5));
        var first = await Contacts.GetAsync(id);
        await Data.AsAsync(SalesPeople.Tom, () => Contacts.UpdateAsync(id, first.Input with { JobFunction = "CFO" }, first.Version));
        await Disclosures.RecordAsync(id, PartnerData.MinimalDisclosure(SubcontractorId));
        await Disclosures.RecordAsync(other, PartnerData.MinimalDisclosure(SubcontractorId));

        var details = await Contacts.GetAsync(id);

        Assert.Equal(["Disclosure.Recorded", "PartnerContact.Updated", "PartnerContact.Created"], details.History.Select(h => h.Action));
        Assert.Equal(["Sofie", "Tom", "Sofie"], details.History.Select(h => h.ActorName));
        Assert.Single(details.Disclosures);
        Assert.All(details.History, h => Assert.DoesNotContain("@", h.Details ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LOG_ACTIONS_creating_a_contact_is_audited_with_counts_but_no_personal_data()
    {
        var id = await CreateContactAsync(NewContact() with
        {
            Emails = ["katrien@herentals-bouw.be", "k@gmail.com"],
            Phones = [new PhoneInput(PhoneKind.Mobile, "0478 12 34 56")],
        });

        var entry = Assert.Single(await Data.AuditAsync("PartnerContact.Created"));
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal($"company={CustomerId};basis=Contract;emails=2;phones=1", entry.Details);
    }

    private static CrmActor SettableActorWithoutRole { get; } = Cisa.Crm.Tests.Support.SettableActor.WithRole(null, "nobody", "Nobody");
}

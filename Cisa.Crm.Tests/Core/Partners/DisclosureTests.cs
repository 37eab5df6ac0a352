using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Partners;

public sealed class DisclosureTests : PartnerTestBase
{
    private int _contactId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _contactId = await CreateContactAsync(NewContact() with
        {
            FirstName = "Katrien", LastName = "Wouters", Emails = ["katrien.wouters@herentals-bouw.be"],
            Addresses = [new AddressInput("Grote Markt 1", "2200", "Herentals")],
        });
    }

    [Fact]
    public async Task SHARE_MIN_a_disclosure_of_the_minimal_fields_for_an_assignment_is_recorded_and_shown_on_the_contact()
    {
        var disclosureId = await Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(SubcontractorId));

        var details = await Contacts.GetAsync(_contactId);
        var row = Assert.Single(details.Disclosures);
        Assert.Equal(disclosureId, row.Id);
        Assert.Equal(SubcontractorId, row.SubcontractorId);
        Assert.Equal("Netwerk Partners", row.SubcontractorName);
        Assert.Equal(
            [DisclosedField.FirstName, DisclosedField.LastName, DisclosedField.Phone, DisclosedField.Email, DisclosedField.CustomerCompanyName],
            row.Fields);
        Assert.Equal("Cabling of the new warehouse", row.Assignment);
        Assert.Null(row.Justification);
        Assert.Equal(Today, row.DisclosedOn);
        Assert.Equal("Sofie", row.RecordedByName);
    }

    [Fact]
    public async Task DSR_NOTIFY_every_recipient_of_a_contact_is_listed_newest_first()
    {
        var other = await Data.SubcontractorAsync("Kabel en Co");
        await Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(SubcontractorId) with { DisclosedOn = Today.AddDays(-10) });
        await Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(other, "Fibre link") with
        {
            Fields = [DisclosedField.LastName, DisclosedField.Email],
            DisclosedOn = Today.AddDays(-2),
        });
        var unrelated = await CreateContactAsync();
        await Disclosures.RecordAsync(unrelated, PartnerData.MinimalDisclosure(SubcontractorId));

        var recipients = await Disclosures.RecipientsOfAsync(_contactId);

        Assert.Equal(
            [
                new RecipientRow(other, "Kabel en Co", Today.AddDays(-2), [DisclosedField.LastName, DisclosedField.Email], "Fibre link"),
                new RecipientRow(SubcontractorId, "Netwerk Partners", Today.AddDays(-10),
                    [DisclosedField.FirstName, DisclosedField.LastName, DisclosedField.Phone, DisclosedField.Email, DisclosedField.CustomerCompanyName],
                    "Cabling of the new warehouse"),
            ],
            recipients,
            RecipientComparer.Instance);
    }

    [Fact]
    public async Task DSR_ACCESS_a_contact_never_disclosed_has_no_recipients()
    {
        Assert.Empty(await Disclosures.RecipientsOfAsync(_contactId));
    }

    [Fact]
    public async Task SHARE_MIN_a_field_beyond_the_minimum_without_a_justification_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Disclosures.RecordAsync(_contactId,
            PartnerData.MinimalDisclosure(SubcontractorId) with { Fields = [DisclosedField.LastName, DisclosedField.PostalAddress], Justification = "  " }));

        var error = Assert.Single(refusal.Errors);
        Assert.Equal(nameof(DisclosureInput.Justification), error.Field);
        Assert.Equal("JustificationRequired", error.Code);
        Assert.Equal(["PostalAddress"], error.Arguments);
        Assert.Empty((await Contacts.GetAsync(_contactId)).Disclosures);
        Assert.Empty(await Data.AuditAsync("Disclosure.Recorded"));
    }

    [Fact]
    public async Task SHARE_MIN_a_field_beyond_the_minimum_with_a_justification_is_recorded_with_it()
    {
        await Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(SubcontractorId) with
        {
            Fields = [DisclosedField.LastName, DisclosedField.PostalAddress],
            Justification = "The technician must deliver the hardware to her home office.",
        });

        var row = Assert.Single((await Contacts.GetAsync(_contactId)).Disclosures);
        Assert.Equal([DisclosedField.LastName, DisclosedField.PostalAddress], row.Fields);
        Assert.Equal("The technician must deliver the hardware to her home office.", row.Justification);
    }

    [Fact]
    public async Task SHARE_MIN_a_recipient_that_is_not_a_subcontractor_is_refused()
    {
        var supplier = await Data.CompanyAsync("Hardware Groothandel", CompanyType.Supplier);

        var toCustomer = await Assert.ThrowsAsync<CrmValidationException>(() => Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(CustomerId)));
        var toSupplier = await Assert.ThrowsAsync<CrmValidationException>(() => Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(supplier)));
        var toNobody = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(SubcontractorId) with { SubcontractorId = null }));
        var toUnknown = await Assert.ThrowsAsync<CrmValidationException>(() => Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(9999)));

        Assert.All(new[] { toCustomer, toSupplier, toNobody, toUnknown }, refusal =>
            Assert.Equal("NotASubcontractor", Assert.Single(refusal.For(nameof(DisclosureInput.SubcontractorId))).Code));
        Assert.Empty(await Disclosures.RecipientsOfAsync(_contactId));
    }

    [Fact]
    public async Task SHARE_MIN_a_disclosure_without_fields_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(SubcontractorId) with { Fields = [] }));

        Assert.Equal("FieldsRequired", Assert.Single(refusal.For(nameof(DisclosureInput.Fields))).Code);
    }

    [Fact]
    public async Task SHARE_MIN_the_assignment_is_required()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(SubcontractorId) with { Assignment = " " }));

        Assert.Equal("Required", Assert.Single(refusal.For(nameof(DisclosureInput.Assignment))).Code);
    }

    [Fact]
    public async Task SHARE_MIN_a_disclosure_dated_in_the_future_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() =>
            Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(SubcontractorId) with { DisclosedOn = Today.AddDays(1) }));

        Assert.Equal("DateInFuture", Assert.Single(refusal.For(nameof(DisclosureInput.DisclosedOn))).Code);
    }

    [Fact]
    public async Task SHARE_MIN_the_date_defaults_to_today_in_Brussels()
    {
        // 23:30 UTC on 14 March is already 15 March in Brussels.
        Db.Time.SetUtcNow(new DateTimeOffset(2026, 3, 14, 23, 30, 0, TimeSpan.Zero));

        await Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(SubcontractorId) with { DisclosedOn = new DateOnly(2026, 3, 15) });
        await Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(SubcontractorId, "Second visit"));

        Assert.All((await Contacts.GetAsync(_contactId)).Disclosures, d => Assert.Equal(new DateOnly(2026, 3, 15), d.DisclosedOn));
    }

    [Fact]
    public async Task SHARE_MIN_disclosing_an_unknown_contact_is_not_found()
    {
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Disclosures.RecordAsync(4242, PartnerData.MinimalDisclosure(SubcontractorId)));
    }

    [Fact]
    public async Task LOG_ACTIONS_the_audit_entry_of_a_disclosure_names_the_fields_but_holds_no_personal_data()
    {
        var disclosureId = await Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(SubcontractorId, "Visit for Katrien Wouters") with
        {
            Fields = [DisclosedField.Email, DisclosedField.LastName, DisclosedField.PostalAddress],
            Justification = "Hardware delivery to Grote Markt 1, Herentals.",
        });

        var entry = Assert.Single(await Data.AuditAsync("Disclosure.Recorded"));
        Assert.Equal("sales-1", entry.ActorId);
        Assert.Equal(nameof(PartnerContact), entry.EntityType);
        Assert.Equal(_contactId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal($"disclosure={disclosureId};to={SubcontractorId};fields=LastName,Email,PostalAddress", entry.Details);
        foreach (var personal in new[] { "katrien", "wouters", "herentals-bouw", "@", "grote markt", "+32" })
        {
            Assert.DoesNotContain(personal, entry.Details, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task SHARE_MIN_the_same_field_twice_is_recorded_once()
    {
        await Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(SubcontractorId) with
        {
            Fields = [DisclosedField.Email, DisclosedField.Email, DisclosedField.LastName],
        });

        Assert.Equal([DisclosedField.LastName, DisclosedField.Email], Assert.Single(await Disclosures.RecipientsOfAsync(_contactId)).Fields);
    }

    [Fact]
    public async Task The_privacy_officer_reads_the_recipients_but_cannot_record_a_disclosure()
    {
        await Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(SubcontractorId));
        ActAs(SalesPeople.PrivacyOfficer);

        var refusal = await Assert.ThrowsAsync<PermissionDeniedException>(() => Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(SubcontractorId)));

        Assert.Equal(Cisa.Crm.Core.Security.Permission.DisclosuresWrite, refusal.Permission);
        Assert.Single(await Disclosures.RecipientsOfAsync(_contactId));
    }

    [Fact]
    public async Task HR_cannot_read_the_recipients_of_a_partner_contact()
    {
        ActAs(SalesPeople.Hr);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => Disclosures.RecipientsOfAsync(_contactId));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Disclosures.RecordAsync(_contactId, PartnerData.MinimalDisclosure(SubcontractorId)));
    }

    /// <summary>Records hold a list, which record equality compares by reference.</summary>
    private sealed class RecipientComparer : IEqualityComparer<RecipientRow>
    {
        public static RecipientComparer Instance { get; } = new();

        public bool Equals(RecipientRow? x, RecipientRow? y) =>
            x is not null && y is not null && x.CompanyId == y.CompanyId && x.CompanyName == y.CompanyName && x.DisclosedOn == y.DisclosedOn
            && x.Assignment == y.Assignment && x.Fields.SequenceEqual(y.Fields);

        public int GetHashCode(RecipientRow obj) => obj.CompanyId;
    }
}

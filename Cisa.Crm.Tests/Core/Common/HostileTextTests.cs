using Cisa.Crm.Core.Common.Import;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Tests.Core.Applicants;
using Cisa.Crm.Tests.Core.Partners;
using Cisa.Crm.Tests.Core.Privacy.Requests;
using Cisa.Crm.Tests.Core.Prospects;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Core.Common;

/// <summary>
/// Issue 18, defect 6 (text): no name or text field takes a control character, an invisible format character or a lone
/// surrogate, and a name of only invisible characters is no name. Each refusal is a field error the form shows.
/// </summary>
public static class RefusedText
{
    /// <summary>The refusal has exactly one error at <paramref name="field"/>: "CharacterNotAllowed" naming <paramref name="character"/>.</summary>
    public static void NamesCharacter(CrmValidationException refusal, string field, string character)
    {
        var error = Assert.Single(refusal.For(field));
        Assert.Equal("CharacterNotAllowed", error.Code);
        Assert.Equal(character, Assert.Single(error.Arguments));
    }
}

public sealed class HostileTextInSalesTests : SalesTestBase
{
    [Theory]
    [MemberData(nameof(HostileText.ForbiddenInName), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task A_prospects_names_and_job_title_with_a_control_or_format_character_are_refused_at_the_field(string text, string character)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateProspectAsync(NewProspect() with
        {
            FirstName = text, LastName = text, JobTitle = text, SourceDetail = text,
        }));

        foreach (var field in new[] { nameof(ProspectInput.FirstName), nameof(ProspectInput.LastName), nameof(ProspectInput.JobTitle), nameof(ProspectInput.SourceDetail) })
        {
            RefusedText.NamesCharacter(refusal, field, character);
        }

        Assert.Equal(0, await Data.CountAsync<Prospect>());
    }

    [Theory]
    [MemberData(nameof(HostileText.InvisibleOnly), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task A_name_of_only_invisible_characters_is_refused_as_required(string text)
    {
        await CreateRefusedAsync(NewProspect() with { FirstName = text, LastName = text }, "Required", nameof(ProspectInput.FirstName), nameof(ProspectInput.LastName));
        Assert.Equal(0, await Data.CountAsync<Prospect>());
    }

    [Theory]
    [MemberData(nameof(HostileText.ForbiddenInName), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task A_company_name_or_city_with_a_control_or_format_character_is_refused_at_the_field(string text, string character)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Companies.CreateAsync(new CompanyInput
        {
            Name = text, Type = CompanyType.Prospect, City = text,
        }));

        RefusedText.NamesCharacter(refusal, nameof(CompanyInput.Name), character);
        RefusedText.NamesCharacter(refusal, nameof(CompanyInput.City), character);
        Assert.Equal(1, await Data.CountAsync<Company>());
    }

    [Theory]
    [MemberData(nameof(HostileText.ForbiddenInNotes), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task MINIMISE_a_call_report_or_note_with_a_control_or_format_character_is_refused_at_the_field(string text, string character)
    {
        var prospect = await CreateProspectAsync();

        var report = await Assert.ThrowsAsync<CrmValidationException>(() => Calls.LogAsync(prospect, SalesData.Call(report: text)));
        var note = await Assert.ThrowsAsync<CrmValidationException>(() => CreateProspectAsync(NewProspect() with { LegitimateInterestNote = text }));

        RefusedText.NamesCharacter(report, nameof(CallInput.Report), character);
        RefusedText.NamesCharacter(note, nameof(ProspectInput.LegitimateInterestNote), character);
        Assert.Empty(await Calls.TimelineAsync(prospect));
    }

    [Fact]
    public async Task A_call_report_keeps_its_line_breaks_and_tabs()
    {
        var prospect = await CreateProspectAsync();

        await Calls.LogAsync(prospect, SalesData.Call(report: "Belde terug.\r\nVolgende week:\topnieuw."));

        Assert.Equal("Belde terug.\r\nVolgende week:\topnieuw.", Assert.Single(await Calls.TimelineAsync(prospect)).Report);
    }

    [Fact]
    public async Task Import_marks_a_row_with_a_format_character_in_a_name_or_a_new_companys_name_invalid()
    {
        const string Csv = "FirstName;LastName;Company;Email;Source\n"
            + "Jan;Pee\u200Bters;Kempen ICT;jan@kempen-ict.be;LinkedIn\n"
            + "Lien;Geerts;\u202ETCI newoN;lien@nowen.be;LinkedIn\n"
            + "Els;Goed;Kempen ICT;els@kempen-ict.be;LinkedIn\n";

        var preview = await Db.Get<ProspectImportService>().PreviewAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Csv)), new ImportBatch(AssessmentId, SalesData.Note));

        Assert.Equal([ImportRowStatus.Invalid, ImportRowStatus.Invalid, ImportRowStatus.Valid], preview.Rows.Select(r => r.Status));
        Assert.Equal(("LastName", "CharacterNotAllowed"), (preview.Rows[0].Errors[0].Field, preview.Rows[0].Errors[0].Code));
        Assert.Equal(("CompanyId", "CharacterNotAllowed"), (preview.Rows[1].Errors[0].Field, preview.Rows[1].Errors[0].Code));
    }
}

public sealed class HostileTextInPartnerContactTests : PartnerTestBase
{
    [Theory]
    [MemberData(nameof(HostileText.ForbiddenInName), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task A_contacts_names_function_and_address_with_a_control_or_format_character_are_refused_at_the_field(string text, string character)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with
        {
            FirstName = text, LastName = text, JobFunction = text,
        }));

        RefusedText.NamesCharacter(refusal, nameof(PartnerContactInput.FirstName), character);
        RefusedText.NamesCharacter(refusal, nameof(PartnerContactInput.LastName), character);
        RefusedText.NamesCharacter(refusal, nameof(PartnerContactInput.JobFunction), character);
        Assert.Equal(0, await Data.CountAsync<PartnerContact>());
    }

    [Theory]
    [MemberData(nameof(HostileText.ForbiddenInNotes), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task MINIMISE_contact_notes_with_a_control_or_format_character_are_refused_at_the_field(string text, string character)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateContactAsync(NewContact() with { Notes = text }));

        RefusedText.NamesCharacter(refusal, nameof(PartnerContactInput.Notes), character);
    }
}

public sealed class HostileTextInApplicantTests : ApplicantTestBase
{
    [Theory]
    [MemberData(nameof(HostileText.ForbiddenInName), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task An_applicants_names_with_a_control_or_format_character_are_refused_at_the_field(string text, string character)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateApplicantAsync(NewApplicant() with { FirstName = text, LastName = text }));

        RefusedText.NamesCharacter(refusal, "FirstName", character);
        RefusedText.NamesCharacter(refusal, "LastName", character);
    }

    [Theory]
    [MemberData(nameof(HostileText.InvisibleOnly), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task An_applicants_name_of_only_invisible_characters_is_refused_as_required(string text)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => CreateApplicantAsync(NewApplicant() with { LastName = text }));

        Assert.Equal("Required", Assert.Single(refusal.For("LastName")).Code);
    }
}

public sealed class HostileTextInSubjectRequestTests : SubjectRequestTestBase
{
    [Theory]
    [MemberData(nameof(HostileText.ForbiddenInNotes), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task DSR_RIGHTS_a_requester_name_or_request_text_with_a_control_or_format_character_is_refused_at_the_field(string text, string character)
    {
        var refusal = await Assert.ThrowsAsync<CrmValidationException>(() => Requests.CreateAsync(Intake() with { RequesterName = text, RequestText = text }));

        RefusedText.NamesCharacter(refusal, "RequesterName", character);
        RefusedText.NamesCharacter(refusal, "RequestText", character);
    }

    [Fact]
    public async Task DSR_RIGHTS_a_request_text_keeps_its_paragraphs()
    {
        var id = await Requests.CreateAsync(Intake() with { RequestText = "Geachte,\n\n\tVerwijder mijn gegevens.\r\nLies" });

        Assert.Equal("Geachte,\n\n\tVerwijder mijn gegevens.\r\nLies", (await Requests.GetAsync(id)).Request.RequestText);
    }
}

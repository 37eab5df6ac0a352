using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Core.Applicants;

public sealed class ApplicantRestrictionAndSuppressionTests : ApplicantTestBase
{
    [Fact]
    public async Task DSR_OBJECT_a_suppressed_email_is_refused_on_create_and_nothing_is_saved()
    {
        var input = NewApplicant();
        await Data.SuppressAsync(input.Email);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => Applicants.CreateAsync(input with { Email = input.Email!.ToUpperInvariant() }));

        Assert.Equal("Suppressed", refusal.Code);
        Assert.Equal(0, await Data.CountAsync<Applicant>());
        Assert.Equal(0, await Data.CountAsync<Application>());
        Assert.Empty(await Data.AuditAsync("Applicant.Created"));
    }

    [Fact]
    public async Task DSR_OBJECT_a_suppressed_email_cannot_be_given_to_an_existing_applicant()
    {
        var id = await CreateApplicantAsync();
        await Data.SuppressAsync("bezwaar@example.be");
        var before = await Applicants.GetAsync(id);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Applicants.UpdateAsync(id, before.Input with { Email = "bezwaar@example.be" }, before.Version));

        Assert.Equal("Suppressed", refusal.Code);
        Assert.Equal(before.Input.Email, (await Applicants.GetAsync(id)).Input.Email);
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_applicant_cannot_be_updated()
    {
        var id = await CreateApplicantAsync();
        var before = await Applicants.GetAsync(id);
        await Data.RestrictAsync(id);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Applicants.UpdateAsync(id, before.Input with { City = "Geel", PostalCode = "2440" }, before.Version));

        Assert.Equal("Restricted", refusal.Code);
        Assert.Null((await Applicants.GetAsync(id)).Input.City);
        Assert.Empty(await Data.AuditAsync("Applicant.Updated"));
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_applicant_cannot_get_a_cv()
    {
        var id = await CreateApplicantAsync();
        await Data.RestrictAsync(id);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => Applicants.UploadCvAsync(id, "cv.pdf", ApplicantData.Pdf()));

        Assert.Equal("Restricted", refusal.Code);
        Assert.Equal(0, await Data.CountAsync<ApplicantCv>());
        Assert.Empty(await Data.AuditAsync("Cv.Uploaded"));
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_applicant_cannot_get_another_cv_and_keeps_the_stored_one()
    {
        var id = await CreateApplicantAsync();
        var pdf = ApplicantData.Pdf();
        await Applicants.UploadCvAsync(id, "cv.pdf", pdf);
        await Data.RestrictAsync(id);

        await Assert.ThrowsAsync<RuleViolationException>(() => Applicants.UploadCvAsync(id, "new.docx", ApplicantData.Docx()));

        Assert.Equal(pdf, (await Applicants.DownloadCvAsync(id)).Content);
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_applicant_cannot_apply_again_or_get_notes()
    {
        var id = await CreateApplicantAsync();
        var applicationId = Assert.Single((await Applicants.GetAsync(id)).Applications).Id;
        var next = await Data.ProcedureAsync("Security analyst");
        await Data.RestrictAsync(id);

        Assert.Equal("Restricted", (await Assert.ThrowsAsync<RuleViolationException>(() => Applicants.AddApplicationAsync(id, next))).Code);
        Assert.Equal("Restricted", (await Assert.ThrowsAsync<RuleViolationException>(() => Applicants.SetApplicationNotesAsync(applicationId, "Call back.", Guid.Empty))).Code);
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_applicant_stays_visible_and_marked()
    {
        var id = await CreateApplicantAsync();
        await Data.RestrictAsync(id);

        Assert.True((await Applicants.GetAsync(id)).IsRestricted);
        Assert.True(Assert.Single((await Applicants.SearchAsync(new ApplicantQuery(), new PageRequest(0, 20))).Items).IsRestricted);
    }

    [Theory]
    [MemberData(nameof(HostileText.InvisibleInEmail), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task DSR_OBJECT_an_applicant_whose_suppressed_email_hides_an_invisible_character_is_refused(string email)
    {
        await Data.SuppressAsync("jan.peeters@firma.be");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => CreateApplicantAsync(NewApplicant() with { Email = email }));

        Assert.Equal("Suppressed", refusal.Code);
    }
}

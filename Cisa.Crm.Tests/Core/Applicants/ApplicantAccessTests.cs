using Cisa.Crm.Core.Applicants;
using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Core.Applicants;

/// <summary>CAT-APPLICANT: only HR (and the privacy officer, reading) sees anything about applicants.</summary>
public sealed class ApplicantAccessTests() : ApplicantTestBase(withApplicant: true)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Data.UploadCvAsync(ApplicantId);
    }

    private (string What, Func<Task> Read)[] Reads() =>
    [
        ("applicant list", () => Applicants.SearchAsync(new ApplicantQuery(), new PageRequest(0, 20))),
        ("applicant search", () => Applicants.SearchAsync("Jans", new PageRequest(0, 20))),
        ("applicant page", () => Applicants.GetAsync(ApplicantId)),
        ("HR dashboard", () => Applicants.OverviewAsync()),
        ("CV download", () => Applicants.DownloadCvAsync(ApplicantId)),
        ("procedure list", () => Procedures.ListAsync()),
        ("open procedure list", () => Procedures.ListAsync(openOnly: true)),
        ("procedure page", () => Procedures.GetAsync(VacancyId)),
        ("applicants of a procedure", () => Procedures.ApplicantsOfAsync(VacancyId)),
        ("applicant list by procedure and status", () => Applicants.SearchAsync(new ApplicantQuery(null, VacancyId, ApplicantStatus.InProcedure), new PageRequest(0, 20))),
    ];

    private (string What, Func<Task> Write)[] Writes(Guid applicantVersion, Guid procedureVersion) =>
    [
        ("create applicant", () => Applicants.CreateAsync(NewApplicant())),
        ("create applicant with a CV", () => Applicants.CreateAsync(NewApplicant(), new CvUpload("cv.pdf", ApplicantData.Pdf()))),
        ("update applicant", () => Applicants.UpdateAsync(ApplicantId, NewApplicant() with { FirstName = "Piet" }, applicantVersion)),
        ("add application", () => Applicants.AddApplicationAsync(ApplicantId, VacancyId)),
        ("application notes", () => Applicants.SetApplicationNotesAsync(1, "Good interview.", Guid.Empty)),
        ("upload CV", () => Applicants.UploadCvAsync(ApplicantId, "cv.pdf", ApplicantData.Pdf())),
        ("open procedure", () => Procedures.OpenAsync(new ProcedureInput(ProcedureKind.Vacancy, "Developer", null, null))),
        ("close procedure", () => Procedures.CloseAsync(VacancyId, new Dictionary<int, ApplicationOutcome> { [ApplicantId] = ApplicationOutcome.Hired }, procedureVersion)),
        ("reopen procedure", () => Procedures.ReopenAsync(VacancyId, procedureVersion)),
    ];

    public static TheoryData<string> Outsiders() => ["sales", "no role", "unknown role"];

    private static CrmActor Outsider(string who) => who switch
    {
        "sales" => SalesPeople.Sofie,
        "no role" => SettableActor.WithRole(null, "nobody-1", "Nobody"),
        _ => SettableActor.WithRole("Janitor", "janitor-1", "Jef"),
    };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task CAT_APPLICANT_outsiders_are_refused_every_read_of_applicants_cvs_and_procedures(string who)
    {
        ActAs(Outsider(who));

        foreach (var (what, read) in Reads())
        {
            var refusal = await Assert.ThrowsAsync<PermissionDeniedException>(read);
            Assert.True(refusal.Permission == Permission.ApplicantsRead, $"{what}: {refusal.Permission}");
        }

        Assert.Empty(await Data.AuditAsync("Applicant.Viewed"));
        Assert.Empty(await Data.AuditAsync("Cv.Downloaded"));
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task CAT_APPLICANT_outsiders_are_refused_every_change(string who)
    {
        var applicantVersion = (await Applicants.GetAsync(ApplicantId)).Version;
        var procedureVersion = (await Data.ProcedureRowAsync(VacancyId)).ConcurrencyStamp;
        ActAs(Outsider(who));

        foreach (var (what, write) in Writes(applicantVersion, procedureVersion))
        {
            var refusal = await Assert.ThrowsAsync<PermissionDeniedException>(write);
            Assert.True(refusal.Permission == Permission.ApplicantsWrite, $"{what}: {refusal.Permission}");
        }

        Assert.Equal(1, await Data.CountAsync<Applicant>());
        Assert.True((await Data.ProcedureRowAsync(VacancyId)).IsOpen);
    }

    [Fact]
    public async Task CAT_APPLICANT_the_privacy_officer_can_read_everything_about_applicants()
    {
        ActAs(SalesPeople.PrivacyOfficer);

        foreach (var (_, read) in Reads())
        {
            await read();
        }

        Assert.Equal(ApplicantId, Assert.Single((await Applicants.SearchAsync(new ApplicantQuery(), new PageRequest(0, 20))).Items).Id);
        Assert.Equal("%PDF-1.4", System.Text.Encoding.ASCII.GetString((await Applicants.DownloadCvAsync(ApplicantId)).Content, 0, 8));
    }

    [Fact]
    public async Task CAT_APPLICANT_the_privacy_officer_cannot_create_or_change_anything_about_applicants()
    {
        var applicantVersion = (await Applicants.GetAsync(ApplicantId)).Version;
        var procedureVersion = (await Data.ProcedureRowAsync(VacancyId)).ConcurrencyStamp;
        ActAs(SalesPeople.PrivacyOfficer);

        foreach (var (what, write) in Writes(applicantVersion, procedureVersion))
        {
            var refusal = await Assert.ThrowsAsync<PermissionDeniedException>(write);
            Assert.True(refusal.Permission == Permission.ApplicantsWrite, $"{what}: {refusal.Permission}");
        }

        Assert.Equal(1, await Data.CountAsync<Applicant>());
        Assert.Single(await Data.AuditAsync("Cv.Uploaded"));
    }

    [Fact]
    public async Task CAT_APPLICANT_HR_can_do_everything_with_applicants_and_procedures()
    {
        foreach (var (_, read) in Reads())
        {
            await read();
        }

        var second = await Procedures.OpenAsync(new ProcedureInput(ProcedureKind.Vacancy, "Developer", "Software", null));
        var other = await CreateApplicantAsync(NewApplicant(second));
        var before = await Applicants.GetAsync(ApplicantId);
        await Applicants.UpdateAsync(ApplicantId, before.Input with { FirstName = "Piet" }, before.Version);
        await Applicants.AddApplicationAsync(ApplicantId, second);
        await Applicants.SetApplicationNotesAsync(before.Applications.Single().Id, "Strong on networking.", before.Applications.Single().Version);
        await Applicants.UploadCvAsync(other, "cv.docx", ApplicantData.Docx());
        await Data.CloseAsync(second);
        await Data.ReopenAsync(second);

        var after = await Applicants.GetAsync(ApplicantId);
        Assert.Equal("Piet", after.Input.FirstName);
        Assert.Equal(2, after.Applications.Count);
        Assert.Equal("Strong on networking.", after.Applications.Single(a => a.ProcedureId == VacancyId).Notes);
        Assert.NotNull((await Applicants.GetAsync(other)).Cv);
        Assert.Equal(2, (await Procedures.ListAsync(openOnly: true)).Count);
    }

    [Fact]
    public async Task LOG_ACTIONS_opening_an_applicant_records_who_viewed_whom()
    {
        await Applicants.GetAsync(ApplicantId);

        var entry = Assert.Single(await Data.AuditAsync("Applicant.Viewed"));
        Assert.Equal("hr-1", entry.ActorId);
        Assert.Equal(nameof(Applicant), entry.EntityType);
        Assert.Equal(ApplicantId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
    }

    [Fact]
    public async Task LOG_ACTIONS_no_audit_entry_names_or_addresses_the_applicant()
    {
        var before = await Applicants.GetAsync(ApplicantId);
        await Applicants.UpdateAsync(ApplicantId, before.Input with { Email = "nieuw.adres@example.be" }, before.Version);
        await Applicants.DownloadCvAsync(ApplicantId);

        await using var context = Db.CreateContext();
        var details = context.AuditEntries.Select(e => e.Details ?? "").ToList();
        Assert.DoesNotContain(details, d => d.Contains("Janssens", StringComparison.OrdinalIgnoreCase)
            || d.Contains("@example.be", StringComparison.OrdinalIgnoreCase) || d.Contains("cv.pdf", StringComparison.OrdinalIgnoreCase));
    }
}

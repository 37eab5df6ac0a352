using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Core.Security;

namespace Cisa.Crm.Tests.Core.Prospects;

public sealed class SalesAccessTests() : SalesTestBase(withProspect: true)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Calls.LogAsync(ProspectId, SalesData.Call(new DateTime(2026, 3, 14, 10, 0, 0)));
    }

    [Fact]
    public async Task HR_is_refused_every_read_of_prospects_calls_and_companies()
    {
        ActAs(SalesPeople.Hr);
        var reads = new (string What, Func<Task> Read, Permission Needed)[]
        {
            ("prospect list", () => Prospects.SearchAsync(new ProspectQuery(), new PageRequest(0, 20)), Permission.ProspectsRead),
            ("prospect list, next page", () => Prospects.SearchAsync(new ProspectQuery(), new PageRequest(20, 20), knownTotal: 40), Permission.ProspectsRead),
            ("prospect page", () => Prospects.GetAsync(ProspectId), Permission.ProspectsRead),
            ("call timeline", () => Calls.TimelineAsync(ProspectId), Permission.ProspectsRead),
            ("my work", () => Calls.MyWorkAsync(), Permission.ProspectsRead),
            ("dashboard", () => Db.Get<SalesStatistics>().OverviewAsync(), Permission.ProspectsRead),
            ("export", () => Db.Get<ProspectExportService>().ExportAsync(new ProspectQuery()), Permission.ProspectsExport),
            ("company list", () => Companies.SearchAsync(new CompanyQuery(), new PageRequest(0, 20)), Permission.CompaniesRead),
            ("company page", () => Companies.GetAsync(CompanyId), Permission.CompaniesRead),
            ("company picker", () => Companies.FindOptionsAsync("Kem"), Permission.CompaniesRead),
            ("company picker of prospects", () => Companies.FindOptionsAsync("Kem", CompanyType.Prospect), Permission.CompaniesRead),
            ("company counts", () => Companies.CountByTypeAsync(), Permission.CompaniesRead),
        };

        foreach (var (what, read, needed) in reads)
        {
            var refusal = await Assert.ThrowsAsync<PermissionDeniedException>(read);
            Assert.True(needed == refusal.Permission, $"{what}: refused for {refusal.Permission}, expected {needed}");
        }

        Assert.Empty(await Data.AuditAsync("Prospect.Viewed"));
        Assert.Empty(await Data.AuditAsync("Prospect.Exported"));
    }

    [Fact]
    public async Task HR_is_refused_every_write_of_prospects_calls_and_companies()
    {
        var details = await Prospects.GetAsync(ProspectId);
        var company = await Companies.GetAsync(CompanyId);
        ActAs(SalesPeople.Hr);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => CreateProspectAsync());
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Prospects.UpdateAsync(ProspectId, details.Input, details.Version));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Calls.LogAsync(ProspectId, SalesData.Call()));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Companies.CreateAsync(new CompanyInput { Name = "HR BV" }));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Companies.MarkWonAsync(CompanyId, company.Version));
    }

    [Fact]
    public async Task HR_may_pick_only_recruitment_agencies()
    {
        var agency = await Data.CompanyAsync("Kempen Jobs", type: CompanyType.RecruitmentAgency);
        await Data.CompanyAsync("Kempen Consult", type: CompanyType.Prospect);
        ActAs(SalesPeople.Hr);

        var options = await Companies.FindOptionsAsync("Kempen", CompanyType.RecruitmentAgency);

        Assert.Equal(agency, Assert.Single(options).Id);
    }

    [Fact]
    public async Task The_privacy_officer_reads_prospects_and_their_calls()
    {
        ActAs(SalesPeople.PrivacyOfficer);

        var list = await Prospects.SearchAsync(new ProspectQuery(IncludeRestricted: true), new PageRequest(0, 20));
        var details = await Prospects.GetAsync(ProspectId);
        var timeline = await Calls.TimelineAsync(ProspectId);
        var company = await Companies.GetAsync(CompanyId);

        Assert.Equal(ProspectId, Assert.Single(list.Items).Id);
        Assert.Equal(ProspectId, details.Id);
        Assert.Single(timeline);
        Assert.Equal(1, company.ProspectCount);
    }

    [Fact]
    public async Task The_privacy_officer_cannot_create_or_change_prospects_calls_or_companies()
    {
        var details = await Prospects.GetAsync(ProspectId);
        var call = Assert.Single(await Calls.TimelineAsync(ProspectId));
        ActAs(SalesPeople.PrivacyOfficer);

        var create = await Assert.ThrowsAsync<PermissionDeniedException>(() => CreateProspectAsync());
        var update = await Assert.ThrowsAsync<PermissionDeniedException>(() => Prospects.UpdateAsync(ProspectId, details.Input with { JobTitle = "CIO" }, details.Version));
        var log = await Assert.ThrowsAsync<PermissionDeniedException>(() => Calls.LogAsync(ProspectId, SalesData.Call()));
        var edit = await Assert.ThrowsAsync<PermissionDeniedException>(() => Calls.EditAsync(call.Id, SalesData.Call(), call.Version));
        var company = await Assert.ThrowsAsync<PermissionDeniedException>(() => Companies.CreateAsync(new CompanyInput { Name = "Privacy BV" }));

        Assert.Equal(Permission.ProspectsWrite, create.Permission);
        Assert.Equal(Permission.ProspectsWrite, update.Permission);
        Assert.Equal(Permission.CallsWrite, log.Permission);
        Assert.Equal(Permission.CallsWrite, edit.Permission);
        Assert.Equal(Permission.CompaniesWrite, company.Permission);
        Assert.Equal(1, await Data.CountAsync<Prospect>());
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused()
    {
        ActAs(CrmActor.Anonymous);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => Prospects.GetAsync(ProspectId));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => CreateProspectAsync());
    }

    [Fact]
    public async Task LOG_ACTIONS_opening_a_prospect_records_who_viewed_it()
    {
        Db.Time.Advance(TimeSpan.FromMinutes(3));
        ActAs(SalesPeople.PrivacyOfficer);

        await Prospects.GetAsync(ProspectId);

        var entry = Assert.Single(await Data.AuditAsync("Prospect.Viewed"));
        Assert.Equal("privacy-1", entry.ActorId);
        Assert.Equal("Petra", entry.ActorName);
        Assert.Equal("Prospect", entry.EntityType);
        Assert.Equal(ProspectId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal(new DateTime(2026, 3, 14, 9, 33, 0, DateTimeKind.Utc), entry.OccurredAtUtc);
    }

    [Fact]
    public async Task LOG_ACTIONS_opening_a_prospect_that_does_not_exist_records_nothing()
    {
        await Assert.ThrowsAsync<RecordNotFoundException>(() => Prospects.GetAsync(9999));

        Assert.Empty(await Data.AuditAsync("Prospect.Viewed"));
    }

    [Theory]
    [InlineData("hr")]
    [InlineData("sales")]
    public async Task Only_the_privacy_officer_sees_how_many_people_rely_on_each_assessment(string who)
    {
        ActAs(who == "hr" ? SalesPeople.Hr : SalesPeople.Sofie);

        await Assert.ThrowsAsync<Cisa.Crm.Core.Errors.PermissionDeniedException>(() => Db.Get<Cisa.Crm.Core.LegitimateInterest.AssessmentService>().ListAsync());
    }
}

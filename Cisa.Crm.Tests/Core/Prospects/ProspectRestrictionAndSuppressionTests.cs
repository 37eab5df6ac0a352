using Cisa.Crm.Core.Common;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Prospects;
using Cisa.Crm.Core.Prospects.Calls;
using Cisa.Crm.Core.Prospects.Import;
using Cisa.Crm.Core.Common.Import;
using Microsoft.EntityFrameworkCore;
using Cisa.Crm.Tests.Core.People;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Tests.Core.Prospects.Import;

namespace Cisa.Crm.Tests.Core.Prospects;

public sealed class RestrictionAndSuppressionTests : SalesTestBase
{
    [Fact]
    public async Task DSR_RESTRICT_a_restricted_prospect_is_left_out_of_the_default_list_but_can_be_asked_for()
    {
        var restricted = await CreateProspectAsync(NewProspect() with { LastName = "Beperkt" });
        var other = await CreateProspectAsync(NewProspect() with { LastName = "Vrij" });
        await Data.RestrictAsync(restricted);

        var list = await Prospects.SearchAsync(new ProspectQuery(), new PageRequest(0, 50));
        var byName = await Prospects.SearchAsync(new ProspectQuery(Search: "Beperkt"), new PageRequest(0, 50));
        var included = await Prospects.SearchAsync(new ProspectQuery(IncludeRestricted: true), new PageRequest(0, 50));

        Assert.Equal(other, Assert.Single(list.Items).Id);
        Assert.Equal(1, list.TotalCount);
        Assert.Empty(byName.Items);
        Assert.Equal(2, included.TotalCount);
        Assert.True(included.Items.Single(p => p.Id == restricted).IsRestricted);
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_prospect_stays_visible_and_marked_on_its_page()
    {
        var id = await CreateProspectAsync();
        await Data.RestrictAsync(id);

        Assert.True((await Prospects.GetAsync(id)).IsRestricted);
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_prospect_cannot_be_updated()
    {
        var id = await CreateProspectAsync();
        var before = await Prospects.GetAsync(id);
        await Data.RestrictAsync(id);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Prospects.UpdateAsync(id, before.Input with { JobTitle = "CIO" }, before.Version));

        Assert.Equal("Restricted", refusal.Code);
        Assert.Equal("IT manager", (await Prospects.GetAsync(id)).Input.JobTitle);
        Assert.Empty(await Data.AuditAsync("Prospect.Updated"));
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_prospect_gets_no_new_calls()
    {
        var id = await CreateProspectAsync();
        await Data.RestrictAsync(id);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => Calls.LogAsync(id, SalesData.Call()));

        Assert.Equal("Restricted", refusal.Code);
        Assert.Empty(await Calls.TimelineAsync(id));
        Assert.Empty(await Data.AuditAsync("Call.Logged"));
    }

    [Fact]
    public async Task DSR_RESTRICT_the_calls_of_a_restricted_prospect_cannot_be_edited()
    {
        var id = await CreateProspectAsync();
        var at = new DateTime(2026, 3, 14, 10, 0, 0);
        var callId = await Calls.LogAsync(id, SalesData.Call(at));
        var call = Assert.Single(await Calls.TimelineAsync(id));
        await Data.RestrictAsync(id);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => Calls.EditAsync(callId, SalesData.Call(at, report: "Changed."), call.Version));

        Assert.Equal("Restricted", refusal.Code);
        Assert.Equal("Spoke about their backup needs.", Assert.Single(await Calls.TimelineAsync(id)).Report);
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_prospect_is_not_exported_even_when_asked_for()
    {
        var restricted = await CreateProspectAsync(NewProspect() with { LastName = "Beperkt" });
        await CreateProspectAsync(NewProspect() with { LastName = "Vrij" });
        await Data.RestrictAsync(restricted);

        var csv = System.Text.Encoding.UTF8.GetString(await Db.Get<ProspectExportService>().ExportAsync(new ProspectQuery(IncludeRestricted: true)));

        Assert.DoesNotContain("Beperkt", csv, StringComparison.Ordinal);
        Assert.Contains("Vrij", csv, StringComparison.Ordinal);
        Assert.Equal("rows=1", Assert.Single(await Data.AuditAsync("Prospect.Exported")).Details);
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_prospects_follow_up_leaves_my_work_and_the_dashboard()
    {
        var id = await CreateProspectAsync();
        await Calls.LogAsync(id, SalesData.Call(new DateTime(2026, 3, 14, 9, 0, 0), CallOutcome.CallBack, followUpOn: Today));
        Assert.Equal(id, Assert.Single((await Calls.MyWorkAsync()).FollowUpsDue).ProspectId);
        Assert.Equal(1, (await Db.Get<SalesStatistics>().OverviewAsync()).FollowUpsUpcoming);

        await Data.RestrictAsync(id);

        Assert.Empty((await Calls.MyWorkAsync()).FollowUpsDue);
        Assert.Empty((await Calls.MyWorkAsync()).RecentCalls);
        Assert.Equal(0, (await Db.Get<SalesStatistics>().OverviewAsync()).FollowUpsUpcoming);
    }

    [Fact]
    public async Task My_work_lists_my_follow_ups_due_today_or_overdue_and_my_recent_calls()
    {
        var due = await CreateProspectAsync(NewProspect() with { LastName = "Vandaag" });
        var later = await CreateProspectAsync(NewProspect() with { LastName = "Later" });
        var toms = await CreateProspectAsync(NewProspect() with { LastName = "VanTom" });
        await Calls.LogAsync(due, SalesData.Call(new DateTime(2026, 3, 12, 9, 0, 0), followUpOn: Today));
        await Calls.LogAsync(later, SalesData.Call(new DateTime(2026, 3, 12, 10, 0, 0), followUpOn: Today.AddDays(3)));
        ActAs(SalesPeople.Tom);
        await Calls.LogAsync(toms, SalesData.Call(new DateTime(2026, 3, 12, 11, 0, 0), followUpOn: Today));
        ActAs(SalesPeople.Sofie);
        Db.Time.Advance(TimeSpan.FromDays(1)); // Sunday: the follow-up of Saturday is now overdue

        var work = await Calls.MyWorkAsync();

        Assert.Equal([due], work.FollowUpsDue.Select(f => f.ProspectId));
        Assert.Equal([later, due], work.RecentCalls.Select(c => c.ProspectId));
    }

    [Fact]
    public async Task DSR_OBJECT_a_suppressed_email_in_another_spelling_is_refused_on_create()
    {
        await SuppressAsync("jan.peeters@firma.be", "+3214853797");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => CreateProspectAsync(NewProspect() with { Email = "JAN.PEETERS@FIRMA.BE" }));

        Assert.Equal("Suppressed", refusal.Code);
        Assert.Equal(0, await Data.CountAsync<Prospect>());
        Assert.Empty(await Data.AuditAsync("Prospect.Created"));
    }

    [Theory]
    [MemberData(nameof(HostileText.InvisibleInEmail), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task DSR_OBJECT_a_suppressed_email_with_an_invisible_character_in_it_is_refused_on_create(string email)
    {
        await SuppressAsync("jan.peeters@firma.be", null);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => CreateProspectAsync(NewProspect() with { Email = email }));

        Assert.Equal("Suppressed", refusal.Code);
        Assert.Equal(0, await Data.CountAsync<Prospect>());
    }

    [Theory]
    [MemberData(nameof(HostileText.InvisibleInEmail), MemberType = typeof(HostileText), DisableDiscoveryEnumeration = true)]
    public async Task DSR_OBJECT_import_marks_a_row_whose_suppressed_email_hides_an_invisible_character(string email)
    {
        await SuppressAsync("jan.peeters@firma.be", null);
        var csv = $"FirstName;LastName;Company;Email;Source\nJan;Peeters;Kempen ICT;{email};LinkedIn\n";

        var preview = await Db.Get<ProspectImportService>().PreviewAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), new ImportBatch(AssessmentId, SalesData.Note));
        var summary = await Db.Get<ProspectImportService>().ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), new ImportBatch(AssessmentId, SalesData.Note));

        Assert.Equal(ImportRowStatus.Suppressed, Assert.Single(preview.Rows).Status);
        Assert.Equal(0, summary.Imported);
        Assert.Equal(0, await Data.CountAsync<Prospect>());
    }

    [Theory]
    [InlineData("014 85 37 97", null)]
    [InlineData(null, "014/85.37.97")]
    public async Task DSR_OBJECT_a_suppressed_phone_in_local_format_is_refused_on_create(string? phone, string? mobile)
    {
        await SuppressAsync("jan.peeters@firma.be", "+3214853797");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => CreateProspectAsync(NewProspect() with { Phone = phone, Mobile = mobile }));

        Assert.Equal("Suppressed", refusal.Code);
        Assert.Equal(0, await Data.CountAsync<Prospect>());
    }

    [Fact]
    public async Task DSR_OBJECT_an_existing_prospect_cannot_be_given_a_suppressed_email()
    {
        var id = await CreateProspectAsync();
        var before = await Prospects.GetAsync(id);
        await SuppressAsync("jan.peeters@firma.be", null);

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Prospects.UpdateAsync(id, before.Input with { Email = "Jan.Peeters@Firma.be" }, before.Version));

        Assert.Equal("Suppressed", refusal.Code);
        Assert.Equal(before.Input.Email, (await Prospects.GetAsync(id)).Input.Email);
    }

    [Fact]
    public async Task DSR_OBJECT_the_suppression_list_keeps_no_readable_contact_details()
    {
        await SuppressAsync("jan.peeters@firma.be", "+3214853797");
        await SuppressAsync("jan.peeters@firma.be", "+3214853797");

        await using var context = Db.CreateContext();
        var entries = await context.SuppressionEntries.AsNoTracking().ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(64, e.KeyedHash.Length);
            Assert.DoesNotContain("peeters", e.KeyedHash, StringComparison.Ordinal);
            Assert.DoesNotContain("3214853797", e.KeyedHash, StringComparison.Ordinal);
            Assert.Equal("REQ-1", e.RequestReference);
        });
    }

    [Fact]
    public async Task DSR_OBJECT_import_marks_a_suppressed_row_and_does_not_import_it()
    {
        await SuppressAsync("jan.peeters@firma.be", "+3214853797");
        const string Csv = """
            FirstName;LastName;Company;Email;Phone;Source
            Jan;Peeters;Kempen ICT;Jan.Peeters@Firma.BE;;LinkedIn
            Jan;Peeters;Kempen ICT;;014 85 37 97;LinkedIn
            Lien;Geerts;Kempen ICT;lien.geerts@kempen-ict.be;;LinkedIn
            """;
        var batch = new ImportBatch(AssessmentId, SalesData.Note);
        var import = Db.Get<ProspectImportService>();

        var preview = await import.PreviewAsync(ProspectImportTests.Stream(Csv), batch);
        var summary = await import.ImportAsync(ProspectImportTests.Stream(Csv), batch);

        Assert.Equal([ImportRowStatus.Suppressed, ImportRowStatus.Suppressed, ImportRowStatus.Valid], preview.Rows.Select(r => r.Status));
        Assert.Equal(1, summary.Imported);
        Assert.Equal(2, summary.Skipped);
        Assert.Equal(1, await Data.CountAsync<Prospect>());
    }

    private Task SuppressAsync(string? email, string? phone) => Db.SuppressAsync(email, phone, "REQ-1");
}

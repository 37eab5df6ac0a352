using Cisa.Crm.Tests.Core.Prospects;
namespace Cisa.Crm.Tests.Core.Data;

/// <summary>
/// What the bookkeeping interceptor and the change tracker do for every service: the times from the clock, a new
/// version per edit, nothing for a save that is no edit, and the changed fields' names for the audit.
/// </summary>
public sealed class BookkeepingTests : SalesTestBase
{
    private static readonly DateTime Created = new(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task An_edit_gets_the_clocks_time_and_a_new_version_and_keeps_its_creation_time()
    {
        var id = await CreateProspectAsync();
        var before = await Prospects.GetAsync(id);
        Db.Time.Advance(TimeSpan.FromHours(26));

        var version = await Prospects.UpdateAsync(id, before.Input with { JobTitle = "CIO" }, before.Version);

        var after = await Prospects.GetAsync(id);
        Assert.Equal(Created, before.CreatedAtUtc);
        Assert.Equal(Created, before.UpdatedAtUtc);
        Assert.Equal(Created, after.CreatedAtUtc);
        Assert.Equal(Created.AddHours(26), after.UpdatedAtUtc);
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(after.Version, version);
    }

    [Fact]
    public async Task Logging_a_call_is_no_edit_of_the_prospect_so_retention_and_an_open_form_are_untouched()
    {
        var id = await CreateProspectAsync();
        var before = await Prospects.GetAsync(id);
        Db.Time.Advance(TimeSpan.FromDays(3));

        await Calls.LogAsync(id, SalesData.Call());

        var after = await Prospects.GetAsync(id);
        Assert.NotNull(after.LastCallAtUtc);
        Assert.Equal(before.UpdatedAtUtc, after.UpdatedAtUtc);
        Assert.Equal(before.Version, after.Version);
        await Prospects.UpdateAsync(id, before.Input with { JobTitle = "CTO" }, before.Version);
    }

    [Fact]
    public async Task The_audit_names_the_changed_fields_in_the_records_order_without_search_keys_or_values()
    {
        var id = await CreateProspectAsync();
        var before = await Prospects.GetAsync(id);

        await Prospects.UpdateAsync(id, before.Input with { Email = "an.geerts@kempen-ict.be", LastName = "Geërts", JobTitle = "CIO" }, before.Version);

        var entry = Assert.Single(await Data.AuditAsync("Prospect.Updated"));
        Assert.Equal("fields=LastName,JobTitle,Email", entry.Details);
    }

    [Fact]
    public async Task An_unchanged_form_saves_nothing_keeps_the_version_and_is_not_audited()
    {
        var id = await CreateProspectAsync();
        var before = await Prospects.GetAsync(id);
        Db.Time.Advance(TimeSpan.FromHours(1));

        var version = await Prospects.UpdateAsync(id, before.Input, before.Version);

        var after = await Prospects.GetAsync(id);
        Assert.Equal(before.Version, version);
        Assert.Equal(before.UpdatedAtUtc, after.UpdatedAtUtc);
        Assert.Empty(await Data.AuditAsync("Prospect.Updated"));
    }
}

using Bunit;
using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Partners;
using Cisa.Crm.Tests.Core.Partners;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web.Components.Pages.Partners;
using Microsoft.Extensions.DependencyInjection;
using Cisa.Crm.Tests.Core.Prospects;

namespace Cisa.Crm.Tests.Components;

/// <summary>A contact's page and edit page against the real core on a real SQLite file, as Sofie (Sales).</summary>
public sealed class ContactPageTests : ComponentTestContext
{
    private TestDatabase _db = null!;
    private PartnerData _data = null!;
    private int _customerId;

    public override async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(seedDemoData: true);
        _db.Actor.Current = SalesPeople.Sofie;
        _data = new PartnerData(_db);
        _customerId = await _data.CustomerAsync();
        Services.AddSingleton(_db.Get<PartnerContactService>());
        Services.AddSingleton(_db.Get<CompanyService>());
        Services.AddSingleton(_db.Get<DisclosureService>());
        Services.AddSingleton<TimeProvider>(_db.Time);
        SignIn("demo-sales");
    }

    protected override async Task CleanupAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task LOG_ACTIONS_the_history_card_names_each_change_and_the_fields_it_changed_never_their_values()
    {
        var id = await _data.ContactAsync(_data.Contact(_customerId));
        var before = await _db.Get<PartnerContactService>().GetAsync(id);
        await _db.Get<PartnerContactService>().UpdateAsync(id, before.Input with { JobFunction = "Site manager", Emails = ["k.wouters@herentals-bouw.be"] }, before.Version);

        var page = Render<ContactPage>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#contact-history li").Count));
        var entries = page.FindAll("#contact-history li").Select(li => li.TextContent).ToList();
        Assert.Contains("Contact changed", entries[0], StringComparison.Ordinal);
        Assert.Contains("Changed: function, e-mail addresses", entries[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Site manager", entries[0], StringComparison.Ordinal);
        Assert.DoesNotContain("fields=", entries[0], StringComparison.Ordinal);
        Assert.Contains("Contact created", entries[1], StringComparison.Ordinal);
        Assert.DoesNotContain("company=", entries[1], StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#contact-history-empty"));
    }

    [Fact]
    public async Task A_contact_without_recorded_changes_says_so_instead_of_an_empty_history_card()
    {
        // The demo data's contacts, like those of an old import, have no entry of their own in the trail.
        int id;
        await using (var context = _db.CreateContext())
        {
            id = context.PartnerContacts.OrderBy(c => c.Id).Select(c => c.Id).First();
        }

        var page = Render<ContactPage>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#contact-history-empty")));
        Assert.Matches(@"^Added on \d\d/\d\d/\d{4}; nothing has been changed or shared since\.", page.Find("#contact-history-empty").TextContent.Trim());
        Assert.Empty(page.FindAll("#contact-history li"));
    }

    [Fact]
    public async Task DSR_RESTRICT_a_restricted_contacts_edit_page_shows_the_banner_and_the_details_read_only_with_no_form()
    {
        var id = await _data.ContactAsync(_data.Contact(_customerId));
        await _data.RestrictAsync(id);

        var page = Render<ContactEdit>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#restricted-banner")));
        Assert.Contains("restricted at their request", page.Find("#restricted-banner").TextContent, StringComparison.Ordinal);
        Assert.Contains("Herentals Bouw", page.Find("#contact-facts").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("input"));
        Assert.Empty(page.FindAll("#save-contact"));
        Assert.Equal($"/contacts/{id}", page.Find("#back-to-contact").GetAttribute("href"));
    }

    [Fact]
    public async Task An_unrestricted_contacts_edit_page_is_the_form()
    {
        var id = await _data.ContactAsync(_data.Contact(_customerId));

        var page = Render<ContactEdit>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#save-contact")));
        Assert.Empty(page.FindAll("#restricted-banner"));
        Assert.Equal("Facility manager", page.Find("#job-function").GetAttribute("value"));
    }
}

using Bunit;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.People;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support;
using Cisa.Crm.Web;
using Cisa.Crm.Web.Components.Layout;
using Cisa.Crm.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Cisa.Crm.Tests.Components;

public sealed class LayoutTests : ComponentTestContext
{
    private TestDatabase _db = null!;

    public override async Task InitializeAsync()
    {
        // The app bar's person search needs the core; a real (empty) database, so nothing is faked.
        _db = await TestDatabase.CreateAsync();
        Services.AddSingleton(_db.Get<PersonSearchService>());
    }

    protected override async Task CleanupAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("demo-sales", true)]
    [InlineData("demo-hr", true)]
    [InlineData("demo-privacy", true)]
    [InlineData("demo-norole", false)]
    public void The_person_search_is_offered_only_to_users_who_may_see_people(string demoUserId, bool offered)
    {
        SignIn(demoUserId);

        var box = Render<PersonSearchBox>();

        Assert.Equal(offered ? 1 : 0, box.FindAll("[role='search'] input#person-search").Count);
    }

    [Theory]
    [InlineData("demo-sales", "Sofie Verhaegen", "Sales")]
    [InlineData("demo-hr", "Jonas Wouters", "HR")]
    [InlineData("demo-privacy", "Annelies Claes", "Privacy officer")]
    [InlineData("demo-norole", "Pieter Janssens", "No role")]
    public void The_app_bar_shows_the_signed_in_user_and_role(string demoUserId, string name, string role)
    {
        SignIn(demoUserId);

        var badge = Render<UserBadge>();

        Assert.Equal(name, badge.Find("#user-name").TextContent);
        Assert.Equal(role, badge.Find("#user-role").TextContent);
    }

    [Fact]
    public void Sign_out_is_a_post_to_the_logout_endpoint()
    {
        SignIn("demo-hr");
        var bar = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<UserBadge>(1);
            builder.CloseComponent();
        });

        // Sign-out sits in the user menu, so it takes no room in the app bar on a phone.
        bar.Find("#user-menu").Click();
        var form = bar.Find("form");

        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/authentication/logout", form.GetAttribute("action"));
    }

    [Fact]
    public void The_layout_holds_menu_user_language_switch_and_the_page()
    {
        SignIn("demo-privacy");

        var layout = Render<MainLayout>(parameters => parameters
            .Add(l => l.Body, (RenderFragment)(builder => builder.AddMarkupContent(0, "<p id='page-body'>content</p>"))));

        Assert.NotNull(layout.Find("#page-body"));
        Assert.NotNull(layout.Find("a[href='/audit']"));
        Assert.Equal("Annelies Claes", layout.Find("#user-name").TextContent);
        Assert.Equal("true", layout.Find("#language-en").GetAttribute("aria-pressed"));
        Assert.Equal("false", layout.Find("#language-nl").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void A_core_refusal_is_shown_as_a_sentence_in_the_users_language()
    {
        var messages = Services.GetRequiredService<ErrorMessages>();

        var english = messages.For(new PermissionDeniedException(Permission.AuditVerify));
        UseCulture("nl-BE");
        var dutch = messages.For(new PermissionDeniedException(Permission.AuditVerify));
        var unexpected = messages.For(new InvalidOperationException("secret internals"));

        Assert.Equal("You are not allowed to do this: it requires the right to verify the audit trail.", english);
        Assert.Equal("Je mag dit niet doen: hiervoor heb je het recht nodig om de audittrail te controleren.", dutch);
        Assert.DoesNotContain("secret", unexpected, StringComparison.Ordinal);
    }
}

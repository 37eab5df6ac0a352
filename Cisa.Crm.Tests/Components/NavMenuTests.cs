using Bunit;
using Cisa.Crm.Web.Components.Layout;

namespace Cisa.Crm.Tests.Components;

public sealed class NavMenuTests : ComponentTestContext
{
    [Theory]
    [InlineData("demo-sales", false)]
    [InlineData("demo-hr", false)]
    [InlineData("demo-privacy", true)]
    [InlineData("demo-norole", false)]
    public void The_menu_shows_the_audit_trail_and_retention_only_to_the_privacy_officer(string demoUserId, bool seesAudit)
    {
        SignIn(demoUserId);

        var menu = Render<NavMenu>();

        Assert.Single(menu.FindAll("a[href='/']"));
        Assert.Equal(seesAudit ? 1 : 0, menu.FindAll("a[href='/audit']").Count);
        Assert.Equal(seesAudit ? 1 : 0, menu.FindAll("a[href='/privacy/retention']").Count);
    }

    [Fact]
    public void The_menu_speaks_dutch_when_the_user_chose_dutch()
    {
        UseCulture("nl-BE");
        SignIn("demo-privacy");

        var menu = Render<NavMenu>();

        Assert.Contains("Audittrail", menu.Find("a[href='/audit']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Start", menu.Find("a[href='/']").TextContent, StringComparison.Ordinal);
    }
}

using Bunit;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace Cisa.Crm.Tests.Components;

public sealed class ErrorBoundaryTests : ComponentTestContext
{
    [Fact]
    public void A_core_refusal_inside_a_page_becomes_a_friendly_message_not_a_crash()
    {
        SignIn("demo-sales");

        var boundary = Render<CrmErrorBoundary>(parameters => parameters
            .AddChildContent<Refuses>());

        var alert = boundary.Find("#page-error");
        Assert.Equal("You are not allowed to do this: it requires the right to view the audit trail.", alert.TextContent.Trim());
        Assert.DoesNotContain("Exception", boundary.Markup, StringComparison.Ordinal);
    }

    private sealed class Refuses : ComponentBase
    {
        protected override void OnInitialized() => throw new PermissionDeniedException(Permission.AuditRead);
    }
}

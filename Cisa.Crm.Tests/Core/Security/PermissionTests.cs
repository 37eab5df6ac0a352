using Cisa.Crm.Core.Companies;
using Cisa.Crm.Core.Errors;
using Cisa.Crm.Core.Security;
using Cisa.Crm.Tests.Support;

namespace Cisa.Crm.Tests.Core.Security;

public sealed class PermissionTests
{
    [Fact]
    public void A_user_without_a_role_is_denied_every_permission()
    {
        var nobody = SettableActor.WithRole(null);
        Assert.All(Enum.GetValues<Permission>(), permission => Assert.False(nobody.Has(permission)));
    }

    [Fact]
    public void An_unknown_role_grants_nothing()
    {
        var stranger = new CrmActor("x", "X", ["Administrator", "sales"]);
        Assert.All(Enum.GetValues<Permission>(), permission => Assert.False(stranger.Has(permission)));
    }

    [Fact]
    public void The_anonymous_actor_is_denied_every_permission()
    {
        Assert.False(CrmActor.Anonymous.IsAuthenticated);
        Assert.All(Enum.GetValues<Permission>(), permission => Assert.False(CrmActor.Anonymous.Has(permission)));
    }

    [Fact]
    public void The_system_actor_may_do_everything()
    {
        Assert.All(Enum.GetValues<Permission>(), permission => Assert.True(CrmActor.System.Has(permission)));
    }

    [Theory]
    [InlineData(CrmRoles.Sales, Permission.CompaniesRead, true)]
    [InlineData(CrmRoles.Sales, Permission.AuditRead, false)]
    [InlineData(CrmRoles.HR, Permission.CompaniesRead, false)]
    [InlineData(CrmRoles.HR, Permission.RecruitmentAgenciesRead, true)]
    [InlineData(CrmRoles.HR, Permission.ProspectsRead, false)]
    [InlineData(CrmRoles.PrivacyAdmin, Permission.ProspectsRead, true)]
    [InlineData(CrmRoles.PrivacyAdmin, Permission.ProspectsWrite, false)]
    [InlineData(CrmRoles.PrivacyAdmin, Permission.AssessmentsManage, true)]
    [InlineData(CrmRoles.Sales, Permission.AssessmentsManage, false)]
    [InlineData(CrmRoles.HR, Permission.AuditRead, false)]
    [InlineData(CrmRoles.PrivacyAdmin, Permission.AuditRead, true)]
    [InlineData(CrmRoles.PrivacyAdmin, Permission.AuditVerify, true)]
    public void The_role_map_grants_exactly_what_it_lists(string role, Permission permission, bool granted)
    {
        Assert.Equal(granted, SettableActor.WithRole(role).Has(permission));
        Assert.Equal(granted, RolePermissions.For(role).Contains(permission));
    }

    [Fact]
    public void Demand_throws_a_refusal_that_names_the_permission()
    {
        var refusal = Assert.Throws<PermissionDeniedException>(() => SettableActor.WithRole(CrmRoles.Sales).Demand(Permission.AuditVerify));
        Assert.Equal("PermissionDenied", refusal.Code);
        Assert.Equal(Permission.AuditVerify, refusal.Permission);
    }

    [Fact]
    public async Task A_core_service_checks_the_callers_permission_before_touching_data()
    {
        await using var db = await TestDatabase.CreateAsync(seedDemoData: true);
        var directory = db.Get<CompanyService>();

        db.Actor.Current = SettableActor.WithRole(null);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => directory.CountByTypeAsync());

        db.Actor.Current = SettableActor.WithRole(CrmRoles.Sales);
        var counts = await directory.CountByTypeAsync();
        Assert.True(counts[CompanyType.Prospect] > 0);
    }
}

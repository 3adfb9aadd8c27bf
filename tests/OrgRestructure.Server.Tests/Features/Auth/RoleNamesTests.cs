using OrgRestructure.Hosting.SharedState;
using OrgRestructure.Server.Features.Auth;

namespace OrgRestructure.Server.Tests.Features.Auth;

public sealed class RoleNamesTests
{
    [Fact]
    public void the_roles_an_account_may_hold_in_the_store_are_exactly_the_servers_roles()
    {
        Assert.Equal(Roles.All.Select(r => r.ToString()), AccountRoleNames.All);
        Assert.All(Roles.All, r => Assert.Equal(Roles.IsProvinceWide(r), AccountRoleNames.IsProvinceWide(r.ToString())));
    }
}

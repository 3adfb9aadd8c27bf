using OrgRestructure.Server.Tests.Features.Auth;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Accounts;

/// <summary>A server of its own per test (accounts change) and its administrator signed in through the API.</summary>
public abstract class AdministratorSession : IAsyncLifetime
{
    protected ServerHost Host { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await ServerHost.StartAsync();
        Admin = await AuthClient.SignedInAsync(Host, "admin");
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Host.DisposeAsync();
    }
}

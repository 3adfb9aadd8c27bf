using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;

namespace OrgRestructure.Server.Tests.Cluster;

/// <summary>A cluster of its own, since its tests kill nodes (each test one of those still running).</summary>
public sealed class FailoverClusterFixture : ClusterFixture;

[Collection(nameof(ClusterFailoverTests))]
public sealed partial class ClusterFailoverTests(FailoverClusterFixture fixture, ITestOutputHelper output) : IClassFixture<FailoverClusterFixture>
{
    [Fact]
    public async Task a_node_killed_with_sigkill_leaves_the_others_serving_every_request()
    {
        using var client = await fixture.ClientAsync("duyxuyen.bantochuc");
        var victim = fixture.Cluster.Running[^1];
        fixture.Cluster.Kill(victim);

        // Requests keep coming the moment it dies: HAProxy retries a refused connection on another
        // node, and its health check soon stops sending anything to the dead one.
        var answeredBy = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            using var response = i % 2 == 0
                ? await client.GetAsync("/api/tasks")
                : await client.PostAsync("/api/notifications/read-all", null);
            Assert.True(response.IsSuccessStatusCode, $"request {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            answeredBy.Add(ClusterFixture.NodeOf(response));
        }

        Assert.DoesNotContain(victim, answeredBy);
        Assert.Equal(fixture.Cluster.Running, answeredBy.Distinct().Order());

        // A sign-in after the death works too: accounts and keys were never the dead node's alone.
        using var anonymous = fixture.Anonymous();
        var signIn = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "duyxuyen.ubkt", password = Infrastructure.ServerHost.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }
}

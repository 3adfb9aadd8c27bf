using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Cluster;

public sealed partial class ClusterTests
{
    /// <summary>
    /// Duy Xuyên's whole case — every committee through every step, with a vetting rejection and its
    /// correction — by its people each signed in once, every request through HAProxy: consecutive
    /// requests land on different nodes, and the case ends complete with its chain intact.
    /// </summary>
    [Fact]
    public async Task the_whole_district_journey_completes_with_every_request_on_another_node_than_the_one_before()
    {
        var served = new ConcurrentQueue<string>();
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        try
        {
            async Task<HttpClient> ClientFor(string step)
            {
                var actor = Scenario.ActorFor(step);
                if (!clients.TryGetValue(actor, out var client))
                {
                    client = new HttpClient(new ServedByRecorder(served) { InnerHandler = new HttpClientHandler { UseCookies = false } }) { BaseAddress = fixture.Cluster.BaseAddress };
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await fixture.SignInAsync(actor)).Token);
                    clients[actor] = client;
                }

                return client;
            }

            using var province = await fixture.ClientAsync("tinh.bantochuc");
            var caseId = (await province.GetFromJsonAsync<JsonArray>($"/api/cases?district={Uri.EscapeDataString(Scenario.District)}"))!.Single()!["caseId"]!.GetValue<string>();

            await Scenario.RunWholeCaseAsync(ClientFor, caseId);

            var state = await province.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}");
            using var auditor = await fixture.ClientAsync("auditor");
            var verdict = await auditor.GetFromJsonAsync<JsonObject>($"/api/audit/{caseId}/verify");
            var nodes = served.ToList();
            Assert.Equal("Completed", state!["status"]!.GetValue<string>());
            Assert.True(verdict!["intact"]!.GetValue<bool>(), verdict.ToJsonString());
            Assert.All(nodes.Zip(nodes.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
            Assert.Equal(fixture.Cluster.NodeNames.Order(), nodes.Distinct().Order());
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Keeps, in order, the node that answered each request.</summary>
    private sealed class ServedByRecorder(ConcurrentQueue<string> served) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            served.Enqueue(ClusterFixture.NodeOf(response));
            return response;
        }
    }
}

using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Runtime;

/// <summary>
/// Random cases where random candidates fail random steps (members' vote, bloc vote, vetting) over
/// one to three rounds, then random decisions (failed people, strangers, overrides or none) until
/// one is accepted. The test keeps its own record of who failed what (latest result per step) from
/// the forms it submitted; the property: no recorded decision appoints a failed candidate without
/// an override event for that candidate, and under the default policy there is no override at all.
/// </summary>
public sealed class FailedCandidatePropertyTests
{
    private static readonly string[] Pool = ["An", "Bình", "Cường", "Dũng", "Hoa", "Lan", "Minh", "Nam"];

    [Fact]
    public async Task no_decision_ever_appoints_a_failed_candidate_without_an_override_event()
    {
        var refusedFailed = 0;
        var overridden = 0;
        var decided = 0;
        for (var seed = 1; seed <= 40; seed++)
        {
            var random = new Random(seed * 104729);
            var overridePolicy = random.Next(2) == 0;
            var c = await FormationCase.StartAsync(parameters: overridePolicy ? new JsonObject { ["failedCandidatePolicy"] = "override-with-reason" } : null);
            var failed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            void Record(string name, string step, bool fails)
            {
                if (!failed.TryGetValue(name, out var steps))
                {
                    failed[name] = steps = [];
                }

                if (fails)
                {
                    steps.Add(step);
                }
                else
                {
                    steps.Remove(step);
                }
            }

            var vetted = await RunRoundsAsync(c, random, Record);
            var everyone = failed.Keys.Concat(Pool.Take(2)).Distinct().ToList();
            for (var attempt = 0; attempt < 12 && vetted is not null; attempt++)
            {
                var pick = vetted.Concat(everyone.Where(_ => random.Next(3) == 0)).Distinct().OrderBy(_ => random.Next()).Take(random.Next(1, vetted.Count + 1)).ToList();
                var data = FormData.Decision($"{seed}-{attempt}-QĐ/HU", pick);
                var overrides = pick.Where(_ => overridePolicy && random.Next(3) > 0).Select(n => (JsonNode?)new JsonObject { ["candidate"] = n, ["decidedBy"] = "Ban Thường vụ", ["reason"] = "Cân nhắc cơ cấu" }).ToArray();
                if (overrides.Length > 0)
                {
                    data["overrides"] = new JsonArray(overrides);
                }

                try
                {
                    await c.CompleteAsync("decision", data);
                    decided++;
                    break;
                }
                catch (WorkflowRuleViolation ex)
                {
                    refusedFailed += ex.Code == "failed-candidate-appointed" ? 1 : 0;
                }
            }

            var events = (await c.Harness.Store.ReadStreamAsync(c.CaseId)).Select(e => EventTypeRegistry.Deserialize(e.Type, e.Data)).ToList();
            var overrideEvents = events.OfType<CandidateOverrideRecorded>().ToList();
            overridden += overrideEvents.Count;
            Assert.True(overridePolicy || overrideEvents.Count == 0, $"seed {seed}: an override was recorded under the refuse policy");
            foreach (var decision in events.OfType<DecisionRecorded>())
            {
                foreach (var a in decision.Appointees.Where(a => failed.GetValueOrDefault(a.Name)?.Count > 0))
                {
                    Assert.True(
                        overrideEvents.Any(o => o.Candidate == a.Name && o.BranchId == decision.BranchId),
                        $"seed {seed}: {a.Name} failed {string.Join(", ", failed[a.Name])} and was appointed without an override");
                }
            }
        }

        // The property is only worth something if both sides of it happened.
        Assert.True(refusedFailed > 0 && overridden > 0 && decided > 0, $"{refusedFailed} refusals of failed candidates, {overridden} overrides, {decided} decisions");
    }

    /// <summary>Slate, both votes and vetting, with random failures, until vetting passes everyone (at most three rounds); the vetted names, or null.</summary>
    private static async Task<List<string>?> RunRoundsAsync(FormationCase c, Random random, Action<string, string, bool> record)
    {
        for (var round = 0; round < 3; round++)
        {
            var slate = Pool.OrderBy(_ => random.Next()).Take(random.Next(3, 7)).ToList();
            await c.CompleteAsync("slate", FormData.Slate(slate));
            await c.CompleteAsync("members-vote", Vote(FormData.Vote(slate, 45, 40, 31), slate, random, "members-vote", record, (10, 30)));
            await c.CompleteAsync("bloc-vote", Vote(FormData.BlocVote(slate, 20, 18, 15), slate, random, "bloc-vote", record, (5, 13)));
            var rejected = slate.Where(_ => random.Next(5) == 0).ToArray();
            foreach (var name in slate)
            {
                record(name, "vetting", rejected.Contains(name));
            }

            var state = await c.CompleteAsync("vetting", FormData.Vetting(slate, rejected));
            if (rejected.Length == 0)
            {
                return state.Branches[c.BranchId].Outputs["vetting"]!["approved"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            }
        }

        return null;
    }

    private static JsonObject Vote(JsonObject data, List<string> slate, Random random, string step, Action<string, string, bool> record, (int High, int Low) failing)
    {
        var tallies = data["tallies"]!.AsArray();
        for (var i = 0; i < slate.Count; i++)
        {
            var fails = random.Next(4) == 0;
            record(slate[i], step, fails);
            if (fails)
            {
                tallies[i] = FormData.Tally(slate[i], failing.High, 0, failing.Low, 0);
            }
        }

        return data;
    }
}

using System.Text.Json.Nodes;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Runtime;

/// <summary>
/// Random sequences of valid and invalid actions on random formation cases (own generator,
/// System.Random with fixed seeds so a failure names its seed and reproduces).
/// </summary>
public sealed class ReplayPropertyTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 12).Select(i => i * 7919));

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task replaying_the_stored_events_gives_the_live_state_and_rejected_actions_append_nothing(int seed)
    {
        var random = new Random(seed);
        var harness = new EngineHarness();
        var committees = Enumerable.Range(0, random.Next(1, 4))
            .Select(i => FormData.Committee($"c{i}", $"Đảng bộ {i}", random.Next(26, 60))).ToArray();
        var started = await harness.Engine.StartCaseAsync("party-committee-formation", FormData.FormationInput(committees), EngineHarness.StandingCommittee);
        var caseId = started.CaseId;
        await AssertReplayEqualsAsync(harness, started.State, seed, "start");
        var accepted = 0;
        var refused = 0;

        for (var step = 0; step < 60; step++)
        {
            harness.Clock.Advance(TimeSpan.FromHours(random.Next(1, 30)));
            var before = await harness.Store.GetStreamVersionAsync(caseId);
            var (name, action) = PickAction(random, harness, caseId, await harness.Engine.GetCaseAsync(caseId));
            try
            {
                var result = await action();
                accepted++;
                await AssertReplayEqualsAsync(harness, result.State, seed, $"#{step} {name}");
                Assert.Equal(await harness.Store.GetStreamVersionAsync(caseId), result.Version);
            }
            catch (Exception ex) when (ex is WorkflowException or ConcurrencyException)
            {
                refused++;
                Assert.True(before == await harness.Store.GetStreamVersionAsync(caseId), $"seed {seed} #{step} {name}: refused ({ex.Message}) but appended");
            }
        }

        Assert.True(accepted > 0 && refused > 0, $"seed {seed}: {accepted} accepted, {refused} refused");
    }

    private static async Task AssertReplayEqualsAsync(EngineHarness harness, CaseState live, int seed, string what)
    {
        var replayed = await harness.ReplayAsync(live.CaseId);
        Assert.True(EngineHarness.Snapshot(live) == EngineHarness.Snapshot(replayed), $"seed {seed} {what}: live state differs from replay");
    }

    private static (string Name, Func<Task<CaseCommandResult>> Action) PickAction(Random random, EngineHarness harness, string caseId, CaseState state)
    {
        var engine = harness.Engine;
        var open = state.OpenTasks.ToList();
        var task = open.Count > 0 ? open[random.Next(open.Count)] : null;
        var owner = task is null ? EngineHarness.StandingCommittee : new Actor("clerk-" + random.Next(2), task.AssigneeRole);
        var roll = random.Next(100);
        return roll switch
        {
            < 50 when task is not null => ($"complete {task.StepId}", () => engine.CompleteTaskAsync(caseId, task.Id, ValidData(random, task), owner)),
            < 65 when task is not null => ($"corrupt {task.StepId}", () => engine.CompleteTaskAsync(caseId, task.Id, Corrupt(random, ValidData(random, task)), owner)),
            < 70 when task is not null => ($"wrong role {task.StepId}", () => engine.CompleteTaskAsync(caseId, task.Id, ValidData(random, task), new Actor("x", "party-member"))),
            < 76 when task is not null => ("claim", () => engine.ClaimTaskAsync(caseId, task.Id, owner)),
            < 80 when task is not null => ("release", () => engine.ReleaseTaskAsync(caseId, task.Id, owner)),
            < 83 when task is not null => ("reassign", () => engine.ReassignTaskAsync(caseId, task.Id, "clerk-9", null, random.Next(3) == 0 ? string.Empty : "vắng", owner)),
            < 86 => ("suspend", () => engine.SuspendAsync(caseId, "tạm dừng", owner)),
            < 90 => ("resume", () => engine.ResumeAsync(caseId, owner)),
            < 95 => ("timers", () => engine.FireDueTimersAsync(caseId, harness.Clock.Now.AddDays(random.Next(0, 30)))),
            < 97 => ("unknown task", () => engine.CompleteTaskAsync(caseId, "task-999", [], owner)),
            < 98 => ("stale version", () => engine.ClaimTaskAsync(caseId, task?.Id ?? "task-001", owner, new CommandOptions(ExpectedVersion: state.Version - 1))),
            < 99 => ("cancel", () => engine.CancelCaseAsync(caseId, "hủy", owner)),
            _ => ("resume", () => engine.ResumeAsync(caseId, owner)),
        };
    }

    private static JsonObject ValidData(Random random, WorkTask task)
    {
        var candidates = task.Context["candidates"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
        string[] pool = ["An", "Bình", "Cường", "Dũng", "Hoa", "Lan", "Minh", "Nam"];
        switch (task.Kind)
        {
            case "ConfidenceVote":
                var summoned = random.Next(6, 40);
                var present = Math.Max(0, (int)Math.Ceiling(summoned * 2 / 3.0) - 1 + random.Next(0, summoned / 3 + 1));
                present = Math.Min(present, summoned);
                var nominated = task.Form.Any(f => f.Name == "nominations") && random.Next(3) == 0 ? new[] { "Người Mới" } : [];
                var all = candidates.Concat(nominated).ToList();
                var tallies = all.Select(c => (c, High: random.Next(0, present + 1))).ToList();
                var data = new JsonObject
                {
                    ["conferenceDate"] = FormData.ConferenceDate,
                    ["summoned"] = summoned,
                    ["present"] = present,
                    ["ballotsIssued"] = present,
                    ["ballotsReturned"] = present,
                    ["tallies"] = new JsonArray(tallies.Select(t => (JsonNode?)FormData.Tally(t.c, t.High, 0, present - t.High, 0)).ToArray()),
                    ["headDecisions"] = new JsonArray(tallies.Where(t => t.High * 2 == summoned).Select(t => (JsonNode?)new JsonObject { ["candidate"] = t.c, ["passed"] = random.Next(2) == 0, ["decidedBy"] = "Bí thư", ["reason"] = "cơ cấu" }).ToArray()),
                };
                if (nominated.Length > 0)
                {
                    data["nominations"] = new JsonArray(nominated.Select(n => (JsonNode?)n).ToArray());
                }

                return data;
            case "Approval":
                return FormData.Vetting(candidates, candidates.Where(_ => random.Next(6) == 0).ToArray());
            case "Decision":
                var vetted = task.Context["vetted"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
                return FormData.Decision($"{random.Next(1, 500)}-QĐ/HU", vetted);
            case "Announcement":
                return FormData.Announcement(task.Context["decisions"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray());
            case "Election":
                var names = pool.OrderBy(_ => random.Next()).Take(random.Next(3, 5)).ToList();
                var votes = names.Select(n => (n, random.Next(0, 6))).ToList();
                return FormData.Election(3, 5, 5, votes, votes.MaxBy(v => v.Item2).n);
            default:
                return task.StepId switch
                {
                    "slate" => FormData.Slate(pool.OrderBy(_ => random.Next()).Take(random.Next(3, 6)).ToList()),
                    "record-exception" => new JsonObject { ["consentDocument"] = "1-CV/TU", ["reason"] = "đặc thù" },
                    _ => FormData.FirstMeeting(),
                };
        }
    }

    private static JsonObject Corrupt(Random random, JsonObject data)
    {
        var keys = data.Select(p => p.Key).ToList();
        switch (random.Next(3))
        {
            case 0 when keys.Count > 0:
                data.Remove(keys[random.Next(keys.Count)]);
                break;
            case 1:
                data["unexpected"] = 1;
                break;
            default:
                if (data["tallies"] is JsonArray { Count: > 0 } tallies)
                {
                    tallies[0]!["high"] = tallies[0]!["high"]!.GetValue<int>() + 1;
                }
                else if (data["appointees"] is JsonArray appointees)
                {
                    appointees.Add(new JsonObject { ["name"] = "Người Lạ", ["position"] = "executive-committee" });
                }
                else
                {
                    data["unexpected"] = true;
                }

                break;
        }

        return data;
    }
}

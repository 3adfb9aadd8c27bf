using System.Text.Json;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Messaging.Tests.Support;

/// <summary>
/// A real party-committee-formation case (one new committee) driven through the engine's public
/// API, step by step, with the people of each role registered in a participant directory. It
/// knows, from the stored events and independently of the notification code, who must hear of
/// what: a task's role members (within its scope), a notification's role members, the bloc's
/// cell leaders when the bloc vote starts, the appointees when the decision starts and the province
/// board when the committee is formed (its branch completes).
/// </summary>
internal sealed class SevenStepCase
{
    public const string Committee = "dx-government";

    /// <summary>The groups the formation definition's step notices name for the bloc vote and the decision.</summary>
    public const string BlocCellLeaders = "bloc-cell-leader";
    public const string Appointees = "appointee";

    /// <summary>The shipped definitions: the engine's, and the relay's for numbering and naming the steps.</summary>
    public static readonly Lazy<WorkflowDefinitionRegistry> Definitions = new(() => WorkflowDefinitionRegistry.LoadFromDirectory(RepositoryPaths.WorkflowsDirectory));
    private static readonly Actor StandingCommittee = new("bt-huyen", "district-standing-committee");
    private static readonly Actor OrganizationBoard = new("btc-huyen", "district-organization-board");
    private static readonly Actor InspectionCommittee = new("ubkt-huyen", "district-inspection-committee");
    private static readonly Actor NewCommittee = new("bch-moi", "new-executive-committee");
    public static readonly string[] Slate = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"];

    private readonly IEventStore _store;
    private readonly WorkflowEngine _engine;
    private readonly string _prefix = "u" + Guid.NewGuid().ToString("N")[..6] + "-";
    private readonly List<(string Recipient, Guid EventId)> _expected = [];
    private readonly Dictionary<string, string[]> _roles;
    private long _seenVersion;
    private int _nextStep = 1;

    public SevenStepCase(IEventStore store, InMemoryParticipantDirectory directory, TimeProvider? clock = null)
    {
        _store = store;
        _engine = new WorkflowEngine(store, Definitions.Value, clock);
        string[] members = ["m1", "m2", "m3", "m4", "m5", "m6"];
        string[] appointees = ["a1", "a2", "a3"];
        _roles = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["district-standing-committee"] = ["sc1", "sc2"],
            ["district-organization-board"] = ["ob1"],
            ["district-inspection-committee"] = ["ik1", "ik2"],
            ["province-organization-board"] = ["pv1"],
            ["party-member"] = [.. members, .. appointees],
            ["new-executive-committee"] = appointees,
            [BlocCellLeaders] = ["cl1", "cl2", "cl3"],
            [Appointees] = appointees,
        };
        foreach (var (role, ids) in _roles)
        {
            directory.SetGroup(role, ids.Select(Person));
        }

        foreach (var id in _roles.Values.SelectMany(x => x).Distinct())
        {
            // One appointee prefers English; everyone else reads Vietnamese.
            directory.Add(new Participant(Person(id), $"Đồng chí {id.ToUpperInvariant()}", $"{Person(id)}@example.test", id == "a2" ? "en" : "vi"));
        }
    }

    public string CaseId { get; private set; } = string.Empty;

    public IWorkflowEngine Engine => _engine;

    public string StreamId => CaseId;

    public bool Finished => _nextStep > 7;

    /// <summary>(recipient, stored event id) of every notification the case's events so far call for.</summary>
    public IReadOnlyList<(string Recipient, Guid EventId)> Expected => _expected;

    public string Person(string id) => _prefix + id;

    public async Task LaunchAsync()
    {
        var input = FormData.FormationInput(FormData.Committee(Committee, "Đảng bộ Khối Chính quyền huyện Duy Xuyên", 45));
        var started = await _engine.StartCaseAsync("party-committee-formation", input, StandingCommittee);
        CaseId = started.CaseId;
        await ExpectNewEventsAsync();
    }

    /// <summary>Completes the next of the seven steps (step 7 includes the new committee's first meeting).</summary>
    public async Task RunNextStepAsync()
    {
        var step = _nextStep++;
        switch (step)
        {
            case 1: await CompleteAsync("slate", FormData.Slate(Slate), StandingCommittee); break;
            case 2: await CompleteAsync("members-vote", FormData.Vote(Slate, 45, 40, 31), OrganizationBoard); break;
            case 3: await CompleteAsync("bloc-vote", FormData.BlocVote(Slate, 20, 18, 15), OrganizationBoard); break;
            case 4: await CompleteAsync("vetting", FormData.Vetting(Slate), InspectionCommittee); break;
            case 5: await CompleteAsync("decision", FormData.Decision("125-QĐ/HU", Slate), StandingCommittee); break;
            case 6: await CompleteAsync("announcement", FormData.Announcement("125-QĐ/HU"), OrganizationBoard); break;
            default:
                await CompleteAsync("inspection-election", FormData.Election(3, Slate.Length, Slate.Length, Slate.Select(n => (n, Slate.Length)), Slate[0]), NewCommittee);
                await CompleteAsync("first-meeting", FormData.FirstMeeting(), NewCommittee);
                break;
        }
    }

    /// <summary>At step 4, the inspection committee rejects <paramref name="candidate"/>: the slate goes back to step 1.</summary>
    public Task RejectAtVettingAsync(string candidate) =>
        CompleteAsync("vetting", FormData.Vetting(Slate, candidate), InspectionCommittee);

    public async Task RunToEndAsync()
    {
        await LaunchAsync();
        while (!Finished)
        {
            await RunNextStepAsync();
        }
    }

    private async Task CompleteAsync(string stepId, System.Text.Json.Nodes.JsonObject data, Actor actor)
    {
        var state = await _engine.GetCaseAsync(CaseId);
        var task = state.OpenTasks.Single(t => t.StepId == stepId);
        await _engine.CompleteTaskAsync(CaseId, task.Id, data, actor);
        await ExpectNewEventsAsync();
    }

    private async Task ExpectNewEventsAsync()
    {
        foreach (var e in await _store.ReadStreamAsync(CaseId, new StreamRange(_seenVersion + 1)))
        {
            _seenVersion = e.StreamVersion;
            using var json = JsonDocument.Parse(e.Data);
            var data = json.RootElement;
            var roles = e.Type switch
            {
                "task-created" => [data.GetProperty("assigneeRole").GetString()!, .. data.GetProperty("candidateGroups").EnumerateArray().Select(x => x.GetString()!)],
                "notification-requested" => data.GetProperty("recipientRoles").EnumerateArray().Select(x => x.GetString()!).ToArray(),
                "step-started" when data.GetProperty("stepId").GetString() == "bloc-vote" => [BlocCellLeaders],
                "step-started" when data.GetProperty("stepId").GetString() == "decision" => [Appointees],
                // The committee formed: the province board reads the district's progress.
                "branch-completed" => ["province-organization-board"],
                _ => Array.Empty<string>(),
            };
            _expected.AddRange(roles.SelectMany(r => _roles.GetValueOrDefault(r, [])).Distinct().Select(p => (Person(p), e.EventId)));
        }
    }
}

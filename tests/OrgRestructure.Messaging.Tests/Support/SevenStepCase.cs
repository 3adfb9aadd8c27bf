using System.Text.Json;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Messaging.Notifications;

namespace OrgRestructure.Messaging.Tests.Support;

/// <summary>
/// A seven-step formation case written to the log the way the engine writes it (its stored event
/// types and fields), with the people it concerns registered in a participant directory. It
/// knows, independently of the notification code, who must hear of each event.
/// </summary>
internal sealed class SevenStepCase
{
    private static readonly (int Step, string StepId, string Audience, string? Assignee, string? Group)[] Steps =
    [
        (1, "define-criteria", "standing-committee", "ob1", null),
        (2, "members-confidence-vote", "future-committee-members", "ob1", null),
        (3, "bloc-confidence-vote", "bloc-cell-leaders", "ob1", null),
        (4, "vetting", "vetting", null, "ubkt"),
        (5, "standing-committee-decision", "appointees", "sc1", null),
        (6, "announcement", "all-members", "ob1", null),
        (7, "inspection-committee-election", "new-executive-committee", "a1", null),
    ];

    private readonly IEventStore _store;
    private readonly Guid _correlation = Guid.NewGuid();
    private readonly List<(string Recipient, Guid EventId)> _expected = [];
    private readonly Dictionary<string, string[]> _groups;
    private int _nextStep = 1;

    public SevenStepCase(IEventStore store, InMemoryParticipantDirectory directory, string district = "Duy Xuyên")
    {
        _store = store;
        District = district;
        CaseId = "hs-" + Guid.NewGuid().ToString("N")[..8];
        string[] members = ["m1", "m2", "m3", "m4", "m5", "m6"];
        string[] appointees = ["a1", "a2", "a3"];
        _groups = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["standing-committee"] = ["sc1", "sc2"],
            ["future-committee-members"] = members,
            ["bloc-cell-leaders"] = ["cl1", "cl2", "cl3"],
            ["organization-board"] = ["ob1"],
            ["inspection-committee"] = ["ik1", "ik2"],
            ["appointees"] = appointees,
            ["all-members"] = [.. members, .. appointees],
            ["new-executive-committee"] = appointees,
            ["ubkt"] = ["ik1", "ik2"],
        };
        foreach (var (group, ids) in _groups)
        {
            directory.SetGroup(group, ids.Select(Person), CaseId);
        }

        foreach (var id in _groups.Values.SelectMany(x => x).Distinct())
        {
            // One appointee prefers English; everyone else reads Vietnamese.
            directory.Add(new Participant(Person(id), $"Đồng chí {id.ToUpperInvariant()}", $"{Person(id)}@example.test", id == "a2" ? "en" : "vi"));
        }
    }

    public string CaseId { get; }

    public string StreamId => "case-" + CaseId;

    public string District { get; }

    public bool Finished => _nextStep > Steps.Length;

    /// <summary>(recipient, stored event id) of every notification the events so far call for.</summary>
    public IReadOnlyList<(string Recipient, Guid EventId)> Expected => _expected;

    public string Person(string id) => $"{CaseId}-{id}";

    public async Task LaunchAsync() =>
        await AppendAsync("case-started", new { caseId = CaseId, district = District, title = $"Thành lập Đảng bộ cơ sở khối Chính quyền huyện {District}", definitionId = "form-grassroots-committee" });

    /// <summary>Runs the next step: started, its task created (and on step 2 the conference invitation), task and step completed.</summary>
    public async Task RunNextStepAsync()
    {
        var (step, stepId, audience, assignee, group) = Steps[_nextStep - 1];
        _nextStep++;
        var started = await AppendAsync("step-started", new { caseId = CaseId, step, stepId });
        Expect(started, audience == "vetting" ? [.. _groups["organization-board"], .. _groups["inspection-committee"]] : _groups[audience]);

        var taskId = $"{CaseId}-t{step}";
        var created = await AppendAsync("task-created", new { caseId = CaseId, step, stepId, taskId, title = $"Xử lý bước {step}", assignee = assignee is null ? null : Person(assignee), candidateGroups = group is null ? Array.Empty<string>() : [group] });
        Expect(created, assignee is not null ? [assignee] : _groups[group!]);

        if (step == 2)
        {
            var invited = _groups["future-committee-members"].Select(Person).ToArray();
            var invitation = await AppendAsync("notification-requested", new { caseId = CaseId, step, stepId, kind = "conference-invitation", message = "Kính mời đồng chí dự hội nghị lấy phiếu tín nhiệm.", recipients = invited });
            Expect(invitation, _groups["future-committee-members"]);
        }

        await AppendAsync("task-completed", new { caseId = CaseId, step, stepId, taskId, outcome = "approved" });
        await AppendAsync("step-completed", new { caseId = CaseId, step, stepId, outcome = "done" });
        if (Finished)
        {
            await AppendAsync("case-completed", new { caseId = CaseId });
        }
    }

    public async Task RunToEndAsync()
    {
        await LaunchAsync();
        while (!Finished)
        {
            await RunNextStepAsync();
        }
    }

    private void Expect(Guid eventId, IEnumerable<string> people) =>
        _expected.AddRange(people.Distinct().Select(p => (Person(p), eventId)));

    private async Task<Guid> AppendAsync(string type, object data)
    {
        var result = await _store.AppendAsync(new AppendRequest(
            StreamId,
            AppendRequest.Any,
            [new NewEvent(type, JsonSerializer.Serialize(data))],
            new EventMetadata("ob1", "organization-board", _correlation)));
        return result.Events[0].EventId;
    }
}

using OrgRestructure.Workflows.Calendar;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Runtime;

/// <summary>
/// One command being decided: the case state it started from, the events decided so far (each
/// already applied to <see cref="State"/>), the actor and the one "now" recorded in every event.
/// If the command is refused the session is dropped and nothing is appended. Due dates count
/// working days by <see cref="Holidays"/>.
/// </summary>
internal sealed class CaseSession(WorkflowDefinition definition, CaseState state, Actor actor, DateTimeOffset now, HolidayCalendar holidays)
{
    private readonly List<ICaseEvent> _pending = [];

    public WorkflowDefinition Definition { get; } = definition;

    public CaseState State { get; private set; } = state;

    public Actor Actor { get; } = actor;

    public DateTimeOffset Now { get; } = now;

    public HolidayCalendar Holidays { get; } = holidays;

    public IReadOnlyList<ICaseEvent> Pending => _pending;

    public void Emit(ICaseEvent e)
    {
        State = State.Apply(e);
        _pending.Add(e);
    }
}

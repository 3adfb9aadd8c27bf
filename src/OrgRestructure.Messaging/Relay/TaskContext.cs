using System.Text.Json.Nodes;
using OrgRestructure.Contracts;
using OrgRestructure.Workflows.Events;

namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// What the engine attached to a task (<see cref="TaskCreated.Context"/>) that its notice repeats:
/// the committee it is for and, when the task revises a step a later one sent back, the return
/// (who, why, and the engine's own sentence about it).
/// </summary>
public sealed record TaskContext(string? Committee, StepReturnNotice? Returned)
{
    public static TaskContext Of(TaskCreated task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var context = task.Context ?? [];
        return new(JsonNodes.StringOf(context["item.name"]), ReturnOf(context["returned"] as JsonObject));
    }

    private static StepReturnNotice? ReturnOf(JsonObject? returned) =>
        returned is not null && JsonNodes.StringOf(returned["reason"]) is { } reason
            ? new StepReturnNotice(
                JsonNodes.StringOf(returned["by"]) ?? string.Empty,
                reason,
                JsonNodes.StringOf(returned["explanation"]?["vi"]) ?? reason,
                JsonNodes.StringOf(returned["explanation"]?["en"]) ?? reason)
            : null;
}

using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Definitions;

/// <summary>
/// A procedure as data (one file in workflows/). Id + version identify it; a case pins both and
/// the content <see cref="Hash"/>, so publishing a new version never changes a running case.
/// </summary>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    LocalizedText Title,
    LocalizedText? Description,
    IReadOnlyList<string> LegalBasis,
    IReadOnlyDictionary<string, ParameterDefinition> Parameters,
    IReadOnlyList<FormField> Input,
    IReadOnlyList<StepDefinition> Steps,
    string Hash,
    string SourceFile)
{
    /// <summary>The plan this version launches cases for, when it declares one (see <see cref="CampaignDeclaration"/>).</summary>
    public CampaignDeclaration? Campaign { get; init; }

    /// <summary>Every step, nested ForEach bodies included, by id (ids are unique per definition).</summary>
    public IReadOnlyDictionary<string, StepDefinition> AllSteps { get; } = Flatten(Steps).ToDictionary(s => s.Id, StringComparer.Ordinal);

    public StepDefinition Step(string id) => AllSteps[id];

    /// <summary>The steps of the container (root or a ForEach body) that <paramref name="step"/> lives in.</summary>
    public IReadOnlyList<StepDefinition> Siblings(StepDefinition step) =>
        step.ContainerId is null ? Steps : AllSteps[step.ContainerId].Body;

    /// <summary>The step after <paramref name="step"/>: its explicit next, else the following one; null at the end.</summary>
    public string? NextOf(StepDefinition step)
    {
        if (step.Next is not null)
        {
            return step.Next == StepDefinition.End ? null : step.Next;
        }

        var siblings = Siblings(step);
        var index = siblings.ToList().FindIndex(s => s.Id == step.Id);
        return index + 1 < siblings.Count ? siblings[index + 1].Id : null;
    }

    private static IEnumerable<StepDefinition> Flatten(IEnumerable<StepDefinition> steps) =>
        steps.SelectMany(s => new[] { s }.Concat(Flatten(s.Body)));
}

/// <summary>
/// A definition's "campaign": the kind of plan it serves (a district survey, the national commune
/// plan) and whether new cases of that plan start on it. The server finds a procedure by its plan,
/// so no definition id is written in code.
/// </summary>
public sealed record CampaignDeclaration(string Plan, bool Current);

/// <summary>Parameter types: integer, number, fraction, boolean, string, date.</summary>
/// <summary>
/// A definition's parameter. <see cref="Options"/>, when set, are the only values a string parameter
/// takes, each with the words people read (the code stays what the engine and the store see).
/// </summary>
public sealed record ParameterDefinition(string Name, string Type, JsonNode Default, LocalizedText Title, LocalizedText? Source, IReadOnlyDictionary<string, LocalizedText>? Options = null)
{
    /// <summary>The words for a value: its option's label, else the value as written.</summary>
    public LocalizedText Words(JsonNode? value)
    {
        var text = value?.ToString() ?? string.Empty;
        return Options is not null && Options.TryGetValue(text, out var label) ? label : new LocalizedText(text, text);
    }

    /// <summary>Whether a value is one of the options (always, when there are none).</summary>
    public bool Allows(JsonNode? value) =>
        Options is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && Options.ContainsKey(s));
}

/// <summary>Who works a step's task and by when: in working days from its start, and/or by a calendar date (the earlier counts).</summary>
public sealed record TaskSettings(
    string AssigneeRole,
    IReadOnlyList<string> CandidateGroups,
    string? ScopePath,
    JsonNode? DueWorkingDays,
    JsonNode? ReminderDaysBefore,
    string? EscalateTo,
    JsonNode? DueDate = null);

/// <summary>One step: an activity of <see cref="Kind"/> configured by <see cref="Config"/>.</summary>
public sealed record StepDefinition(
    string Id,
    LocalizedText Title,
    string Kind,
    JsonObject Config,
    TaskSettings? Task,
    string? Next,
    IReadOnlyList<StepDefinition> Body,
    string? ContainerId,
    string JsonPath,
    IReadOnlyList<DateOrderRule>? DateOrder = null)
{
    /// <summary>Value of <c>next</c> that ends the container.</summary>
    public const string End = "end";

    /// <summary>Which step of the procedure this is, as people count them ("number"; several steps may share one).</summary>
    public int? Number { get; init; }

    /// <summary>How notices name this step and who else hears of it (see <see cref="StepNotice"/>).</summary>
    public StepNotice? Notice { get; init; }

    /// <summary>The step's name in notices: the notice's title, else the step's.</summary>
    public LocalizedText NoticeTitle => Notice?.Title ?? Title;
}

/// <summary>
/// A date the step's form records may not fall before (<see cref="NotBefore"/>) and/or after
/// (<see cref="NotAfter"/>) a date at a data path: an earlier step's date or a date parameter of the schedule.
/// Both at one path: the same day.
/// </summary>
public sealed record DateOrderRule(string Field, string? NotBefore, string? NotAfter = null);

using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Definitions;

/// <summary>
/// A step's "notice": how its notices name it (<see cref="Title"/>, default the step's title), the
/// groups that hear of its start beyond its task's role (<see cref="Notify"/>: e.g. the bloc's cell
/// leaders), the sentence that notice adds (<see cref="Text"/>), further data paths a Notify step
/// attaches (<see cref="Data"/>: e.g. the ceremony's date) and, on a ForEach, who hears each time
/// one of its branches completes (<see cref="Progress"/>). Telling people does not change how a case
/// runs, so the notice, like the step's number, stays out of the content hash.
/// </summary>
public sealed record StepNotice(
    LocalizedText? Title,
    IReadOnlyList<string> Notify,
    LocalizedText? Text,
    IReadOnlyList<string> Data,
    ProgressNotice? Progress);

/// <summary>
/// Who hears each time a branch of a ForEach completes, and what they read: <see cref="Text"/> with
/// {district}, {name} (the branch's label), {done} and {total} (branches completed / started) filled in.
/// </summary>
public sealed record ProgressNotice(IReadOnlyList<string> Notify, LocalizedText Text);

using System.CommandLine;

namespace OrgRestructure.Cli;

/// <summary>
/// One operations command. Commands are found by reflection so that each feature adds its own
/// file without touching a shared list; System.CommandLine parses, validates and writes the help.
/// </summary>
internal interface ICliCommand
{
    /// <summary>Words that select the command, e.g. "migrate" or "bench store": the last is its name, the others its group.</summary>
    string Name { get; }

    /// <summary>
    /// The command with its typed options, validators and action. The description's first line is
    /// what the group's help lists; the rest is shown by "orgrestructure NAME --help". The action's
    /// exit code: 0 success, 1 failure found (e.g. verify), 2 bad input.
    /// </summary>
    Command Create(CliContext context);
}

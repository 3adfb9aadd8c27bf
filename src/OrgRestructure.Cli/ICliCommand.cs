namespace OrgRestructure.Cli;

/// <summary>
/// One operations command. Commands are found by reflection so that each feature adds its own
/// file without touching a shared list.
/// </summary>
internal interface ICliCommand
{
    /// <summary>Words that select the command, e.g. "migrate" or "bench store".</summary>
    string Name { get; }

    /// <summary>One line for --help.</summary>
    string Summary { get; }

    /// <summary>Usage text shown by "orgrestructure NAME --help".</summary>
    string Usage { get; }

    /// <summary>Exit code: 0 success, 1 failure found (e.g. verify), 2 bad input.</summary>
    Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken);
}

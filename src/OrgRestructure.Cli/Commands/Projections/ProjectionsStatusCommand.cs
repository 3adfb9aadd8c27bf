using System.CommandLine;
using OrgRestructure.Cli.Commands.Migrate;

namespace OrgRestructure.Cli.Commands.Projections;

/// <summary>orgrestructure projections status: where each read model stands against the log.</summary>
internal sealed class ProjectionsStatusCommand : ICliCommand
{
    public string Name => "projections status";

    public Command Create(CliContext context)
    {
        var command = new Command("status", """
            Show each projection's position, the log's, and the lag (events not folded yet)

            Prints each projection: kind (inline with the events, or async with a checkpoint), its
            rows, the last position it folded, the log's last position and the lag in events. An
            inline projection shows a lag only after its tables were emptied; run 'projections rebuild'.
            """);
        command.SetAction((_, cancellationToken) => StoreCommandSupport.RunMigratedAsync(
            context, store => new ProjectionOperations(store, context.Output).StatusAsync(cancellationToken), cancellationToken));
        return command;
    }
}

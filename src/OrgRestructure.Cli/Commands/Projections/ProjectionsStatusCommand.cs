using OrgRestructure.Cli.Commands.Migrate;

namespace OrgRestructure.Cli.Commands.Projections;

/// <summary>orgrestructure projections status: where each read model stands against the log.</summary>
internal sealed class ProjectionsStatusCommand : ICliCommand
{
    public string Name => "projections status";

    public string Summary => "Show each projection's position, the log's, and the lag (events not folded yet)";

    public string Usage => """
        Usage: orgrestructure projections status

        Prints each projection: kind (inline with the events, or async with a checkpoint), its
        rows, the last position it folded, the log's last position and the lag in events. An
        inline projection shows a lag only after its tables were emptied; run 'projections rebuild'.
        """;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (await StoreCommandSupport.ParseAsync(context, args, []) is null)
        {
            return 2;
        }

        return await StoreCommandSupport.RunMigratedAsync(context, store => new ProjectionOperations(store, context.Output).StatusAsync(cancellationToken), cancellationToken);
    }
}

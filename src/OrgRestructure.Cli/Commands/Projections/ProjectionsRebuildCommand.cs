using OrgRestructure.Cli.Commands.Migrate;

namespace OrgRestructure.Cli.Commands.Projections;

/// <summary>orgrestructure projections rebuild [NAME]: the read models again from the event log.</summary>
internal sealed class ProjectionsRebuildCommand : ICliCommand
{
    public string Name => "projections rebuild";

    public string Summary => "Rebuild read models (case lists, inboxes) from the event log in one transaction";

    public string Usage => $"""
        Usage: orgrestructure projections rebuild [NAME]

        Folds every case event again and replaces the read model's rows in one transaction, so
        readers see the old rows until it commits and appends wait for it: safe while servers run.
        NAME: {string.Join(", ", ProjectionOperations.Names)} (default: all).
        """;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var name = args.Count > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : null;
        if (await StoreCommandSupport.ParseAsync(context, [.. args.Skip(name is null ? 0 : 1)], []) is null)
        {
            return 2;
        }

        if (name is not null && !ProjectionOperations.Names.Contains(name))
        {
            await context.Error.WriteLineAsync($"Unknown projection '{name}' (known: {string.Join(", ", ProjectionOperations.Names)}). / Không có phép chiếu '{name}'.");
            return 2;
        }

        return await StoreCommandSupport.RunMigratedAsync(context, store => new ProjectionOperations(store, context.Output).RebuildAsync(name, cancellationToken), cancellationToken);
    }
}

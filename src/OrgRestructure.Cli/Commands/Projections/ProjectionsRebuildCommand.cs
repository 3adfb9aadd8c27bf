using System.CommandLine;
using OrgRestructure.Cli.Commands.Migrate;

namespace OrgRestructure.Cli.Commands.Projections;

/// <summary>orgrestructure projections rebuild [NAME]: the read models again from the event log.</summary>
internal sealed class ProjectionsRebuildCommand : ICliCommand
{
    public string Name => "projections rebuild";

    public Command Create(CliContext context)
    {
        var name = new Argument<string?>("NAME")
        {
            Description = $"The projection to rebuild: {string.Join(", ", ProjectionOperations.Names)} (default: all)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        name.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !ProjectionOperations.Names.Contains(value))
            {
                result.AddError($"Unknown projection '{value}' (known: {string.Join(", ", ProjectionOperations.Names)}). / Không có phép chiếu '{value}'.");
            }
        });
        var command = new Command("rebuild", $"""
            Rebuild read models (case lists, inboxes) from the event log in one transaction

            Folds every case event again and replaces the read model's rows in one transaction, so
            readers see the old rows until it commits and appends wait for it: safe while servers run.
            NAME: {string.Join(", ", ProjectionOperations.Names)} (default: all).
            """) { name };
        command.SetAction((parsed, cancellationToken) => StoreCommandSupport.RunMigratedAsync(
            context, store => new ProjectionOperations(store, context.Output).RebuildAsync(parsed.GetValue(name), cancellationToken), cancellationToken));
        return command;
    }
}
